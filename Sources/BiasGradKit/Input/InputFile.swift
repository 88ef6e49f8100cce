import Foundation

/// An input opened for reading: a named file, or standard input for `-`.
final class InputFile: @unchecked Sendable {
    /// The name messages use: the path as given, or `<stdin>`.
    let displayName: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    private init(displayName: String, descriptor: Int32, ownsDescriptor: Bool) {
        self.displayName = displayName
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
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

    /// Maps the input when it is a non-empty regular file and the system allows it.
    func map() -> FileMapping? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return nil
        }
        return FileMapping(
            descriptor: descriptor, count: Int(status.st_size), displayName: displayName)
    }

    /// The size of a regular file now; nil for other inputs.
    var currentSize: Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return nil
        }
        return Int(status.st_size)
    }

    /// Reads at most `count` bytes into `destination`; 0 means the end of the input.
    ///
    /// - Throws: `BiasGradError.io` when the read fails.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(BiasGradError) -> Int {
        while true {
            let got = Foundation.read(descriptor, destination, count)
            if got >= 0 { return got }
            if errno == EINTR { continue }
            throw .io(path: displayName, reason: String(cString: strerror(errno)))
        }
    }
}
