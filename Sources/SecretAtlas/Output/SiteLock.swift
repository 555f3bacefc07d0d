import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps two builds of one site from replacing it at the same time.
///
/// Each build writes into its own staging folder, so only the swap at its end (and the cleanup of
/// abandoned folders at its start) touches what builds share; those steps hold an exclusive
/// `flock` on `.NAME.lock` beside the site. A second build waits for the first to finish its swap
/// rather than failing: both builds succeed and the site is whole, from whichever swapped last.
///
/// The lock file is removed as the lock is let go, so nothing is left beside the site. That is
/// safe because a build only counts the lock as held when the file it locked is still the one at
/// the path: a build that waited on a file the holder has since removed tries again on a new one.
/// `O_NOFOLLOW`: a link planted at the lock's name is refused, never followed.
final class SiteLock {
    let path: String
    private var descriptor: Int32

    /// Takes the lock of site `name` in folder `parent`, waiting while another build holds it.
    /// - Parameters:
    ///   - parent: the folder the site is in.
    ///   - name: the site's folder name.
    ///   - waiting: called once, before waiting, when another build holds the lock.
    /// - Throws: ``SiteError/writeFailed(path:underlying:)`` when the lock file cannot be opened or locked.
    init(parent: String, name: String, waiting: () -> Void = {}) throws {
        path = Self.path(parent, name)
        descriptor = try Self.acquire(path, blocking: true, waiting: waiting) ?? -1
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// The lock of site `name` in folder `parent` if no other build holds it, else nil at once.
    /// - Throws: ``SiteError/writeFailed(path:underlying:)`` when the lock file cannot be opened or locked.
    static func ifFree(parent: String, name: String) throws -> SiteLock? {
        let path = path(parent, name)
        return try acquire(path, blocking: false, waiting: {}).map { SiteLock(path: path, descriptor: $0) }
    }

    private static func path(_ parent: String, _ name: String) -> String {
        (parent == "/" ? "" : parent) + "/.\(name).lock"
    }

    /// A descriptor of the lock file at `path` holding its lock, or nil when another build holds it
    /// and `blocking` is false.
    private static func acquire(_ path: String, blocking: Bool, waiting: () -> Void) throws -> Int32? {
        var announced = false
        while true {
            let candidate = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard candidate >= 0 else { throw failure(path) }
            if flock(candidate, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else {
                    defer { close(candidate) }
                    throw failure(path)
                }
                guard blocking else {
                    close(candidate)
                    return nil
                }
                if !announced {
                    waiting()
                    announced = true
                }
                while flock(candidate, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        defer { close(candidate) }
                        throw failure(path)
                    }
                }
            }
            var locked = stat()
            var named = stat()
            if fstat(candidate, &locked) == 0, lstat(path, &named) == 0, locked.st_dev == named.st_dev,
                locked.st_ino == named.st_ino
            {
                return candidate
            }
            close(candidate)
        }
    }

    private static func failure(_ path: String) -> SiteError {
        let reason =
            errno == ELOOP
            ? "it is a symbolic link, which a build never follows; remove it"
            : String(cString: strerror(errno))
        return SiteError.writeFailed(
            path: path, underlying: "cannot take the lock that keeps two builds of one site apart: " + reason)
    }

    /// Removes the lock file and lets go of the lock; the next build waiting takes a new one.
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}
