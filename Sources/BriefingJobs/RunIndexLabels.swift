import BriefingCore
import Foundation

// MARK: - Words and numbers on the run's page

/// The bilingual words of `RunIndexPage` (Chinese first, English after it in a `lang="en"`
/// span) and the formats of its numbers. The page is the same whatever a job's layouts are
/// written in, so every heading carries both languages.
enum RunIndexLabels {
  /// `中文 <span lang="en">English</span>`, both escaped.
  static func bilingual(_ chinese: String, _ english: String) -> String {
    HTMLText.escape(chinese) + " <span lang=\"en\">" + HTMLText.escape(english) + "</span>"
  }

  /// A run's `status` as a manifest records it (`RunOutcome.status` of the outcomes that write
  /// one), in Chinese; nil for a word this version does not know (the page shows it as it is).
  static func runStatus(_ status: String) -> String? {
    switch status {
    case "ok": "成功"
    case "partial": "部分完成"
    case "delivered-with-hook-failure": "已发布，分发失败"
    case "invalid": "输入有误"
    case "failed": "全部失败"
    case "io-error": "读写错误"
    default: nil
    }
  }

  /// A unit's `status` (`Manifest.UnitRecord.status`).
  static func unitStatus(_ status: String) -> String {
    switch status {
    case "ok": bilingual("成功", status)
    case "failed": bilingual("失败", status)
    case "not-run": bilingual("未运行", status)
    case "not-published": bilingual("未发布", status)
    default: HTMLText.escape(status)
    }
  }

  /// `ok`, `warn` or `bad`: the colour class of a run's status.
  static func tone(_ status: String) -> String {
    switch status {
    case "ok": "ok"
    case "partial", "delivered-with-hook-failure": "warn"
    default: "bad"
    }
  }

  static func severity(_ severity: Finding.Severity) -> String {
    switch severity {
    case .error: bilingual("错误", "error")
    case .warning: bilingual("警告", "warning")
    case .notice: bilingual("提示", "notice")
    }
  }

  static func delivery(_ delivery: Manifest.Delivery) -> String {
    let words: String
    switch delivery.status {
    case .pending: words = bilingual("待分发", "pending")
    case .delivered: words = bilingual("已分发", "delivered")
    case .failed: words = bilingual("分发失败", "failed")
    }
    var text = words + " · " + bilingual("尝试 \(delivery.attempts) 次", "attempts \(delivery.attempts)")
    if let exit = delivery.exitStatus { text += " · exit \(exit)" }
    return text
  }

  // MARK: Numbers

  /// Bytes as `812 B`, `62.6 KiB` or `3.1 MiB` (binary units, one decimal).
  static func size(_ bytes: Int) -> String {
    if bytes < 1024 { return "\(bytes) B" }
    if bytes < 1024 * 1024 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
    return String(format: "%.1f MiB", Double(bytes) / (1024 * 1024))
  }

  /// A manifest time (`2024-01-05T07:00:10Z`) as `2024-01-05 07:00:10 UTC`; other text as it is.
  static func time(_ iso: String) -> String {
    guard iso.hasSuffix("Z"), iso.count == 20 else { return iso }
    return iso.dropLast().replacingOccurrences(of: "T", with: " ") + " UTC"
  }

  /// Wall time in seconds with one decimal: `12.3 s`.
  static func seconds(_ seconds: Double) -> String {
    String(format: "%.1f s", seconds)
  }
}
