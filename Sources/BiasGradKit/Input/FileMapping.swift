#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file mapped read-only into memory, so that its chunks are read in place
/// instead of being copied out of the page cache by `read`.
///
/// The mapping covers the file's size when it was opened; bytes appended later are not
/// read. Chunks hold the mapping alive and, once processed, hand their pages back with
/// `releasePages(_:)`, so the resident memory stays near the chunks in flight however large
/// the file. A file that shrinks under the mapping would make a read of its lost pages
/// fault: `ChunkReader` checks the size before each window it hands out, and
/// `MappingFaultGuard` turns a fault in the remaining race into a one-line error.
final class FileMapping: @unchecked Sendable {
    /// The first byte of the file.
    let base: UnsafeRawPointer

    /// The number of bytes mapped: the file's size at open.
    let count: Int

    private let guardToken: MappingFaultGuard.Token?

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps `count` bytes of the open regular file `descriptor`; nil when the system
    /// refuses (a file system without mapping support), in which case the file is read.
    ///
    /// - Parameter displayName: the file's name in the error of a fault.
    init?(descriptor: Int32, count: Int, displayName: String) {
        guard count > 0 else { return nil }
        let address = mmap(nil, count, PROT_READ, MAP_SHARED, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        _ = madvise(address, count, MADV_SEQUENTIAL)
        base = UnsafeRawPointer(address)
        self.count = count
        guardToken = MappingFaultGuard.shared.register(
            start: base, count: count, displayName: displayName)
    }

    deinit {
        if let guardToken { MappingFaultGuard.shared.unregister(guardToken) }
        munmap(UnsafeMutableRawPointer(mutating: base), count)
    }

    /// Lets the system unmap the whole pages of `range` (byte offsets), which have been
    /// read. The page holding `range.lowerBound` is included, the one holding the end only
    /// at the end of the file. A page that another chunk still reads is mapped again from
    /// the page cache when touched, so releasing is always safe.
    func releasePages(_ range: Range<Int>) {
        let first = range.lowerBound / Self.pageSize * Self.pageSize
        var last = range.upperBound / Self.pageSize * Self.pageSize
        if range.upperBound == count { last = count }
        guard last > first else { return }
        let start = UnsafeMutableRawPointer(mutating: base + first)
        _ = madvise(start, last - first, MADV_DONTNEED)
    }
}
