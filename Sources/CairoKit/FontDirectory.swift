import CCairo
import Dispatch

// MARK: - Application fonts

/// Adds a folder of fonts to this process's fontconfig configuration (not the system's), so
/// families built by `make` (e.g. `Briefing Sans CJK SC`) resolve without installing them.
/// Call before the first Pango font map is used. Returns false when fontconfig refused the folder.
@discardableResult
public func registerFontDirectory(_ path: String) -> Bool {
  FcConfigAppFontAddDir(nil, path) != 0
}

// MARK: - Font start-up off the main thread

/// Font set-up run on another thread while the caller does other work (reading layouts and
/// data): fontconfig's start-up alone (parsing `/etc/fonts`, loading its caches) is about 25 M
/// instructions, some 15 ms. Everything in CairoKit that reaches fontconfig or Pango (text
/// contexts, font maps, family lists) first waits for it, so no text is ever shaped with a
/// half-built configuration.
public enum FontStartup {
  private static let group = DispatchGroup()

  /// Runs `work` (e.g. `registerFontDirectory` calls) on a background thread. Call at most once,
  /// before anything in CairoKit touches text.
  public static func begin(_ work: @escaping @Sendable () -> Void) {
    group.enter()
    DispatchQueue.global(qos: .userInitiated).async {
      work()
      group.leave()
    }
  }

  /// Returns once the work given to `begin` has finished (at once when there was none).
  static func wait() { group.wait() }
}
