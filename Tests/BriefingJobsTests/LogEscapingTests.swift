import Foundation
import Testing

@testable import BriefingJobs

// MARK: - Log lines never carry a raw control character

@Suite struct LogEscapingTests {
  /// True for C0, DEL and C1 control characters.
  private func hasControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }

  /// An ESC in a region id (a colour sequence) reaches the log escaped, in quotes.
  @Test func escapeSequencesAreEscaped() {
    let line = EventLog.line(
      ts: Date(timeIntervalSince1970: 0), level: .info, event: "published",
      fields: [("region", "肃州\u{1B}[31m区"), ("note", "bell\u{07}del\u{7F}csi\u{9B}")])
    #expect(!hasControl(line), "\(line)")
    #expect(line.contains("region=\"肃州\\u001B[31m区\""), "\(line)")
    #expect(line.contains("note=\"bell\\u0007del\\u007Fcsi\\u009B\""), "\(line)")
  }

  /// CRLF is one Swift `Character`: it must not slip past the line-feed escape.
  @Test func crlfAndTabAreEscaped() {
    let line = EventLog.line(
      ts: Date(timeIntervalSince1970: 0), level: .error, event: "failed",
      fields: [("message", "a\r\nb\tc")])
    #expect(!hasControl(line), "\(line)")
    #expect(line.hasSuffix("message=\"a\\r\\nb\\tc\""), "\(line)")
  }

  /// Plain values stay bare.
  @Test func plainValuesStayBare() {
    let line = EventLog.line(ts: Date(timeIntervalSince1970: 0), level: .info, event: "x", fields: [("path", "a/b.pdf")])
    #expect(line == "ts=1970-01-01T00:00:00Z level=info event=x path=a/b.pdf")
  }
}
