import Foundation
import Testing
import TestSupport

@testable import BriefingJobs

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - The one safe write

@Suite struct AtomicFileTests {
  /// A file `victim` outside `folder` holding "keep"; returns its path.
  static func victim(in dir: String) throws -> String {
    let path = dir + "/victim.txt"
    try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  static func entries(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  @Test func writeReplacesWholeFile() throws {
    let dir = try TestScratch.folder("atomic")
    let path = dir + "/sub/out.bin"
    try AtomicFile.write([1, 2, 3], to: path)
    try AtomicFile.write([4], to: path)
    #expect(FileManager.default.contents(atPath: path) == Data([4]))
    #expect(try Self.entries(dir + "/sub") == ["out.bin"])
  }

  /// A stream dropped before `commit` (an error half-way through an export) leaves the old file
  /// as it was and no temporary file; pieces written before `commit` are unseen.
  @Test func streamPublishesOnlyOnCommit() throws {
    let dir = try TestScratch.folder("atomic")
    let path = dir + "/out.csv"
    try AtomicFile.write([1, 2, 3], to: path)
    do {
      let abandoned = try AtomicFile.Stream(path: path)
      try abandoned.write([9, 9])
    }
    #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
    #expect(try Self.entries(dir) == ["out.csv"])
    let stream = try AtomicFile.Stream(path: path)
    try stream.write([4, 5])
    try stream.write([])
    try stream.write([6])
    #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
    try stream.commit()
    #expect(FileManager.default.contents(atPath: path) == Data([4, 5, 6]))
    #expect(try Self.entries(dir) == ["out.csv"])
  }

  /// `--out /dev/null` must not rename a temporary file over the device (as root it would
  /// replace it): devices and pipes are written in place.
  @Test func writeToADeviceWritesInPlace() throws {
    try AtomicFile.write([1, 2, 3], to: "/dev/null")
    var status = stat()
    #expect(stat("/dev/null", &status) == 0)
    #expect(status.st_mode & S_IFMT == S_IFCHR)
  }

  /// The old temporary name `.<name>.<pid>.tmp` was opened with O_CREAT|O_TRUNC: a link planted
  /// there truncated the file it pointed to. Links at every name the old code would have used,
  /// and at the destination, leave the outside file alone.
  @Test func plantedLinksNeverTruncateAFileOutsideTheFolder() throws {
    let dir = try TestScratch.folder("atomic")
    let victim = try Self.victim(in: dir)
    let out = dir + "/out"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    for name in [".report.pdf.\(getpid()).tmp", "report.pdf"] {
      try FileManager.default.createSymbolicLink(atPath: out + "/" + name, withDestinationPath: victim)
    }
    try AtomicFile.write([1, 2, 3], to: "report.pdf", in: out)
    #expect(FileManager.default.contents(atPath: victim) == Data("keep".utf8))
    #expect(FileManager.default.contents(atPath: out + "/report.pdf") == Data([1, 2, 3]))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/.report.pdf.\(getpid()).tmp") == victim)
  }

  /// Temporary names are random: two streams to one destination never share one.
  @Test func temporaryNamesAreRandom() throws {
    let dir = try TestScratch.folder("atomic")
    let first = try AtomicFile.Stream("a.bin", in: dir)
    let second = try AtomicFile.Stream("a.bin", in: dir)
    let temporaries = try Self.entries(dir)
    #expect(temporaries.count == 2 && temporaries.allSatisfy { $0.hasPrefix(".briefing-") && $0.hasSuffix(".tmp") })
    try first.commit()
    try second.commit()
    #expect(try Self.entries(dir) == ["a.bin"])
  }

  /// A link among the folders below the output folder is refused, with its path in the error.
  @Test func linkedSubfolderIsRefused() throws {
    let dir = try TestScratch.folder("atomic")
    let outside = try TestScratch.folder("outside")
    try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir + "/out/charts", withDestinationPath: outside)
    #expect {
      try AtomicFile.write([1], to: "charts/a/b.png", in: dir + "/out")
    } throws: { error in
      (error as? FileFailure)?.path == dir + "/out/charts" && [ENOTDIR, ELOOP].contains((error as? FileFailure)?.code)
    }
    #expect(try Self.entries(outside).isEmpty)
  }

