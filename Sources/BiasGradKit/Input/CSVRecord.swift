/// One CSV record as the chunk parser reports it: where it is and what its selected fields
/// hold. The bytes behind `raw` belong to the chunk and live only as long as it does.
struct CSVRecord {
    /// The 1-based physical line the record starts on, counted within the chunk's file.
    var line: Int

    /// The record's bytes in the input, without its line terminator.
    var raw: UnsafeRawBufferPointer

    /// How many fields the record has.
    var fieldCount: Int

    /// The selected prediction field, or nil when the record is too short to have it.
    var prediction: ParsedNumber?

    /// The selected target field, or nil when the record is too short to have it.
    var target: ParsedNumber?

    /// True when the record is a quoted field left open at the end of the input.
    var hasUnterminatedQuote: Bool
}

/// Which fields of a record hold the prediction and the target (0-based).
struct SelectedFields: Sendable, Equatable {
    var prediction: Int
    var target: Int
}
