// MARK: - BriefingRender (being written)
import BriefingScene
import CairoKit
