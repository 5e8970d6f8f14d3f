// MARK: - BriefingSpec (being written)
import BriefingCore
