import Foundation

// MARK: - Links of an HTML page

/// The links of a static HTML page (`href` and `src` attributes in double quotes, as the run's
/// `index.html` and Chromium's `--dump-dom` write them) and whether they lead to files.
public enum PageLinks {
  /// Every `href="…"` and `src="…"` value in page order, with `&amp;`, `&lt;`, `&gt;`,
  /// `&quot;` and `&#39;` decoded (percent-encoding kept).
  public static func targets(in html: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: #"\b(?:href|src)="([^"]*)""#)
    let text = html as NSString
    return pattern.matches(in: html, range: NSRange(location: 0, length: text.length)).map { match in
      text.substring(with: match.range(at: 1))
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
    }
  }

  /// The links that do not lead to a regular file inside `folder`: absolute or scheme URLs,
  /// `..` paths, undecodable percent-encoding, and relative paths whose file is missing.
  public static func broken(in html: String, folder: String) -> [String] {
    targets(in: html).filter { target in
      guard !target.isEmpty, !target.hasPrefix("/"), !target.contains(":"), !target.contains("?"), !target.contains("#"),
        let path = target.removingPercentEncoding,
        !path.split(separator: "/").contains("..")
      else { return true }
      var isFolder: ObjCBool = false
      return !FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder) || isFolder.boolValue
    }
  }
}
