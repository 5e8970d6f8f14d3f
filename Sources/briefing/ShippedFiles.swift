import ArgumentParser
import BriefingCore
import Foundation

// MARK: - Shipped files of this process

/// The shipped files this running binary finds: `ShippedFolders.candidates` for the binary at
/// `/proc/self/exe`, this process's environment and home folder. Fonts, calendars, layouts,
/// recipes and schemas are all looked up through here.
enum ShippedFiles {
  /// The running binary's resolved absolute path.
  static var executable: String {
    let path =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }

  /// Candidate folders for `kind`, in search order (they need not exist).
  static func folders(_ kind: ShippedFolders.Kind) -> [String] {
    ShippedFolders.candidates(
      kind, executable: executable, environment: ProcessInfo.processInfo.environment, home: NSHomeDirectory())
  }

  /// The first candidate folder for `kind` that exists, or nil.
  static func folder(_ kind: ShippedFolders.Kind) -> String? {
    folders(kind).first { isDirectory($0) }
  }

  // MARK: Layouts

  /// The shipped layouts this process finds, looked up by `LayoutLookup`'s rule (also a job
  /// file's `layouts:`).
  static var layouts: LayoutLookup { LayoutLookup(folders: folders(.layouts)) }

  /// The layout file `reference` (`--layout`) means: a file that exists as given, else the
  /// shipped layout it names (`ranking-bulletin`, or `Layouts/ranking-bulletin.yaml` from any
  /// working folder). A name that is neither is an I/O failure (74) naming where it was looked
  /// for and the shipped names; any other path is returned as given (reading it reports the error).
  static func layoutPath(_ reference: String) throws(Failure) -> String {
    switch layouts.file(reference) {
    case .success(let path): return path
    case .failure(let missing):
      throw .io(missing.message + (missing.suggestion.map { "; did you mean '\($0)'?" } ?? ""))
    }
  }

  /// Shell completion of `--layout`: the shipped layout names, then YAML files and folders
  /// under the word typed so far.
  static let layoutCompletion = CompletionKind.custom { _, _, prefix in
    layouts.names.filter { $0.hasPrefix(prefix) } + yamlFiles(matching: prefix)
  }

  /// `.yaml` files and folders whose path starts with `prefix` (relative to the working folder).
  private static func yamlFiles(matching prefix: String) -> [String] {
    let folder = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
    return entries.sorted().map { folder + $0 }.filter { path in
      path.hasPrefix(prefix) && !path.dropFirst(folder.count).hasPrefix(".")
        && (path.hasSuffix(".yaml") || isDirectory(path))
    }.map { isDirectory($0) ? $0 + "/" : $0 }
  }

  private static func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
  }
}
