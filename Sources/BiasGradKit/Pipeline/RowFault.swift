/// Which selected field of a record a fault is about.
enum FaultField: Sendable, Equatable {
    case prediction, target
}

/// What is wrong with one invalid record.
enum RowProblem: Sendable, Equatable {
    /// The record ends before the selected field.
    case missingField(FaultField, fieldCount: Int)

    /// The field is not a number in the accepted grammar.
    case notANumber(FaultField)

    /// The field is there but holds nothing, or only spaces and tabs.
    case emptyField(FaultField)

    /// The field is a number too large for float64.
    case outOfRange(FaultField)

    /// The values are numbers but break a rule of the math.
    case domain(DomainFault)

    /// A quoted field is still open at the end of the input.
    case unterminatedQuote

    /// A line of a two-file input holds more than one number.
    case severalNumbers(FaultField)


    /// The field the problem is about, if it is about one.
    var field: FaultField? {
        switch self {
        case .missingField(let field, _), .notANumber(let field), .emptyField(let field),
            .outOfRange(let field), .severalNumbers(let field):
            return field
        case .domain(let fault):
            return fault.blamesTarget ? .target : .prediction
        case .unterminatedQuote:
            return nil
        }
    }
}

/// An invalid record as a worker finds it, with positions relative to its chunk.
struct LocalRowFault: Sendable {
    /// The 1-based line within the chunk where the record starts; in the two-file mode, the
    /// line in the predictions file.
    var line: Int

    /// The line within the targets file's chunk, in the two-file mode only.
    var targetLine: Int?

    /// The 0-based ordinal of the record among the chunk's data records.
    var record: Int

    var problem: RowProblem

    /// The record's bytes as they were in the input, kept when they are needed later.
    var raw: [UInt8]
}
