import Glibc

// MARK: - One object per thread

/// A thread-specific slot holding one object per thread (`pthread_key_t`), released when its
/// thread ends or when another takes its place. For tools a job keeps from one unit to the next
/// on the same thread (shaped text, a chart canvas) and never shares between threads.
final class ThreadSlot<Value: AnyObject>: @unchecked Sendable {
  private let key: pthread_key_t

  init() {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
      guard let raw else { return }
      Unmanaged<AnyObject>.fromOpaque(raw).release()
    }
    precondition(status == 0, "pthread_key_create failed (\(status))")
    self.key = key
  }

  /// The calling thread's object, if it has one.
  var value: Value? {
    get { pthread_getspecific(key).map { Unmanaged<AnyObject>.fromOpaque($0).takeUnretainedValue() as? Value } ?? nil }
    set {
      let old = pthread_getspecific(key)
      pthread_setspecific(key, newValue.map { Unmanaged<AnyObject>.passRetained($0 as AnyObject).toOpaque() })
      if let old { Unmanaged<AnyObject>.fromOpaque(old).release() }
    }
  }
}
