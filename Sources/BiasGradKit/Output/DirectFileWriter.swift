#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CPlatform

/// Writes a new file through a staging buffer and, once the file outgrows the buffer, past
/// the page cache with direct I/O.
///
/// Buffered writes of gigabytes of per-sample records cost more processor time in the
/// kernel (copying into the page cache and writing it back) than computing the records
/// does; direct writes hand whole aligned blocks to the device instead. The staging buffer
/// and every direct write are aligned to `blockSize`, which suits devices with 512- and
/// 4096-byte blocks. The last partial block is written with ordinary buffered I/O, after
/// direct I/O is switched off. A file system that refuses direct I/O (tmpfs, some network
/// file systems) gets buffered writes throughout; the bytes written are the same.
///
/// Files smaller than the staging buffer never use direct I/O. Use from one thread.
final class DirectFileWriter {
    /// The alignment of the staging buffer, of each direct write's length and of the file
    /// offset it starts at.
    static let blockSize = 4096

    /// The staging buffer's size, a multiple of `blockSize`.
    static let stagingBytes = 4 << 20

    private let descriptor: Int32
    private var staging: UnsafeMutableRawPointer?
    private var staged = 0
    private var isDirect = false
    private var triedDirect = false

    /// Writes to `descriptor`, a new file open for writing at offset 0.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        staging?.deallocate()
    }

    /// Takes `bytes`; returns 0, or the `errno` of a failed write.
    func write(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard var next = bytes.baseAddress else { return 0 }
        var remaining = bytes.count
        let buffer = stagingBuffer()

        while remaining > 0 {
            let taken = min(Self.stagingBytes - staged, remaining)
            (buffer + staged).copyMemory(from: next, byteCount: taken)
            staged += taken
            next += taken
            remaining -= taken
            if staged == Self.stagingBytes {
                let code = writeStagedBlocks()
                if code != 0 { return code }
            }
        }
        return 0
    }

    /// Writes everything still staged; returns 0, or the `errno` of a failed write.
    func finish() -> Int32 {
        if isDirect {
            let code = writeStagedBlocks()
            if code != 0 { return code }
            stopDirectWrites()
        }
        guard let staging, staged > 0 else { return 0 }
        let code = FileDescriptorIO.writeAll(
            UnsafeRawBufferPointer(start: staging, count: staged), to: descriptor)
        staged = 0
        return code
    }

    private func stagingBuffer() -> UnsafeMutableRawPointer {
        if let staging { return staging }
        let made = UnsafeMutableRawPointer.allocate(
            byteCount: Self.stagingBytes, alignment: Self.blockSize)
        staging = made
        return made
    }

    /// Writes the whole blocks staged, directly when the file system allows it, and moves
    /// a partial block that is left to the front of the buffer.
    private func writeStagedBlocks() -> Int32 {
        guard let staging else { return 0 }
        if !triedDirect {
            triedDirect = true
            isDirect = startDirectWrites()
        }

        var written = 0
        while true {
            let length = isDirect ? staged / Self.blockSize * Self.blockSize : staged
            guard written < length else { break }
            let result = writeOnce(descriptor, staging + written, length - written)
            if result >= 0 {
                written += result
            } else if errno == EINVAL && isDirect {
                // Accepted when switched on but refused at a write: the rest goes buffered.
                stopDirectWrites()
            } else if errno != EINTR {
                return errno
            }
        }

        staged -= written
        if staged > 0 { staging.copyMemory(from: staging + written, byteCount: staged) }
        return 0
    }

    private func startDirectWrites() -> Bool {
        let flag = bg_direct_io_flag()
        guard flag != 0 else { return false }
        let flags = fcntl(descriptor, F_GETFL)
        return flags >= 0 && fcntl(descriptor, F_SETFL, flags | flag) == 0
    }

    private func stopDirectWrites() {
        isDirect = false
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~bg_direct_io_flag()) }
    }
}

/// One `write` call, named apart from the writer's own `write(_:)`.
private func writeOnce(_ descriptor: Int32, _ start: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, start, count)
}
