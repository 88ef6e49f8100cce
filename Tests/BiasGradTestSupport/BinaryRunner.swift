import Foundation

/// What one run of the built `biasgrad` executable did.
public struct BinaryResult {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
}

/// Runs the built `biasgrad` executable, which sits beside the test bundle in the build folder.
public enum BinaryRunner {
    /// The executable's path; `BIASGRAD_BINARY` overrides where it is looked for.
    public static let executable: String = {
        if let path = ProcessInfo.processInfo.environment["BIASGRAD_BINARY"] { return path }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("biasgrad").path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/biasgrad").path
    }()

    /// Runs the executable with `arguments`, feeding `input` to its standard input.
    ///
    /// - Parameters:
    ///   - environment: added to a minimal environment; `BIASGRAD_CONFIG` is unset unless
    ///     given here, and `BIASGRAD_PARSER` passes through from the test process, so that
    ///     the suite can run with either CSV parser.
    ///   - standardInputPath: a path the executable's standard input is opened from, as a
    ///     shell's `< PATH` would, instead of a pipe holding `input`.
    ///   - launcher: a command and its options that run the executable, such as `setpriv`
    ///     with the user to run it as.
    public static func run(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
        in folder: String? = nil, standardInputPath: String? = nil, launcher: [String] = []
    ) throws -> BinaryResult {
        let process = Process()
        if let command = launcher.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = launcher.dropFirst() + [executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        var base = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        if let parser = ProcessInfo.processInfo.environment["BIASGRAD_PARSER"] {
            base["BIASGRAD_PARSER"] = parser
        }
        base.merge(environment) { $1 }
        process.environment = base
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }

        let output = Pipe()
        let errors = Pipe()
        let feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        if let standardInputPath {
            guard let file = FileHandle(forReadingAtPath: standardInputPath) else {
                throw CocoaError(.fileReadNoPermission)
            }
            process.standardInput = file
        } else {
            process.standardInput = feed
        }
        try process.run()

        if let input { feed.fileHandleForWriting.write(Data(input.utf8)) }
        try feed.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return BinaryResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}
