// MARK: - Where shipped files are found

/// The one rule for finding the files Briefing ships beside its binary (layouts, derived fonts,
/// holiday calendars, hook recipes, JSON Schemas), so an installed tool, a copied install and a
/// development checkout all work from any working folder. Pure: it lists candidate folders;
/// callers take the first that holds what they look for.
///
/// Candidates, in order, for a binary at `<exe>`:
/// 1. `$BRIEFING_<KIND>_DIR` (e.g. `BRIEFING_LAYOUT_DIR`), when set and not empty;
/// 2. `<exe>/../share/briefing/<Folder>`: an installed tool (`make install`: `<prefix>/bin` and
///    `<prefix>/share/briefing`), wherever the prefix was copied;
/// 3. the checkout of a SwiftPM build (`<checkout>/.build/<triple>/<configuration>/briefing`):
///    `<checkout>/<Folder>` (fonts: `<checkout>/.build/fonts`, where `make fonts` writes them);
/// 4. `~/.local/share/briefing/<Folder>`.
public enum ShippedFolders {
  /// A kind of shipped file, by the folder that holds it under `share/briefing/`.
  public enum Kind: String, CaseIterable, Sendable {
    case layouts = "Layouts"
    case fonts
    case calendars = "Calendars"
    case recipes = "Recipes"
    case schemas = "Schemas"

    /// The variable that overrides the search, e.g. `BRIEFING_LAYOUT_DIR`.
    public var environmentVariable: String {
      switch self {
      case .layouts: "BRIEFING_LAYOUT_DIR"
      case .fonts: "BRIEFING_FONT_DIR"
      case .calendars: "BRIEFING_CALENDAR_DIR"
      case .recipes: "BRIEFING_RECIPE_DIR"
      case .schemas: "BRIEFING_SCHEMA_DIR"
      }
    }

    /// Where a checkout keeps this kind, relative to the checkout's root.
    var checkoutFolder: String { self == .fonts ? ".build/fonts" : rawValue }
  }

  /// Candidate folders for `kind`, in search order. `executable` is the running binary's
  /// resolved absolute path (`/proc/self/exe`), `home` the user's home folder.
  public static func candidates(
    _ kind: Kind, executable: String, environment: [String: String], home: String
  ) -> [String] {
    var folders: [String] = []
    if let dir = environment[kind.environmentVariable], !dir.isEmpty { folders.append(dir) }
    let binaryFolder = parent(executable)
    folders.append(normalized(binaryFolder + "/../share/briefing/" + kind.rawValue))
    folders.append(normalized(binaryFolder + "/../../../" + kind.checkoutFolder))
    folders.append(home + "/.local/share/briefing/" + kind.rawValue)
    return folders
  }

  // MARK: Layouts by name

  /// The layout file `reference` means: itself (relative to `base`, default the working
  /// folder) when `exists`; else, for a name (`ranking-bulletin`, `ranking-bulletin.yaml`) or a
  /// checkout-relative path (`Layouts/ranking-bulletin.yaml`, the default `--layout`), the first
  /// `<folder>/<name>.yaml` that exists in `folders`; nil when neither (a missing path other than
  /// these is the caller's to report as given).
  public static func layoutFile(
    _ reference: String, relativeTo base: String? = nil, in folders: [String], exists: (String) -> Bool
  ) -> String? {
    let given = path(reference, relativeTo: base)
    if exists(given) { return given }
    guard let name = layoutName(reference) else { return nil }
    let file = name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? name : name + ".yaml"
    return folders.map { $0 + "/" + file }.first(where: exists)
  }

  /// The shipped layout's name a reference stands for: the reference itself when it holds no
  /// `/`, the file name of `Layouts/<file>` (also `./Layouts/<file>`), else nil.
  public static func layoutName(_ reference: String) -> String? {
    let parts = reference.split(separator: "/", omittingEmptySubsequences: false).filter { $0 != "." }
    if parts.count == 1, let only = parts.first, !only.isEmpty, !only.hasPrefix(".") { return String(only) }
    guard !reference.hasPrefix("/"), parts.count == 2, parts[0] == Kind.layouts.rawValue, !parts[1].isEmpty
    else { return nil }
    return String(parts[1])
  }

  // MARK: Paths

  /// `reference` relative to `base`, `.` and `..` resolved; nil `base` (the working folder)
  /// leaves it as given.
  public static func path(_ reference: String, relativeTo base: String?) -> String {
    guard let base else { return reference }
    return normalized(reference.hasPrefix("/") ? reference : base + "/" + reference)
  }

  /// The folder part of an absolute path (`/a/b/c` → `/a/b`; `/c` → `/`).
  static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `path` with `.` and `..` components resolved lexically (no file system access).
  static func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(part)
      }
    }
    return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
  }
}
