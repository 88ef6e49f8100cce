#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Somewhere output is written: a file replaced whole on commit, standard output, or a
/// device or pipe named by path.
///
/// A sink does not buffer: callers format into a `ByteBuffer` and write it when it is full
/// enough. Every sink is used from one thread at a time. Errors are `BiasGradError` values,
/// except that a stream whose reader has gone away throws `OutputReaderClosed`.
public protocol OutputSink: AnyObject, Sendable {
    /// The destination as the user named it; `-` for standard output.
    var path: String { get }

    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws

    /// Makes everything written visible at `path` and ends the output.
    func commit() throws

    /// Ends the output, leaving `path` as it was where that is possible. Never fails.
    func discard()
}

extension OutputSink {
    /// Writes the contents of `buffer`; the buffer is left as it is.
    public func write(_ buffer: ByteBuffer) throws {
        try buffer.withBytes { try write($0) }
    }

    /// Writes the UTF-8 bytes of `text`.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }
}

/// The process reading a stream closed it (`EPIPE`), as `head` does once it has enough.
///
/// This is not a failure to report: the run should stop without a message and exit with
/// `exitStatus`, the status a shell shows for a process ended by `SIGPIPE`.
public struct OutputReaderClosed: Error, Equatable, Sendable {
    /// The stream that was closed; `-` for standard output.
    public var path: String

    /// 128 + SIGPIPE.
    public static let exitStatus: Int32 = 128 + SIGPIPE

    public init(path: String) {
        self.path = path
    }
}

/// Opens the output named by `path` the way its kind needs.
///
/// `-` is standard output. `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N`
/// name descriptors this process already has, so they are written through those
/// descriptors, never reopened: a shell's `>> log` keeps its offset and its earlier lines.
/// Any other path that exists as something other than a regular file or a folder (a
/// device, a pipe) is written in place, since it cannot be replaced. Anything else becomes
/// an `AtomicOutputFile`, which leaves `path` untouched until commit.
///
/// - Throws: `BiasGradError.outputUnavailable` when the output cannot be created.
public func openOutputSink(path: String) throws -> any OutputSink {
    if path == "-" { return StreamOutput.standardOutput }
    if let descriptor = inheritedDescriptor(named: path) {
        return StreamOutput(path: path, descriptor: descriptor, ownsDescriptor: false)
    }

    var status = stat()
    let exists = stat(path, &status) == 0
    if exists && !isDirectory(status) && !isRegularFile(status) {
        return try StreamOutput(existingPath: path)
    }
    return try AtomicOutputFile(path: path)
}

/// The descriptor a path such as `/dev/stdout` or `/dev/fd/3` stands for, when this process
/// has it open.
func inheritedDescriptor(named path: String) -> Int32? {
    let descriptor: Int32?
    switch path {
    case "/dev/stdin": descriptor = STDIN_FILENO
    case "/dev/stdout": descriptor = STDOUT_FILENO
    case "/dev/stderr": descriptor = STDERR_FILENO
    default:
        let prefixes = ["/dev/fd/", "/proc/self/fd/"]
        let number = prefixes.lazy.compactMap { prefix -> Int32? in
            path.hasPrefix(prefix) ? Int32(path.dropFirst(prefix.count)) : nil
        }.first
        descriptor = number
    }
    guard let descriptor, descriptor >= 0, fcntl(descriptor, F_GETFD) != -1 else { return nil }
    return descriptor
}

func isDirectory(_ status: stat) -> Bool {
    status.st_mode & S_IFMT == S_IFDIR
}

func isRegularFile(_ status: stat) -> Bool {
    status.st_mode & S_IFMT == S_IFREG
}
