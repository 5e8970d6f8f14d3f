import BriefingCore
import Foundation

// MARK: - Publication

/// How `publish` ended.
enum PublicationResult {
  case published
  /// The output folder holds what it held before (nothing renamed, or everything put back).
  case failed(Finding.Message)
  /// `RunOptions.afterPublish` simulated a crash: return at once, as kill -9 would.
  case crashed
}

/// A folder on the way to a file that must not be used: a symbolic link leading outside the
/// output folder, or something that is not a folder.
struct PathProblem: Error, CustomStringConvertible {
  var path: String
  var why: String
  var description: String { "'\(path)': \(why)" }
}

extension Run {
  /// Renames the staged `outputs`, then `records` (`index.html`, then the manifests,
  /// `manifest.json` last), from `staging` into the output folder: all of them or none.
  ///
  /// First every destination folder is created and every file about to be replaced gets a
  /// second name (a hard link) under `staging/.previous/`. Nothing visible has changed yet, so
  /// a failure there (a full disk, a symbolic link leading outside) just stops. Then the
  /// renames: if one fails, the files already renamed get their previous version back (or are
  /// removed when they are new) and the folders this run created are removed again.
  mutating func publish(_ outputs: [Manifest.Output], then records: [String], from staging: String) -> PublicationResult {
    let paths = outputs.map(\.path) + records
    let previous = staging + "/.previous"
    var created: [String] = []
    do {
      for path in paths { created += try ensureDirectories(root: out, for: path, checkLinks: true) }
      try options.fileSystem.makeDirectory(previous)
      for path in paths {
        switch try Posix.kind(out + "/" + path) {
        case .other, .symlink:
          try ensureDirectories(root: previous, for: path)
          try options.fileSystem.link(out + "/" + path, previous + "/" + path)
        case .missing, .directory:
          break  // nothing to keep; a folder in the way makes the rename fail below
        }
      }
    } catch {
      removeFolders(created)
      return .failed(Self.message(for: error))
    }

    var renamed: [String] = []
    var touched: Set<String> = []
    for path in paths {
      do {
        try options.fileSystem.rename(staging + "/" + path, out + "/" + path)
      } catch {
        log.emit(.error, "publish-failed", [("path", path), ("error", "\(error)")])
        let restored = rollBack(renamed, previous: previous)
        removeFolders(created)
        let state = restored ? "the \(renamed.count) files renamed before it were put back" : "some files could not be put back (see the log)"
        return .failed(.outputIO("publishing '\(path)': \(error); \(state)"))
      }
      renamed.append(path)
      touched.insert((out + "/" + path as NSString).deletingLastPathComponent)
      guard renamed.count <= outputs.count else { continue }
      published.append(path)
      log.emit(.info, "published", [("path", path), ("bytes", "\(outputs[renamed.count - 1].size)")])
      if let limit = options.pauseAfterPublishing, published.count == limit {
        log.emit(.info, "paused", [("published", "\(published.count)")])
        options.onPause()
      }
      if let hook = options.afterPublish {
        do { try hook(published.count) } catch { return .crashed }
      }
    }
    for directory in touched { Posix.fsyncDirectory(directory) }
    return .published
  }

  /// Puts back the previous version of each renamed file (from its hard link under
  /// `previous`), or removes it when it is new; false when any of them failed.
  private mutating func rollBack(_ renamed: [String], previous: String) -> Bool {
    var restored = true
    for path in renamed.reversed() {
      let backup = previous + "/" + path
      do {
        if try Posix.kind(backup) == .missing {
          try Posix.unlink(out + "/" + path)
        } else {
          try options.fileSystem.rename(backup, out + "/" + path)
        }
      } catch {
        log.emit(.error, "rollback-failed", [("path", path), ("error", "\(error)")])
        restored = false
      }
    }
    if !renamed.isEmpty { log.emit(.info, "rolled-back", [("files", "\(renamed.count)")]) }
    published.removeAll()
    return restored
  }

  /// Removes the folders `publish` created (innermost first), those that are still empty.
  private func removeFolders(_ created: [String]) {
    for folder in created.reversed() { Posix.removeEmptyDirectory(folder) }
  }

  /// The finding for a failed preparation: an unsafe path, or an I/O error.
  static func message(for error: any Error) -> Finding.Message {
    if let problem = error as? PathProblem { return .unsafeOutput(problem.path, why: problem.why) }
    return .outputIO("\(error)")
  }

  // MARK: Folders

  /// Creates the folders of `relative` under `root` and returns those it created; with
  /// `checkLinks`, a folder that is a symbolic link must lead inside the output folder.
  @discardableResult
  func ensureDirectories(root: String, for relative: String, checkLinks: Bool = false) throws -> [String] {
    var parts = relative.split(separator: "/").map(String.init)
    parts.removeLast()
    var current = root
    var created: [String] = []
    for part in parts {
      current += "/" + part
      switch try Posix.kind(current) {
      case .missing:
        try options.fileSystem.makeDirectory(current)
        created.append(current)
      case .directory: break
      case .symlink:
        guard checkLinks, let target = Posix.realPath(current), let base = Posix.realPath(out),
          target == base || target.hasPrefix(base + "/")
        else { throw PathProblem(path: current, why: "it is a symbolic link leading outside the output folder") }
      case .other:
        throw PathProblem(path: current, why: "it is not a folder")
      }
    }
    return created
  }
}
