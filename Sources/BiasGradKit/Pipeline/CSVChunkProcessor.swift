/// Computes one CSV chunk on a worker thread: parse, evaluate, accumulate.
struct CSVChunkProcessor: Sendable {
    let settings: SampleSettings

    /// Processes `chunk`, the `sequence`-th of the batch, from `source`.
    ///
    /// - Parameters:
    ///   - parser: `.plain` only for a chunk without quote bytes; both give the same result.
    ///   - skipsHeader: true for the first chunk of an input with a header row.
    ///   - isEndOfInput: true for the last chunk of its input.
    func process(
        _ chunk: ChunkBuffer, sequence: Int, source: InputSource, parser: ChunkParserKind,
        skipsHeader: Bool, isEndOfInput: Bool
    ) -> ChunkResult {
        let layout = source.layout!
        var accumulator = settings.makeAccumulator()

        let lines: Int
        switch parser {
        case .plain:
            let plain = PlainChunkParser(delimiter: layout.delimiter, fields: layout.fields)
            lines = accumulate(
                chunk, with: plain, skipsHeader: skipsHeader, isEndOfInput: isEndOfInput,
                into: &accumulator)
        case .libcsv:
            let libcsv = CSVChunkParser(delimiter: layout.delimiter, fields: layout.fields)
            lines = accumulate(
                chunk, with: libcsv, skipsHeader: skipsHeader, isEndOfInput: isEndOfInput,
                into: &accumulator)
        }
        var result = ChunkResult(
            sequence: sequence, source: source, lineCount: lines, accumulator: accumulator)
        result.inputFault = chunk.changedInputError()
        return result
    }

    /// Feeds every record of `chunk` to `accumulator` and returns the chunk's line count.
    ///
    /// Specialized for each parser, so that each gets its own loop with the record handling
    /// inlined into it.
    @inline(never)
    private func accumulate<Parser: ChunkRecordParser>(
        _ chunk: ChunkBuffer, with parser: Parser, skipsHeader: Bool, isEndOfInput: Bool,
        into accumulator: inout SampleAccumulator
    ) -> Int {
        var pendingHeader = skipsHeader
        return parser.parse(chunk.bytes, firstLine: 1, isEndOfInput: isEndOfInput) { record in
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
    }
}

/// A parser that reports the records of a chunk in order: libcsv's or the plain one.
protocol ChunkRecordParser {
    /// Calls `visit` for each record in `bytes`, in order, until it returns false, and
    /// returns the number of physical lines read.
    func parse(
        _ bytes: UnsafeRawBufferPointer, firstLine: Int, isEndOfInput: Bool,
        visit: (CSVRecord) -> Bool
    ) -> Int
}

extension CSVChunkParser: ChunkRecordParser {}

extension PlainChunkParser: ChunkRecordParser {}
