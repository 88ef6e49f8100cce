import Foundation

/// Refuses a run whose outputs would destroy one of its inputs or each other, however they
/// are named: through a symbolic or hard link, another spelling of the path, standard input
/// redirected from the file, or standard output appended to it (`-o /dev/stdout >> in.csv`).
enum OutputCollisions {
    /// - Throws: `BiasGradError.usage(.sameFile)` naming the two that collide.
    static func check(_ options: RunOptions) throws(BiasGradError) {
        let inputs = inputIdentities(options)
        var seen: [OutputTarget] = []
        for target in outputTargets(options) {
            if target.descriptor == STDIN_FILENO {
                throw .usage(
                    .sameFile(first: target.option, second: "standard input", path: target.path))
            }
            if let identity = target.identity, identity.isRegularFile,
                let input = inputs.first(where: { $0.identity == identity })
            {
                throw .usage(
                    .sameFile(first: target.option, second: input.name, path: target.path))
            }
            if let other = seen.first(where: target.collides) {
                throw .usage(
                    .sameFile(first: other.option, second: target.option, path: target.path))
            }
            seen.append(target)
        }
    }

    private static func outputTargets(_ options: RunOptions) -> [OutputTarget] {
        let summary = options.output == nil ? "the summary on standard output" : "--output"
        let named = [
            (summary, RunOutputs.summaryPath(options)), ("--per-sample", options.perSample),
            ("--rejects", options.rejects),
        ]
        return named.compactMap { option, path in path.map { OutputTarget(option, $0) } }
    }

    private static func inputIdentities(
        _ options: RunOptions
    ) -> [(name: String, identity: FileIdentity)] {
        var paths = options.inputs.isEmpty ? ["-"] : options.inputs
        if let predictions = options.predictionsFile, let targets = options.targetsFile {
            paths = [predictions, targets]
        }
        var found = paths.compactMap { path -> (String, FileIdentity)? in
            let identity = path == "-"
                ? FileIdentity(descriptor: STDIN_FILENO) : FileIdentity(path: path)
            let name = path == "-" ? "standard input" : "input \(quotedPath(path))"
            return identity.map { (name, $0) }
        }
        if let configuration = options.configurationFile,
            let identity = FileIdentity(path: configuration)
        {
            found.append(("the configuration file \(quotedPath(configuration))", identity))
        }
        return found
    }
}

/// Where one output goes: a descriptor the process has (stdout, `/dev/fd/N`) or a path.
private struct OutputTarget {
    let option: String
    let path: String
    let descriptor: Int32?
    let identity: FileIdentity?

    init(_ option: String, _ path: String) {
        self.option = option
        self.path = path
        descriptor = path == "-" ? STDOUT_FILENO : inheritedDescriptor(named: path)
        identity = descriptor.flatMap(FileIdentity.init(descriptor:)) ?? FileIdentity(path: path)
    }

    /// Whether two outputs would write into one stream or file; devices such as
    /// `/dev/null` may take several.
    func collides(with other: OutputTarget) -> Bool {
        if let descriptor, descriptor == other.descriptor { return true }
        guard let identity, identity == other.identity else { return false }
        return !identity.isCharacterDevice
    }
}

/// A file's device and inode, which two names of the same file share, and its type.
struct FileIdentity: Equatable {
    private let device: UInt64
    private let inode: UInt64
    private let type: UInt32

    private init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        type = UInt32(status.st_mode & S_IFMT)
    }

    /// The identity of an existing file, following symbolic links.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The identity of what an open descriptor refers to.
    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    var isRegularFile: Bool { type == UInt32(S_IFREG) }

    var isCharacterDevice: Bool { type == UInt32(S_IFCHR) }
}
