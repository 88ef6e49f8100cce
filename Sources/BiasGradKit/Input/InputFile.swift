import Foundation

/// An input opened for reading: a named file, or standard input for `-`.
///
/// A regular file is expected to hold, from where reading starts, the bytes its size gave
/// when it was opened. One that ends sooner was cut short while it was read (truncated or
/// rewritten in place), and reading it fails instead of giving a result that silently
/// leaves out rows. One that grows is read up to the end it has when the reading gets
/// there; a mapped one (`map()`) only up to its size at open. One that is removed is read
/// whole, since the open descriptor keeps its data. Pipes, FIFOs and devices have no size
/// to hold them to.
final class InputFile: @unchecked Sendable {
    /// The name messages use: the path as given, or `<stdin>`.
    let displayName: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// The bytes a regular file held past the read position when it was opened; nil for
    /// other inputs.
    private let expectedBytes: Int?

    /// The bytes read so far.
    private var bytesRead = 0

    private init(displayName: String, descriptor: Int32, ownsDescriptor: Bool) {
        self.displayName = displayName
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        expectedBytes = Self.remainingBytes(of: descriptor)
    }

    deinit {
        if ownsDescriptor { Foundation.close(descriptor) }
    }

    /// Opens `path` for reading; `-` is standard input.
    ///
    /// - Throws: `BiasGradError.inputUnavailable` when it does not exist, cannot be read, or
    ///   is a folder.
    static func open(_ path: String) throws(BiasGradError) -> InputFile {
        if path == "-" {
            return InputFile(displayName: "<stdin>", descriptor: 0, ownsDescriptor: false)
        }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .inputUnavailable(path: path, reason: String(cString: strerror(errno)))
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            Foundation.close(descriptor)
            throw .inputUnavailable(path: path, reason: "it is a folder, not a file")
        }
        return InputFile(displayName: path, descriptor: descriptor, ownsDescriptor: true)
    }

    /// Maps the input when it is a non-empty regular file, named rather than standard
    /// input (which may have been read from already), and the system allows it.
    func map() -> FileMapping? {
        guard ownsDescriptor, let status = Self.regularFileStatus(descriptor) else { return nil }
        return FileMapping(
            descriptor: descriptor, count: Int(status.st_size), modification: status.st_mtim,
            displayName: displayName)
    }

    /// Reads at most `count` bytes into `destination`; 0 means the end of the input.
    ///
    /// - Throws: `BiasGradError.io` when the read fails, or when a regular file ends before
    ///   the size it had when it was opened.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(BiasGradError) -> Int {
        while true {
            let got = Foundation.read(descriptor, destination, count)
            if got > 0 {
                bytesRead += got
                return got
            }
            if got == 0 {
                try checkNotCutShort()
                return 0
            }
            if errno == EINTR { continue }
            throw .io(path: displayName, reason: String(cString: strerror(errno)))
        }
    }

    private func checkNotCutShort() throws(BiasGradError) {
        guard let expectedBytes, bytesRead < expectedBytes else { return }
        throw .io(
            path: displayName,
            reason: Self.cutShortReason + ": it had \(expectedBytes) bytes when opened, "
                + "and ended after \(bytesRead)")
    }

    /// The start of the message for a regular file that ends before its size at open.
    static let cutShortReason = "the file got shorter while it was read"

    /// The size of a regular file less the read position, or nil for any other input.
    private static func remainingBytes(of descriptor: Int32) -> Int? {
        guard let status = regularFileStatus(descriptor) else { return nil }
        let position = lseek(descriptor, 0, SEEK_CUR)
        return position < 0 ? nil : max(Int(status.st_size) - Int(position), 0)
    }

    /// The status of the file open on `descriptor` when it is a regular file; nil else.
    private static func regularFileStatus(_ descriptor: Int32) -> stat? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return nil
        }
        return status
    }
}
