import BriefingCore
import Foundation

// MARK: - Writing index.html

/// Where `index.html` is written, and when.
///
/// - A run that publishes stages the page with its outputs and manifests and publishes it with
///   them, before the manifests (`manifest.json` stays last): all of them or none.
/// - A run that publishes nothing (invalid data, a layout error, every unit failed, an I/O
///   failure) rewrites the page in place, as it rewrites `manifest.json`: the page must not say
///   "ok" while the latest run failed, and `manifest.json` already describes the failed run.
///   Its page lists the failures and, so that the files still in place stay one click away, the
///   files of the newest run under `runs/` that published some (gone once `retention` pruned it).
/// - A delivery (`on_success`, and its retries) rewrites the page with the delivery's state.
/// - A shard writes no page; its merge writes the page of the whole run.
extension Run {
  /// The pages this run publishes before its manifests: `index.html`, or none for a shard.
  var indexPagePaths: [String] { options.shard == nil ? [RunIndexPage.fileName] : [] }

  /// Stages the page of `manifest` (a run that publishes) into `staging`.
  func stageIndexPage(for manifest: Manifest, in staging: String) throws(FileFailure) {
    for path in indexPagePaths {
      try options.fileSystem.writeStagedFile(staging + "/" + path, Array(RunIndexPage.html(for: manifest).utf8))
    }
  }

  /// Replaces `index.html` in place (a temporary file, then a rename) with the page of
  /// `manifest`; a failure is logged (`event=index-failed`) and leaves the previous page.
  func writeIndexPage(for manifest: Manifest) {
    guard let path = indexPagePaths.first else { return }
    let earlier = manifest.outputs.isEmpty ? newestPublishingRun(besides: manifest.runID) : nil
    let bytes = Array(RunIndexPage.html(for: manifest, filesFrom: earlier).utf8)
    let temporary = out + "/" + Self.indexTemporaryPrefix + manifest.runID
    do {
      try Posix.unlink(temporary)
      try options.fileSystem.writeNewFile(temporary, bytes)
      try options.fileSystem.rename(temporary, out + "/" + path)
    } catch {
      try? Posix.unlink(temporary)
      log.emit(.error, "index-failed", [("path", path), ("error", "\(error)")])
    }
  }

  /// The temporary name of a page written in place; a leftover is removed by the next run.
  static let indexTemporaryPrefix = "." + RunIndexPage.fileName + ".tmp-"

  /// The manifest under `runs/` with the latest `startedAt` (then the greater run id) that
  /// lists published files, other than run `current`'s.
  private func newestPublishingRun(besides current: String) -> Manifest? {
    let runs = out + "/runs"
    let found = Posix.list(runs).filter { $0 != current }.compactMap { name -> Manifest? in
      guard let data = FileManager.default.contents(atPath: runs + "/" + name + "/manifest.json"),
        let manifest = try? JSONDecoder().decode(Manifest.self, from: data), !manifest.outputs.isEmpty
      else { return nil }
      return manifest
    }
    return found.max { ($0.startedAt, $0.runID) < ($1.startedAt, $1.runID) }
  }
}
