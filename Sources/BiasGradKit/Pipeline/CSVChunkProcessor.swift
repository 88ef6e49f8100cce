/// Computes one CSV chunk on a worker thread: parse, evaluate, accumulate.
struct CSVChunkProcessor: Sendable {
    let kernel: GradientKernel
    let formatter: PerSampleFormatter?
    let policy: InvalidRowPolicy
    let keepsRawRecords: Bool

    /// Processes `chunk`, the `sequence`-th of the batch, from `source`.
    ///
    /// - Parameters:
    ///   - skipsHeader: true for the first chunk of an input with a header row.
    ///   - isEndOfInput: true for the last chunk of its input.
    func process(
        _ chunk: ChunkBuffer, sequence: Int, source: InputSource, skipsHeader: Bool,
        isEndOfInput: Bool
    ) -> ChunkResult {
        let layout = source.layout!
        let parser = CSVChunkParser(delimiter: layout.delimiter, fields: layout.fields)
        var accumulator = SampleAccumulator(
            kernel: kernel, formatter: formatter, policy: policy,
            keepsRawRecords: keepsRawRecords)
        var pendingHeader = skipsHeader

        let lines = parser.parse(chunk.bytes, firstLine: 1, isEndOfInput: isEndOfInput) {
            record in
            if pendingHeader {
                pendingHeader = false
                return true
            }
            if record.hasUnterminatedQuote {
                return accumulator.rejectRecord(
                    .unterminatedQuote, line: record.line, raw: record.raw)
            }
            return accumulator.accept(
                prediction: record.prediction, target: record.target,
                fieldCount: record.fieldCount, line: record.line, raw: record.raw)
        }
        return ChunkResult(
            sequence: sequence, source: source, lineCount: lines, accumulator: accumulator)
    }
}
