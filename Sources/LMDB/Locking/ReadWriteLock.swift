#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A writer-preferring reader/writer lock.
///
/// Not `pthread_rwlock_t`: glibc's default prefers readers, so a steady stream of read
/// transactions could starve map growth forever. Here a waiting exclusive holder stops
/// new shared holders from entering, which bounds the grower's wait by the longest
/// transaction already running. The flip side: taking the lock shared twice on one
/// thread can deadlock behind a waiting grower, which is why transactions don't nest.
final class ReadWriteLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`.
    private var sharedHolders = 0
    private var exclusiveHeld = false
    private var exclusiveWaiting = 0

    init() {
        mutex.initialize(to: pthread_mutex_t())
        changed.initialize(to: pthread_cond_t())
        precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
        precondition(pthread_cond_init(changed, nil) == 0, "pthread_cond_init failed")
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    func lockShared() {
        pthread_mutex_lock(mutex)
        while exclusiveHeld || exclusiveWaiting > 0 { pthread_cond_wait(changed, mutex) }
        sharedHolders += 1
        pthread_mutex_unlock(mutex)
    }

    func unlockShared() {
        pthread_mutex_lock(mutex)
        precondition(sharedHolders > 0, "unlockShared without lockShared")
        sharedHolders -= 1
        if sharedHolders == 0 { pthread_cond_broadcast(changed) }
        pthread_mutex_unlock(mutex)
    }

    func lockExclusive() {
        pthread_mutex_lock(mutex)
        exclusiveWaiting += 1
        while exclusiveHeld || sharedHolders > 0 { pthread_cond_wait(changed, mutex) }
        exclusiveWaiting -= 1
        exclusiveHeld = true
        pthread_mutex_unlock(mutex)
    }

    func unlockExclusive() {
        pthread_mutex_lock(mutex)
        precondition(exclusiveHeld, "unlockExclusive without lockExclusive")
        exclusiveHeld = false
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }
}
