// MARK: - Progress line

/// The text of a terminal progress bar for a run: `[#######.............]  12/126  肃州区-2024-H1`.
/// Pure, so its shape is tested; the CLI draws it on standard error when that is a terminal.
public enum ProgressLine {
  /// The bar for `done` of `total` units, `width` characters of bar between the brackets
  /// (default 30), then the counts and the unit just finished, cut to `labelLimit` characters.
  public static func text(
    done: Int, total: Int, label: String, width: Int = 30, labelLimit: Int = 40
  ) -> String {
    let safeTotal = max(total, 1)
    let clamped = min(max(done, 0), safeTotal)
    let filled = width * clamped / safeTotal
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let counter = String(repeating: " ", count: max(0, "\(total)".count - "\(clamped)".count))
      + "\(clamped)/\(total)"
    let shown = label.count > labelLimit ? String(label.prefix(labelLimit - 1)) + "…" : label
    return "[" + bar + "]  " + counter + (shown.isEmpty ? "" : "  " + shown)
  }
}
