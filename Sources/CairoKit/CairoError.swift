import CCairo

// MARK: - Errors

/// A failed cairo or Pango call, with the operation that failed and cairo's own status text.
public struct CairoError: Error, Equatable, CustomStringConvertible {
  /// What we were doing, e.g. `create PDF surface`.
  public var operation: String
  /// cairo's status code (raw value of `cairo_status_t`); 0 when the failure is not a cairo status.
  public var status: UInt32
  /// Human text: cairo's status string or our own detail.
  public var detail: String

  public init(operation: String, status: cairo_status_t) {
    self.operation = operation
    self.status = status.rawValue
    self.detail = String(cString: cairo_status_to_string(status))
  }

  public init(operation: String, detail: String) {
    self.operation = operation
    self.status = 0
    self.detail = detail
  }

  public var description: String { "\(operation) failed: \(detail)" }

  /// Throws when `status` is not success.
  static func check(_ status: cairo_status_t, _ operation: String) throws(CairoError) {
    guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(operation: operation, status: status) }
  }
}
