// MARK: - Version

/// The tool's version, printed by `briefing --version` and written into manifests and PDF metadata.
public enum BriefingVersion {
  public static let string = "0.1.0"
}
