import Foundation

/// Checks every named input before the run reads any, so that a missing or unreadable file
/// late in a batch fails the run at once (exit 66) instead of after the files before it
/// were read and their per-sample records streamed. It only looks, never opens: opening a
/// FIFO would take its writer's data.
enum InputPreflight {
    /// - Throws: `BiasGradError.inputUnavailable` for the first input that cannot be read.
    static func check(_ options: RunOptions) throws(BiasGradError) {
        let twoFiles = [options.predictionsFile, options.targetsFile].compactMap { $0 }
        for path in options.inputs + twoFiles where path != "-" {
            var status = stat()
            guard stat(path, &status) == 0, access(path, R_OK) == 0 else {
                throw .inputUnavailable(path: path, reason: String(cString: strerror(errno)))
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                throw .inputUnavailable(path: path, reason: "it is a folder, not a file")
            }
        }
    }
}
