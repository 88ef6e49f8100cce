/// A mistake on the command line or in a configuration file.
///
/// Each case is one kind of mistake; `message` phrases it as one line that says what is wrong
/// and, where it helps, what would be right. Option names appear as the user spelled them
/// (`--workers`, `-j`), configuration keys without dashes and after the file's name and line.
public enum UsageError: Error, Equatable, Sendable {
    /// An option that does not exist, with the nearest valid name when one is close.
    case unknownOption(String, suggestion: String?)

    /// An option that takes a value was given none.
    case missingValue(option: String, accepted: AcceptedValues)

    /// A flag was given a value, as in `--verbose=yes`.
    case unexpectedValue(option: String, value: String)

    /// An option's value is not one it accepts.
    case invalidValue(option: String, value: String, accepted: AcceptedValues)

    /// One of `--predictions` and `--targets` was given without the other.
    case incompleteTwoFileMode(given: String, missing: String)

    /// The two-file mode was combined with CSV file arguments.
    case twoFileModeWithCSVFiles(firstFile: String)

    /// Standard input was named as more than one input.
    case standardInputReadTwice

    /// No input was named and standard input is a terminal.
    case noInput

    /// `--rejects` was given while invalid rows stop the run.
    case rejectsWithoutSkip

    /// `--per-sample -` and `--output -` would both write to standard output.
    case bothOnStandardOutput

    /// Two options name the same file, and at least one of them writes it.
    case sameFile(first: String, second: String, path: String)

    /// A configuration line whose key is not a setting, with the nearest key when one is close.
    case unknownKey(key: String, suggestion: String?, at: ConfigurationLocation)

    /// A configuration line that sets something only the command line may give, such as a
    /// file name.
    case commandLineOnlyKey(key: String, at: ConfigurationLocation)

    /// A configuration line that is not `key = value`, a comment or blank.
    case malformedLine(text: String, at: ConfigurationLocation)

    /// A configuration value that its key does not accept.
    case invalidSetting(
        key: String, value: String, accepted: AcceptedValues,
        at: ConfigurationLocation)

    /// A configuration file that is not UTF-8 text.
    case configurationNotText(path: String)

    /// A prediction or target column that a CSV input's header does not give.
    case columns(ColumnSelectionError)

    /// The one-line message for this mistake.
    public var message: String {
        switch self {
        case .unknownOption(let name, let suggestion):
            return "unknown option \(quotedValue(name))" + didYouMean(suggestion)
        case .missingValue(let option, let accepted):
            return "\(option) needs a value: \(accepted.description)"
        case .unexpectedValue(let option, let value):
            return "\(option) takes no value; got \(quotedValue(value))"
        case .invalidValue(let option, let value, let accepted):
            return "\(option) must be \(accepted.description); got \(quotedValue(value))"
        case .incompleteTwoFileMode(let given, let missing):
            return "\(given) needs \(missing) as well: the two-file mode reads both"
        case .twoFileModeWithCSVFiles(let firstFile):
            return "--predictions and --targets cannot be combined with CSV files"
                + " (got \(quotedPath(firstFile)))"
        case .standardInputReadTwice:
            return "standard input ('-') can be named as only one input"
        case .noInput:
            return "no input: name a CSV file, give --predictions and --targets,"
                + " or pipe data to standard input"
        case .rejectsWithoutSkip:
            return "--rejects needs --on-invalid skip; otherwise the first invalid row"
                + " stops the run"
        case .bothOnStandardOutput:
            return "--per-sample - and --output - cannot both write to standard output"
        case .sameFile(let first, let second, let path):
            return "\(first) and \(second) name the same file \(quotedPath(path))"
        case .unknownKey(let key, let suggestion, let location):
            return "\(location): unknown key \(quotedValue(key))" + didYouMean(suggestion)
        case .commandLineOnlyKey(let key, let location):
            return "\(location): \(quotedValue(key)) can be given only on the command line"
        case .malformedLine(let text, let location):
            return "\(location): expected 'key = value', a comment or a blank line;"
                + " got \(quotedValue(text))"
        case .invalidSetting(let key, let value, let accepted, let location):
            return "\(location): \(key) must be \(accepted.description);"
                + " got \(quotedValue(value))"
        case .configurationNotText(let path):
            return "configuration file \(quotedPath(path)) is not UTF-8 text"
        case .columns(let error):
            return error.message
        }
    }

    /// Text from the user in quotes, shortened past `limit` characters, its control characters
    /// written as escapes so that the message stays one line.
    private func quotedValue(_ value: String, limit: Int = 60) -> String {
        quoted(value, limit: limit)
    }

    private func didYouMean(_ suggestion: String?) -> String {
        guard let suggestion else { return "" }
        return "; did you mean \(quotedValue(suggestion))?"
    }
}

/// The values an option or a configuration key accepts, as a usage message describes them.
public enum AcceptedValues: Equatable, Sendable {
    /// Exactly one of these words.
    case oneOf([String])

    /// A finite number greater than zero.
    case positiveFiniteNumber

    /// A worker count from 1 to 256, or `auto` for the active processor count.
    case workerCount

    /// A byte count of at least 1, with an optional binary `K`, `M` or `G` suffix.
    case byteCount

    /// A header name, or a 1-based column index when all digits.
    case column

    /// One ASCII character other than a quote or a line end, a name for a tab, or `auto`.
    case delimiter

    /// An input file name, where `-` means standard input.
    case inputFileName

    /// An output file name, where `-` means standard output.
    case outputFileName

    /// A file name other than `-`.
    case fileNameOtherThanDash

    /// The phrase that completes "must be ..." or "needs a value: ...".
    public var description: String {
        switch self {
        case .oneOf(let words):
            return "one of " + words.joined(separator: ", ")
        case .positiveFiniteNumber:
            return "a finite number greater than 0"
        case .workerCount:
            return "an integer from 1 to \(OptionValue.maximumWorkers), or 'auto'"
        case .byteCount:
            return "a whole number of bytes from 1 to 1G, with an optional K, M or G suffix"
                + " (e.g. 4M)"
        case .column:
            return "a header name or a 1-based column index"
        case .delimiter:
            return "one ASCII character (not a quote or a line end), 'tab', '\\t' or 'auto'"
        case .inputFileName:
            return "a file name, or '-' for standard input"
        case .outputFileName:
            return "a file name, or '-' for standard output"
        case .fileNameOtherThanDash:
            return "a file name other than '-'"
        }
    }
}

/// A line of a configuration file, as messages name it: `path:line`.
public struct ConfigurationLocation: Equatable, Sendable, CustomStringConvertible {
    /// The configuration file as it was named.
    public var path: String

    /// The 1-based line number.
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public var description: String { "\(path):\(line)" }
}
