#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file that appears at its destination whole or not at all.
///
/// Output goes to a new temporary file beside the destination, `.NAME.XXXXXXXX` in the same
/// folder, so that the final rename stays on one file system and is atomic. Until `commit`
/// the destination keeps its old contents, or stays absent. Writes are staged and, for a
/// large file, bypass the page cache (`DirectFileWriter`). `commit` flushes the data with
/// `fsync` and then renames, so that after a crash or power loss the destination holds the
/// old file or the complete new one, never a truncated one; the folder itself is not
/// synchronized, so the rename may be lost in a crash, leaving the old file. `discard`, and
/// dropping the object uncommitted, removes the temporary file. While it exists its path is
/// in `TemporaryFileRegistry.shared`, so an interrupted run removes it too.
///
/// A symbolic link at the destination is followed: the file it points to is replaced and
/// the link kept (a dangling link is itself replaced). The temporary file is created with
/// mode 0666 less the umask, as a plain `open` would; the former file's permissions and
/// owner are not carried over. Use from one thread at a time.
public final class AtomicOutputFile: OutputSink, @unchecked Sendable {
    /// The destination as the user named it.
    public let path: String

    /// Where the output lives until it is committed.
    public let temporaryPath: String

    /// The file that `commit` replaces: `path`, or the file a symbolic link there names.
    private let target: String

    private var descriptor: Int32
    private let writer: DirectFileWriter
    private let registry: TemporaryFileRegistry
    private var registration: TemporaryFileRegistry.Token?
    private var isFinished = false

    /// Creates the temporary file for `path`.
    ///
    /// - Throws: `BiasGradError.outputUnavailable` when `path` is a folder or an existing
    ///   file that is not regular, or when the temporary file cannot be created (a missing
    ///   or unwritable folder), with the system's reason.
    public init(path: String, registry: TemporaryFileRegistry = .shared) throws {
        let target = Self.followingSymbolicLink(path)
        try Self.checkDestination(target, named: path)

        let (temporaryPath, descriptor) = try Self.createTemporaryFile(beside: target, for: path)
        Self.keepPermissions(of: target, on: descriptor)
        self.path = path
        self.target = target
        self.temporaryPath = temporaryPath
        self.descriptor = descriptor
        writer = DirectFileWriter(descriptor: descriptor)
        self.registry = registry
        registration = registry.register(Self.absolute(temporaryPath))
    }

    deinit {
        discard()
    }

    /// Gives the new file the permission bits of the file it will replace, if there is one,
    /// so that replacing a private output does not make it readable by others. The owner is
    /// not kept: the new file belongs to whoever runs biasgrad.
    private static func keepPermissions(of target: String, on descriptor: Int32) {
        var status = stat()
        guard stat(target, &status) == 0 else { return }
        _ = fchmod(descriptor, status.st_mode & 0o7777)
    }

    /// - Throws: `BiasGradError.io` when the write fails, for example `ENOSPC`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!isFinished, "write to an output that was committed or discarded")
        let code = writer.write(bytes)
        if code != 0 { throw fail(code) }
    }

    /// Flushes the temporary file, closes it and renames it over the destination.
    ///
    /// - Throws: `BiasGradError.io` when any step fails; the temporary file is then removed
    ///   and the destination is left as it was.
    public func commit() throws {
        precondition(!isFinished, "commit of an output that was committed or discarded")
        var code = writer.finish()
        if code != 0 { throw fail(code) }

        code = FileDescriptorIO.synchronize(descriptor)
        if code != 0 { throw fail(code) }

        code = FileDescriptorIO.closeDescriptor(descriptor)
        descriptor = -1
        if code != 0 { throw fail(code) }

        if rename(temporaryPath, target) != 0 { throw fail(errno) }
        finish()
    }

    /// Removes the temporary file; the destination is left as it was. Does nothing after
    /// `commit` or a previous `discard`.
    public func discard() {
        guard !isFinished else { return }
        if descriptor >= 0 { _ = FileDescriptorIO.closeDescriptor(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
        finish()
    }

    /// Discards the output and turns `code` into the error to throw.
    private func fail(_ code: Int32) -> BiasGradError {
        discard()
        return .io(path: path, reason: FileDescriptorIO.reason(code))
    }

    private func finish() {
        isFinished = true
        if let registration { registry.unregister(registration) }
        registration = nil
    }
}

extension AtomicOutputFile {
    /// The file a symbolic link at `path` points to, or `path` itself.
    private static func followingSymbolicLink(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
            let resolved = realpath(path, nil)
        else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Refuses targets that a rename must not replace; errors name the user's `path`.
    private static func checkDestination(_ target: String, named path: String) throws {
        if target.isEmpty || target.hasSuffix("/") {
            throw BiasGradError.outputUnavailable(path: path, reason: "the path names no file")
        }

        var status = stat()
        guard stat(target, &status) == 0 else { return }
        if isDirectory(status) {
            throw BiasGradError.outputUnavailable(
                path: path, reason: FileDescriptorIO.reason(EISDIR))
        }
        if !isRegularFile(status) {
            throw BiasGradError.outputUnavailable(path: path, reason: "not a regular file")
        }
    }

    /// Creates `.NAME.XXXXXXXX` in the target's folder with a fresh random suffix, trying
    /// again when the name is taken; errors name the user's `path`.
    private static func createTemporaryFile(
        beside target: String, for path: String
    ) throws -> (String, Int32) {
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[...$0]) } ?? ""
        let name = String(target[(slash.map { target.index(after: $0) } ?? target.startIndex)...])
        let stem = String(decoding: name.utf8.prefix(200), as: UTF8.self)

        var code: Int32 = EEXIST
        for _ in 0..<100 {
            let candidate = folder + "." + stem + "." + randomSuffix()
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (candidate, descriptor) }
            code = errno
            if code != EEXIST && code != EINTR { break }
        }
        throw BiasGradError.outputUnavailable(path: path, reason: FileDescriptorIO.reason(code))
    }

    private static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<8).map { _ in alphabet.randomElement()! })
    }

    /// `path` made absolute, so that removing it works whatever the working folder is then.
    private static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let folder = getcwd(nil, 0) else { return path }
        defer { free(folder) }
        return String(cString: folder) + "/" + path
    }
}