  @Test func logAppendRefusesLinksAndKeepsAppending() throws {
    let dir = try TestScratch.folder("atomic")
    let victim = try Self.victim(in: dir)
    try FileManager.default.createSymbolicLink(atPath: dir + "/linked.log", withDestinationPath: victim)
    #expect(throws: FileFailure.self) { try LogFile.append(Array("x\n".utf8), to: dir + "/linked.log") }
    #expect(FileManager.default.contents(atPath: victim) == Data("keep".utf8))
    try LogFile.append(Array("a\n".utf8), to: dir + "/logs/briefing.log")
    try LogFile.append(Array("b\n".utf8), to: dir + "/logs/briefing.log")
    #expect(FileManager.default.contents(atPath: dir + "/logs/briefing.log") == Data("a\nb\n".utf8))
  }
}

// MARK: - The one naming function

@Suite struct SafeNamePropertyTests {
  /// Pieces ids are drawn from: Latin, Chinese (3 bytes each), characters Windows refuses,
  /// dots, spaces, separators, controls, emoji (4 bytes), combining marks.
  static let pieces: [String] = [
    "a", "Z", "0", "-", "_", ",", " ", ".", "..", "/", "\\", ":", "*", "?", "\"", "<", ">", "|",
    "\n", "\t", "\u{0}", "\u{7F}", "\u{200B}", "肃", "州", "区", "敦煌市", "é", "e\u{301}", "😀", "~", "%",
  ]

  static func randomID(_ random: inout SeededGenerator) -> String {
    let length = random.int(0...80)
    return (0..<length).map { _ in pieces[random.int(0...(pieces.count - 1))] }.joined()
  }

  /// Any id gives a safe, bounded name (bytes counted, extension included) that names itself.
  @Test(arguments: 0..<8) func anyIDGivesASafeBoundedName(seed: UInt64) {
    var random = SeededGenerator(seed: seed &* 7919 &+ 1)
    for _ in 0..<500 {
      let id = Self.randomID(&random)
      let name = SafeName.component(id)
      #expect(name.utf8.count <= SafeName.maxBytes, "\(id.debugDescription)")
      #expect(SafeName.isSafeRelativePath(name), "\(id.debugDescription) → \(name.debugDescription)")
      #expect(!name.contains("/") && !name.hasPrefix(".") && !name.hasSuffix(" ") && !name.hasSuffix("."))
      #expect(!name.unicodeScalars.contains { ":*?\"<>|\\".unicodeScalars.contains($0) || $0.value < 0x20 })
      #expect(SafeName.component(name) == name, "a safe name is its own name")
      for suffix in ["pdf", "png", "svg"] {
        let file = SafeName.file(id, extension: suffix)
        #expect(file.utf8.count <= SafeName.maxBytes && file.hasSuffix("." + suffix))
        #expect(SafeName.isSafeRelativePath(file), "\(file.debugDescription)")
      }
    }
  }

  /// Two ids get one name only when they differ in replaced or dropped characters: a cut
  /// never merges them (each cut name carries a digest of its whole id).
  @Test(arguments: 0..<4) func longIDsStayUnique(seed: UInt64) {
    var random = SeededGenerator(seed: seed &+ 101)
    var names: [String: String] = [:]
    for index in 0..<300 {
      let stem = String(repeating: "敦煌市", count: random.int(30...60))
      let id = stem + "\(index)"
      let name = SafeName.file(id, extension: "pdf")
      #expect(name.utf8.count <= SafeName.maxBytes)
      #expect(names[name] == nil, "\(id) and \(names[name] ?? "") share \(name)")
      names[name] = id
    }
  }

  @Test func collisionNamesBothIDsIgnoringCase() throws {
    let found = try #require(SafeName.collision(among: ["va:agri", "gdp", "va_agri"]) { SafeName.component($0) })
    #expect(found.first == "va:agri" && found.second == "va_agri" && found.name == "va_agri")
    #expect(SafeName.collision(among: ["GDP", "gdp"]) { SafeName.component($0) } != nil)
    #expect(SafeName.collision(among: ["Korea, Rep.", "Korea, Rep"]) { SafeName.component($0) } != nil)
    #expect(SafeName.collision(among: ["肃州区", "玉门市", "gdp"]) { SafeName.component($0) } == nil)
  }

  /// A long output name gets its extension within the cap (the old `name + ".pdf"` was 124 bytes).
  @Test func extensionFitsWithinTheCap() {
    let long = SafeName.component(String(repeating: "敦煌市", count: 15))
    #expect(long.utf8.count <= SafeName.maxBytes)
    let path = SafeName.appendingExtension("pdf", to: "layout/" + long)
    #expect(SafeName.isSafeRelativePath(path), "\(path)")
    #expect(path.hasPrefix("layout/") && path.hasSuffix(".pdf"))
  }
}
