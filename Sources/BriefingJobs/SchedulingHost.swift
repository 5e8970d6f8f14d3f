import Foundation

// MARK: - The machine that runs the schedule

/// What `briefing schedule` needs to know about the machine: which cron daemon is installed and
/// whether it honours `CRON_TZ`, the zone it runs in, and the systemd version.
///
/// Read from files only (no daemon is asked): the daemon binary (`daemonPaths`, symlinks
/// followed), dpkg's status file for package versions, `/etc/localtime` and `/etc/timezone`.
/// `root` prefixes every path so tests can inspect a fake tree.
public struct SchedulingHost: Hashable, Sendable {
  /// The cron daemon found, or nil when none is installed.
  public var cron: CronDaemon?
  /// The IANA zone cron runs in (the machine's zone), or nil when it cannot be named.
  public var zone: String?
  /// The major version of the installed `systemd` package, or nil when unknown.
  public var systemdVersion: Int?

  public init(cron: CronDaemon?, zone: String?, systemdVersion: Int?) {
    self.cron = cron
    self.zone = zone
    self.systemdVersion = systemdVersion
  }

  /// Cron daemon binaries looked at, in order: Debian's `cron` package, cronie (Fedora, Arch,
  /// also `/usr/sbin/crond`), and the `crond` link of a busybox system (Alpine).
  public static let daemonPaths = ["/usr/sbin/cron", "/usr/sbin/crond", "/sbin/crond", "/usr/bin/crond"]
  static let dpkgStatus = "/var/lib/dpkg/status"

  /// Inspects the machine under `root` ("" for this one).
  public static func inspect(root: String = "") -> SchedulingHost {
    let packages = (try? String(contentsOfFile: root + dpkgStatus, encoding: .utf8)).map(installedPackages) ?? [:]
    let systemd = packages["systemd"].flatMap { Int($0.prefix { $0.isNumber }) }
    return SchedulingHost(cron: findCron(root: root, packages: packages), zone: zone(root: root), systemdVersion: systemd)
  }

  /// The first daemon binary that exists, classified by its bytes: one that mentions `CRON_TZ`
  /// reads it (cronie does; Debian's cron 3.0pl1 and busybox `crond` contain no such string).
  static func findCron(root: String, packages: [String: String]) -> CronDaemon? {
    for path in daemonPaths {
      guard let resolved = resolve(root + path, root: root),
        let bytes = FileManager.default.contents(atPath: resolved)
      else { continue }
      let target = String(resolved.dropFirst(root.count))
      return CronDaemon.classify(path: path, target: target, bytes: Array(bytes), packages: packages)
    }
    return nil
  }

  /// Follows symlinks (absolute targets are taken under `root`); nil when nothing is there.
  static func resolve(_ path: String, root: String) -> String? {
    var current = path
    for _ in 0..<8 {
      guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
        return FileManager.default.fileExists(atPath: current) ? current : nil
      }
      current = link.hasPrefix("/")
        ? root + link : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).standardized.path
    }
    return nil
  }

  /// The zone named by the `/etc/localtime` link (`…/zoneinfo/Asia/Shanghai`), else by
  /// `/etc/timezone`; nil when neither names a zone Foundation knows.
  static func zone(root: String) -> String? {
    var names: [String] = []
    if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/etc/localtime"),
      let range = link.range(of: "zoneinfo/")
    {
      var name = String(link[range.upperBound...])
      for prefix in ["posix/", "right/"] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
      names.append(name)
    }
    if let text = try? String(contentsOfFile: root + "/etc/timezone", encoding: .utf8) {
      names.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return names.first { !$0.isEmpty && TimeZone(identifier: $0) != nil }
  }

  /// Package → version for the packages dpkg lists as installed.
  static func installedPackages(_ status: String) -> [String: String] {
    var result: [String: String] = [:]
    for stanza in status.components(separatedBy: "\n\n") {
      var fields: [String: String] = [:]
      for line in stanza.split(separator: "\n") where !line.hasPrefix(" ") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
      if let name = fields["Package"], let version = fields["Version"], fields["Status"]?.hasSuffix(" installed") == true {
        result[name] = version
      }
    }
    return result
  }
}

// MARK: - Cron daemons

/// An installed cron daemon and whether it reads `CRON_TZ` (the zone of the lines after it).
public struct CronDaemon: Hashable, Sendable, CustomStringConvertible {
  public enum Family: String, Hashable, Sendable {
    case cronie
    /// Debian's and Ubuntu's `cron` package, Vixie cron 3.0pl1 with patches.
    case debian = "Debian cron"
    case busybox = "busybox crond"
    case other = "cron"
  }

  public var family: Family
  /// The path looked at (`/usr/sbin/cron`).
  public var path: String
  /// Where its symlinks lead, when elsewhere (`/bin/busybox`).
  public var target: String?
  /// The package version dpkg reports, when known.
  public var version: String?
  /// True when the binary reads `CRON_TZ`.
  public var honoursCronTZ: Bool

  public init(family: Family, path: String, target: String? = nil, version: String? = nil, honoursCronTZ: Bool) {
    self.family = family
    self.path = path
    self.target = target
    self.version = version
    self.honoursCronTZ = honoursCronTZ
  }

  /// `Debian cron 3.0pl1-162 (/usr/sbin/cron)`.
  public var description: String {
    let name = family.rawValue + (version.map { " " + $0 } ?? "")
    return "\(name) (\(path)\(target.map { " → " + $0 } ?? ""))"
  }

  /// Classifies a daemon binary from its bytes and the installed packages.
  static func classify(path: String, target: String, bytes: [UInt8], packages: [String: String]) -> CronDaemon {
    let honours = bytes.contains(Array("CRON_TZ".utf8))
    let linked = target == path ? nil : target
    if target.hasSuffix("/busybox") || bytes.contains(Array("BusyBox".utf8)) {
      return CronDaemon(family: .busybox, path: path, target: linked, version: packages["busybox"], honoursCronTZ: honours)
    }
    if let version = packages["cron"], path == "/usr/sbin/cron", version.hasPrefix("3.0pl1") {
      return CronDaemon(family: .debian, path: path, target: linked, version: version, honoursCronTZ: honours)
    }
    if bytes.contains(Array("cronie".utf8)) || packages["cronie"] != nil {
      return CronDaemon(family: .cronie, path: path, target: linked, version: packages["cronie"], honoursCronTZ: honours)
    }
    return CronDaemon(family: .other, path: path, target: linked, honoursCronTZ: honours)
  }
}
