/// What a worker hands the reducer for one chunk.
///
/// Positions in it are relative to the chunk; the reducer, which sees chunks in input
/// order, adds the line and record counts of the chunks before it.
struct ChunkResult: @unchecked Sendable {
    /// The chunk's place in the input order, from 0.
    var sequence: Int

    /// The input the chunk came from.
    var source: InputSource

    /// The physical lines in the chunk; in the two-file mode, in its predictions part.
    var lineCount: Int

    /// The physical lines in the targets part of a two-file chunk; 0 for CSV.
    var targetLineCount = 0

    var accumulator: SampleAccumulator

    /// An input that changed under the chunk while it was read (cut short, rewritten):
    /// the chunk's records cannot be trusted, and the run fails here, in input order.
    var inputFault: BiasGradError?
}

/// One input of a batch as the reducer needs to know it.
struct InputSource: Sendable {
    /// The input's position in the batch, from 0.
    var index: Int

    /// The name messages use.
    var name: String

    /// The layout of a CSV input; nil for a two-file input.
    var layout: CSVLayout?

    /// The targets file of a two-file input; `name` is then the predictions file.
    var targetName: String?

    /// The 1-based column of the prediction or the target field; nil for a two-file input.
    func columnIndex(_ field: FaultField) -> Int? {
        guard let layout else { return nil }
        return (field == .prediction ? layout.fields.prediction : layout.fields.target) + 1
    }

    /// The names of the prediction and the target columns for messages, if they have any.
    func columnDescription(_ field: FaultField) -> String {
        guard let layout else { return field == .prediction ? "the prediction" : "the target" }
        let index = field == .prediction ? layout.fields.prediction : layout.fields.target
        if let name = layout.name(ofField: index) {
            return "column \(index + 1) (\(escaped(name, limit: 60)))"
        }
        return "column \(index + 1)"
    }
}
