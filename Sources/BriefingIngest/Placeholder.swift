// MARK: - BriefingIngest (being written)
import BriefingCore
