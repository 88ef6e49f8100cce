#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps standard input, output and error from being taken by files the run opens.
///
/// A process started with one of descriptors 0, 1 and 2 closed (`biasgrad ... >&-`) would
/// get that number for the next file it opens, and text meant for the closed stream would
/// land in that file. `reserve()` opens `/dev/null` on each closed one; writes meant for a
/// stream that was closed then fail as writes to a closed descriptor do.
public enum StandardDescriptors {
    /// The standard descriptors that were closed when `reserve()` ran.
    public private(set) nonisolated(unsafe) static var closedAtStart: Set<Int32> = []

    /// Opens `/dev/null` on every closed standard descriptor. Call it first in `main`,
    /// before any file is opened.
    public static func reserve() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
        where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if opened == descriptor { closedAtStart.insert(descriptor) }
        }
    }
}
