// MARK: - BriefingJobs (being written)
import BriefingCore
