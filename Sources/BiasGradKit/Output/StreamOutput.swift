#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Output written in place to standard output or to an existing device or pipe.
///
/// Nothing is renamed and nothing can be taken back: `discard` only closes what this
/// object opened. When the reader of a pipe goes away, `write` throws `OutputReaderClosed`
/// (this needs `SIGPIPE` ignored, which `OutputSafety.installSignalCleanup` does).
public final class StreamOutput: OutputSink, @unchecked Sendable {
    public let path: String
    private var descriptor: Int32
    private let ownsDescriptor: Bool

    /// Standard output, under the path `-`. Committing it closes nothing.
    public static let standardOutput = StreamOutput(
        path: "-", descriptor: STDOUT_FILENO, ownsDescriptor: false)

    /// Opens an existing device or pipe for writing, without creating or truncating it.
    ///
    /// - Throws: `BiasGradError.outputUnavailable` when it cannot be opened.
    public convenience init(existingPath path: String) throws {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            throw BiasGradError.outputUnavailable(
                path: path, reason: FileDescriptorIO.reason(errno))
        }
        self.init(path: path, descriptor: descriptor, ownsDescriptor: true)
    }

    /// Wraps an open descriptor; with `ownsDescriptor` it is closed on commit or discard.
    init(path: String, descriptor: Int32, ownsDescriptor: Bool) {
        self.path = path
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        discard()
    }

    /// The name errors give: `<stdout>` for standard output, as inputs say `<stdin>`, since
    /// the user may never have typed `-`.
    private var shownPath: String { path == "-" ? "<stdout>" : path }

    /// - Throws: `OutputReaderClosed` on `EPIPE`, `BiasGradError.io` on any other failure.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(descriptor >= 0, "write to a closed output")
        if !ownsDescriptor && StandardDescriptors.closedAtStart.contains(descriptor) {
            throw BiasGradError.io(path: shownPath, reason: FileDescriptorIO.reason(EBADF))
        }
        let code = FileDescriptorIO.writeAll(bytes, to: descriptor)
        if code == EPIPE { throw OutputReaderClosed(path: path) }
        if code != 0 {
            throw BiasGradError.io(path: shownPath, reason: FileDescriptorIO.reason(code))
        }
    }

    /// Closes the descriptor if this object opened it.
    ///
    /// - Throws: `BiasGradError.io` when closing reports a failed write.
    public func commit() throws {
        guard ownsDescriptor, descriptor >= 0 else { return }
        let code = FileDescriptorIO.closeDescriptor(descriptor)
        descriptor = -1
        if code != 0 {
            throw BiasGradError.io(path: shownPath, reason: FileDescriptorIO.reason(code))
        }
    }

    /// Closes the descriptor if this object opened it; what was written stays written.
    public func discard() {
        guard ownsDescriptor, descriptor >= 0 else { return }
        _ = FileDescriptorIO.closeDescriptor(descriptor)
        descriptor = -1
    }
}
