#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One bit per thread: "this thread is inside a transaction of this environment".
///
/// Lets a nested `read`/`write` fail loudly instead of deadlocking on the resize lock.
/// Sound under Swift concurrency because transaction closures are synchronous: the
/// thread that sets the flag is the thread that clears it.
final class ThreadLocalFlag: @unchecked Sendable {
    private let key: pthread_key_t

    init() {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create failed")
        self.key = key
    }

    deinit { pthread_key_delete(key) }

    var isSet: Bool {
        get { pthread_getspecific(key) != nil }
        set { pthread_setspecific(key, newValue ? UnsafeRawPointer(bitPattern: 1) : nil) }
    }
}
