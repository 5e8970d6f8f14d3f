// MARK: - CairoKit (being written)
import CCairo
