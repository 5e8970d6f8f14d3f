import Foundation
import Testing

@testable import BriefingJobs
import TestSupport

/// `SchedulingHost.inspect` over fake machine trees. The byte patterns stand in for the real
/// binaries: Debian's cron 3.0pl1-162 and busybox 1.35 contain no `CRON_TZ`; cronie's `crond` does.
@Suite struct SchedulingHostTests {
  let dpkg = """
    Package: cron
    Status: install ok installed
    Version: 3.0pl1-162

    Package: cronie
    Status: deinstall ok config-files
    Version: 1.7.0-2

    Package: systemd
    Status: install ok installed
    Description: system and service manager
     multi-line description
    Version: 252.38-1~deb12u1

    """

  func tree(_ files: [String: String], links: [String: String] = [:]) throws -> String {
    let root = try TestScratch.folder("host")
    for (path, text) in files {
      try FileManager.default.createDirectory(atPath: root + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: root + path))
    }
    for (path, target) in links {
      try FileManager.default.createDirectory(atPath: root + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(atPath: root + path, withDestinationPath: target)
    }
    return root
  }

  @Test func debian() throws {
    let root = try tree(
      ["/usr/sbin/cron": "\u{7f}ELF @(#) Copyright 1988 by Paul Vixie MAILTO SHELL", "/var/lib/dpkg/status": dpkg],
      links: ["/etc/localtime": "/usr/share/zoneinfo/Asia/Shanghai"])
    let host = SchedulingHost.inspect(root: root)
    #expect(host.cron == CronDaemon(family: .debian, path: "/usr/sbin/cron", version: "3.0pl1-162", honoursCronTZ: false))
    #expect(host.cron?.description == "Debian cron 3.0pl1-162 (/usr/sbin/cron)")
    #expect(host.zone == "Asia/Shanghai")
    #expect(host.systemdVersion == 252)
  }

  @Test func cronie() throws {
    let root = try tree(["/usr/sbin/crond": "\u{7f}ELF cronie CRON_TZ MAILTO", "/etc/timezone": "Europe/Berlin\n"])
    let host = SchedulingHost.inspect(root: root)
    #expect(host.cron?.family == .cronie)
    #expect(host.cron?.honoursCronTZ == true)
    #expect(host.zone == "Europe/Berlin")
    #expect(host.systemdVersion == nil)
  }

  /// Alpine: `crond` is a link to the busybox binary, which has no CRON_TZ.
  @Test func busybox() throws {
    let root = try tree(
      ["/bin/busybox": "\u{7f}ELF BusyBox v1.36.1 crond"], links: ["/usr/sbin/crond": "/bin/busybox", "/etc/localtime": "../usr/share/zoneinfo/posix/UTC"])
    let host = SchedulingHost.inspect(root: root)
    #expect(host.cron == CronDaemon(family: .busybox, path: "/usr/sbin/crond", target: "/bin/busybox", honoursCronTZ: false))
    #expect(host.zone == "UTC")
  }

  @Test func nothingInstalled() throws {
    let host = SchedulingHost.inspect(root: try tree([:]))
    #expect(host == SchedulingHost(cron: nil, zone: nil, systemdVersion: nil))
  }
}
