import Foundation

// MARK: - A layout by path or by name

/// The one rule for what a layout reference names, for `render --layout` and for each entry of
/// a job file's `layouts:`:
/// 1. the file at the reference, taken relative to `base` (the working folder for `--layout`,
///    the job file's folder for a job), wins;
/// 2. else a shipped layout's name (`ShippedFolders.layoutName`: no `/`, with or without
///    `.yaml`, or `Layouts/<file>`) is the first `<folder>/<name>.yaml` among `folders`;
/// 3. else a name is `NotFound`, naming both places looked in and the closest shipped name;
///    any other path is returned as given, for reading it to report.
public struct LayoutLookup: Sendable {
  /// Shipped layout folders in search order (`ShippedFolders.candidates(.layouts, …)`); they
  /// need not exist.
  public var folders: [String]

  public init(folders: [String]) {
    self.folders = folders
  }

  /// A layout name found neither beside `base` nor among the shipped layouts.
  public struct NotFound: Error, Hashable, Sendable {
    /// The file tried: the reference relative to `base`.
    public var path: String
    /// What was looked for and where: the file tried and the shipped folders that exist.
    public var message: String
    /// The closest shipped name, if one is close.
    public var suggestion: String?
  }

  /// The file `reference` means (the rule above); `base` nil is the working folder.
  public func file(_ reference: String, relativeTo base: String? = nil) -> Result<String, NotFound> {
    let exists = { (path: String) in Self.isFile(path) }
    if let found = ShippedFolders.layoutFile(reference, relativeTo: base, in: folders, exists: exists) {
      return .success(found)
    }
    let given = ShippedFolders.path(reference, relativeTo: base)
    guard ShippedFolders.layoutName(reference) != nil else { return .success(given) }
    let searched = folders.filter(Self.isDirectory)
    let shipped =
      searched.isEmpty
      ? "no shipped layouts (none of \(folders.joined(separator: ", ")) exists)"
      : "nor a shipped layout in \(searched.joined(separator: ", ")) (shipped: \(names.joined(separator: ", ")))"
    return .failure(
      NotFound(
        path: given,
        message: "no layout '\(reference)': no file \(given), \(shipped)",
        suggestion: Suggestion.closest(to: reference, in: names)))
  }

  /// Names of the shipped layouts (file names without `.yaml`) in every folder, sorted, each once.
  public var names: [String] {
    let names = folders.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    }
    return Array(Set(names)).sorted()
  }

  static func isFile(_ path: String) -> Bool {
    FileManager.default.isReadableFile(atPath: path) && !isDirectory(path)
  }

  static func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
  }
}
