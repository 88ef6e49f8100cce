import Foundation

/// Refuses a run whose output file is one of its inputs, however the two are named: through
/// a symbolic link, a hard link, another spelling of the path, or standard input redirected
/// from the file. Replacing it would destroy the input.
enum OutputCollisions {
    /// - Throws: `BiasGradError.usage(.sameFile)` naming the output option and the input.
    static func check(_ options: RunOptions) throws(BiasGradError) {
        let inputs = inputIdentities(options)
        var outputs: [(option: String, path: String, identity: FileIdentity)] = []
        let named = [
            ("--output", options.output), ("--per-sample", options.perSample),
            ("--rejects", options.rejects),
        ]
        for case let (option, path?) in named {
            guard let identity = FileIdentity(replaceablePath: path) else { continue }
            if let input = inputs.first(where: { $0.identity == identity }) {
                throw .usage(.sameFile(first: option, second: input.name, path: path))
            }
            if let other = outputs.first(where: { $0.identity == identity }) {
                throw .usage(.sameFile(first: other.option, second: option, path: path))
            }
            outputs.append((option, path, identity))
        }
    }

    private static func inputIdentities(
        _ options: RunOptions
    ) -> [(name: String, identity: FileIdentity)] {
        var paths = options.inputs.isEmpty ? ["-"] : options.inputs
        if let predictions = options.predictionsFile, let targets = options.targetsFile {
            paths = [predictions, targets]
        }
        return paths.compactMap { path in
            let identity = path == "-"
                ? FileIdentity(descriptor: STDIN_FILENO) : FileIdentity(existingPath: path)
            let name = path == "-" ? "standard input" : "input \(quotedPath(path))"
            return identity.map { (name, $0) }
        }
    }
}

/// A file's device and inode, which two names of the same file share.
struct FileIdentity: Equatable {
    private let device: UInt64
    private let inode: UInt64

    private init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The identity of an existing file, following symbolic links.
    init?(existingPath path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The identity of an open descriptor, when it is a regular file.
    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return nil
        }
        self.init(status)
    }

    /// The identity of an existing regular file that an output would replace; nil for a
    /// path that does not exist yet, a device, a pipe or an inherited descriptor.
    init?(replaceablePath path: String) {
        guard path != "-", inheritedDescriptor(named: path) == nil else { return nil }
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(status)
    }
}
