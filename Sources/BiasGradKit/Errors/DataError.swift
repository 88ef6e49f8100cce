/// Data that cannot give a result.
public enum DataError: Error, Equatable, Sendable {
    /// A record that breaks a rule, with where it is and what it holds.
    ///
    /// `column` describes the field ("column 1 (y_hat)") when the fault is about one, and
    /// `text` is that field's text as it is in the input.
    case invalidRow(file: String, line: Int, column: String?, text: String?, reason: String)

    /// The inputs hold no data record at all: they are empty, or hold a header or blank
    /// lines only. `inputs` are their names as given, `-` for standard input.
    case noRecords(inputs: [String])

    /// None of the `records` data records gave a valid sample; `firstInvalid` is the first
    /// invalid row's error.
    indirect case noValidSamples(records: Int, invalid: Int, firstInvalid: DataError?)

    /// The exact sum is too large for float64 and the sum was asked for.
    case sumOverflow(samples: Int)

    /// A record that does not end within `limit` bytes, starting `offset` bytes into `file`.
    case recordTooLong(file: String, offset: Int, limit: Int)

    /// An input that starts with the byte-order mark of an encoding other than UTF-8.
    case notUTF8(file: String, encoding: String)

    /// The two files of the two-file mode hold different numbers of values.
    case countMismatch(predictions: String, predictionCount: Int, targets: String, targetCount: Int)

    /// The one-line message for this fault.
    public var message: String {
        switch self {
        case .invalidRow(let file, let line, let column, let text, let reason):
            return Self.rowMessage(file: file, line: line, column: column, text: text, reason)
        case .noRecords(let inputs):
            return "no data records in \(Self.describe(inputs)): there is no result"
        case .noValidSamples(let records, let invalid, let firstInvalid):
            let first = firstInvalid.map { "; the first: " + $0.message } ?? ""
            return "none of the \(records) data records is a valid sample (\(invalid) invalid),"
                + " so there is no result" + first
        case .sumOverflow(let samples):
            return "the exact sum of the \(samples) gradients is too large for float64; "
                + "use --reduction mean, whose value is finite"
        case .recordTooLong(let file, let offset, let limit):
            return "\(escaped(file)): the record at byte \(offset) runs on for more than "
                + "\(limit >> 20) MiB without ending: a quoted field left open, or no line ends"
        case .notUTF8(let file, let encoding):
            return "\(quotedPath(file)) starts with a \(encoding) byte-order mark, but biasgrad "
                + "reads UTF-8: convert it first, e.g. with iconv -f \(encoding) -t UTF-8"
        case .countMismatch(let predictions, let predictionCount, let targets, let targetCount):
            return "\(quotedPath(predictions)) has \(predictionCount) values but "
                + "\(quotedPath(targets)) has \(targetCount); the two files must pair line by line"
        }
    }

    /// The inputs for a message: one by its name, several by their number.
    private static func describe(_ inputs: [String]) -> String {
        guard inputs.count == 1 else { return "any of the \(inputs.count) inputs" }
        return inputs[0] == "-" ? "standard input" : quotedPath(inputs[0])
    }

    /// The message of an invalid row, also used for the reasons in the rejects file.
    static func rowMessage(
        file: String?, line: Int, column: String?, text: String?, _ reason: String
    ) -> String {
        var message = file.map { "\(escaped($0)):\(line): " } ?? ""
        if let column {
            message += column
            if let text { message += " holds \(quoted(text))" }
            message += ": "
        }
        return message + reason
    }
}

extension RowProblem {
    /// The reason for a message, after the column and its text.
    var reason: String {
        switch self {
        case .missingField(_, let count):
            return "the field is missing: the record has \(count) field\(count == 1 ? "" : "s")"
        case .notANumber:
            return "not a number"
        case .emptyField:
            return "the field is empty"
        case .outOfRange:
            return "the number is too large for float64"
        case .domain(let fault):
            return fault.reason
        case .unterminatedQuote:
            return "a quoted field opened in this record is never closed"
        case .severalNumbers:
            return "more than one number on the line"
        }
    }

    /// Whether the message should quote the field's text.
    var showsText: Bool {
        switch self {
        case .missingField, .emptyField: return false
        default: return true
        }
    }
}
