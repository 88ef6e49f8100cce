import Foundation

/// Checks the rules that tie options together, once the configuration file and the command
/// line are merged, and settles what was left open.
///
/// Settled here: no input at all means standard input (`inputs == ["-"]`) when it is not a
/// terminal, and `--output -` becomes nil, the summary's usual place on standard output.
enum OptionValidation {
    /// The options, checked and settled.
    static func validated(_ options: RunOptions, standardInputIsTerminal: Bool)
        throws(UsageError) -> RunOptions
    {
        var options = options
        try checkInputs(&options, standardInputIsTerminal: standardInputIsTerminal)

        try checkOutputs(options)
        try checkSameFiles(options)

        if options.output == "-" { options.output = nil }
        return options
    }

    private static func checkInputs(_ options: inout RunOptions, standardInputIsTerminal: Bool)
        throws(UsageError)
    {
        switch (options.predictionsFile, options.targetsFile) {
        case (.some, nil):
            throw .incompleteTwoFileMode(given: "--predictions", missing: "--targets")
        case (nil, .some):
            throw .incompleteTwoFileMode(given: "--targets", missing: "--predictions")
        case (.some, .some):
            if let first = options.inputs.first { throw .twoFileModeWithCSVFiles(firstFile: first) }
        case (nil, nil):
            if options.inputs.isEmpty {
                guard !standardInputIsTerminal else { throw .noInput }
                options.inputs = ["-"]
            }
        }

        let inputs =
            options.inputs + [options.predictionsFile, options.targetsFile].compactMap { $0 }
        if inputs.count(where: { $0 == "-" }) > 1 { throw .standardInputReadTwice }
    }

    private static func checkOutputs(_ options: RunOptions) throws(UsageError) {
        if options.rejects != nil, options.onInvalid != .skip { throw .rejectsWithoutSkip }
        if options.perSample == "-", options.output == "-" { throw .bothOnStandardOutput }
    }

    /// Two outputs, or an output and an input, that name one file would overwrite each other.
    /// Names are compared after making them absolute; devices such as `/dev/null` are exempt.
    private static func checkSameFiles(_ options: RunOptions) throws(UsageError) {
        let outputs = [
            NamedFile("--output", options.output), NamedFile("--per-sample", options.perSample),
            NamedFile("--rejects", options.rejects),
        ].compactMap { $0 }
        let inputs =
            (options.inputs.map { NamedFile("an input", $0) } + [
                NamedFile("--predictions", options.predictionsFile),
                NamedFile("--targets", options.targetsFile),
            ]).compactMap { $0 }

        for (index, output) in outputs.enumerated() {
            let others = outputs[(index + 1)...] + inputs
            if let clash = others.first(where: { $0.absolutePath == output.absolutePath }) {
                throw .sameFile(first: output.role, second: clash.role, path: output.path)
            }
        }
    }
}

/// A file name given for one role, in the form that two names for one file share.
private struct NamedFile {
    let role: String
    let path: String
    let absolutePath: String

    /// Nil for no file, for `-` and for devices, which cannot be overwritten by mistake.
    init?(_ role: String, _ path: String?) {
        guard let path, path != "-" else { return nil }

        let absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !absolutePath.hasPrefix("/dev/") else { return nil }

        self.role = role
        self.path = path
        self.absolutePath = absolutePath
    }
}
