// MARK: - BriefingNarrative (being written)
import BriefingStats
import COpenCC
