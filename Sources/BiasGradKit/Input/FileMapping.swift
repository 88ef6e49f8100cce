#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// A regular file mapped read-only into memory, so that its chunks are read in place
/// instead of being copied out of the page cache by `read`.
///
/// The mapping covers the file's size when it was opened; bytes appended later are not
/// read. Chunks hold the mapping alive and, once processed, report it (`chunkProcessed`):
/// the pages below the first chunk not yet processed are handed back, so the resident
/// memory stays near the chunks in flight however large the file and however small the
/// chunks. A file that shrinks under the mapping would make a read of its lost pages fault:
/// `ChunkReader` checks the size before each window it hands out, `MappingFaultGuard` turns
/// a fault into a one-line error, and `change()`, asked after each chunk is processed,
/// catches a cut inside the last page (read as zeros) and a rewrite in place.
final class FileMapping: @unchecked Sendable {
    /// The first byte of the file.
    let base: UnsafeRawPointer

    /// The number of bytes mapped: the file's size at open.
    let count: Int

    /// The file's name in messages.
    let displayName: String

    private let guardToken: MappingFaultGuard.Token?

    /// A descriptor of the file's own, open as long as the mapping, to look at it again.
    private let descriptor: Int32

    /// The modification time the file had when it was mapped.
    private let modification: timespec

    /// Chunks processed out of order, by start offset, and the offset below which every
    /// byte has been processed and every whole page released.
    private let progress = Mutex<(finished: [Int: Int], processedUpTo: Int, releasedUpTo: Int)>(
        ([:], 0, 0))

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps `count` bytes of the open regular file `descriptor`; nil when the system
    /// refuses (a file system without mapping support), in which case the file is read.
    ///
    /// - Parameter displayName: the file's name in the error of a fault.
    init?(descriptor: Int32, count: Int, modification: timespec, displayName: String) {
        guard count > 0 else { return nil }
        let own = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard own >= 0 else { return nil }
        let address = mmap(nil, count, PROT_READ, MAP_SHARED, own, 0)
        guard let address, address != MAP_FAILED else {
            close(own)
            return nil
        }
        _ = madvise(address, count, MADV_SEQUENTIAL)
        base = UnsafeRawPointer(address)
        self.count = count
        self.descriptor = own
        self.modification = modification
        self.displayName = displayName
        guardToken = MappingFaultGuard.shared.register(
            start: base, count: count, displayName: displayName)
    }

    deinit {
        if let guardToken { MappingFaultGuard.shared.unregister(guardToken) }
        munmap(UnsafeMutableRawPointer(mutating: base), count)
        close(descriptor)
    }

    /// How the file differs from what was mapped, as the reason of an I/O error; nil while
    /// it is unchanged or has only grown. A file of the same size with a new modification
    /// time was rewritten in place; one that grew is taken as appended to, and its new
    /// bytes are not read.
    func change() -> String? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        if size < count {
            return InputFile.cutShortReason
                + ": it had \(count) bytes when opened, and has \(size) now"
        }
        let time = status.st_mtim
        if size == count && (time.tv_sec != modification.tv_sec
            || time.tv_nsec != modification.tv_nsec)
        {
            return "the file was rewritten while it was read: its modification time changed"
        }
        return nil
    }

    /// Records that the bytes of `range` (offsets) have been processed, or skipped, and
    /// releases the whole pages below the first byte not yet processed.
    func chunkProcessed(_ range: Range<Int>) {
        progress.withLock { progress in
            progress.finished[range.lowerBound] = range.upperBound
            while let end = progress.finished.removeValue(forKey: progress.processedUpTo) {
                progress.processedUpTo = end
            }
            let processed = progress.processedUpTo
            let target = processed == count ? count : processed / Self.pageSize * Self.pageSize
            guard target > progress.releasedUpTo else { return }
            releasePages(progress.releasedUpTo..<target)
            progress.releasedUpTo = target
        }
    }

    /// Lets the system unmap the pages of `range`, page-aligned offsets whose bytes have
    /// been processed. A page touched again is mapped again from the page cache.
    private func releasePages(_ range: Range<Int>) {
        let start = UnsafeMutableRawPointer(mutating: base + range.lowerBound)
        _ = madvise(start, range.count, MADV_DONTNEED)
    }
}
