/// Every failure a run can end with, grouped by the exit status it maps to.
///
/// The command line turns any error into one line on stderr with `message` and exits with
/// `exitStatus`; the statuses follow BSD's `sysexits.h`.
public enum BiasGradError: Error, Equatable, Sendable {
    /// The command line or the configuration file is wrong (exit 64).
    case usage(UsageError)

    /// The input holds data that cannot give a result (exit 65).
    case data(DataError)

    /// An input file cannot be opened or is not a readable file (exit 66).
    case inputUnavailable(path: String, reason: String)

    /// An output file or its temporary sibling cannot be created (exit 73).
    case outputUnavailable(path: String, reason: String)

    /// Reading or writing failed after the file was opened (exit 74).
    case io(path: String, reason: String)

    /// The status the process exits with for this error.
    public var exitStatus: Int32 {
        switch self {
        case .usage: return ExitStatus.usage
        case .data: return ExitStatus.dataError
        case .inputUnavailable: return ExitStatus.noInput
        case .outputUnavailable: return ExitStatus.cannotCreate
        case .io: return ExitStatus.ioError
        }
    }

    /// One line a person can act on, without the program's name.
    public var message: String {
        switch self {
        case .usage(let error): return error.message
        case .data(let error): return error.message
        case .inputUnavailable(let path, let reason):
            return "cannot open input \(quotedPath(path)): \(reason)"
        case .outputUnavailable(let path, let reason):
            return "cannot create output \(quotedPath(path)): \(reason)"
        case .io(let path, let reason):
            return "I/O error on \(quotedPath(path)): \(reason)"
        }
    }
}

/// The exit statuses of the command line.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let cannotCreate: Int32 = 73
    public static let ioError: Int32 = 74
}

/// Wraps a piece of input in single quotes for a one-line message: control characters are
/// escaped (`\n`, `\t`, `\u{0}`) and text longer than `limit` characters is shortened.
func quoted(_ text: String, limit: Int = 60) -> String {
    "'\(escaped(text, limit: limit))'"
}

/// Text made safe for a one-line message: control characters escaped (`\n`, `\t`,
/// `\u{0}`), and so are the invisible ones that would hide or reorder what is shown (a
/// byte-order mark inside the text, zero-width and direction marks, line and paragraph
/// separators); shortened past `limit` characters.
func escaped(_ text: String, limit: Int = .max) -> String {
    var shown = ""
    var length = 0
    for scalar in text.unicodeScalars {
        if length == limit {
            shown += "..."
            break
        }
        length += 1
        switch scalar {
        case "\n": shown += "\\n"
        case "\r": shown += "\\r"
        case "\t": shown += "\\t"
        case _ where isHidden(scalar):
            shown += "\\u{" + String(scalar.value, radix: 16) + "}"
        default: shown.unicodeScalars.append(scalar)
        }
    }
    return shown
}

/// Whether a character shows nothing by itself, or acts on the text around it.
private func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator: return true
    default: return false
    }
}

/// Wraps a file name in single quotes, whole, since a shortened name cannot be acted on.
func quotedPath(_ path: String) -> String {
    quoted(path, limit: .max)
}
