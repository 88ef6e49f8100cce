/// Computes one chunk of the two-file mode on a worker: a run of value lines from the
/// predictions file and as many from the targets file, paired in order.
struct TwoFileChunkProcessor: Sendable {
    let settings: SampleSettings

    func process(
        predictions: ChunkBuffer, targets: ChunkBuffer, sequence: Int, source: InputSource
    ) -> ChunkResult {
        var accumulator = settings.makeAccumulator()
        var predictionLines = ValueLineCursor(predictions.bytes)
        var targetLines = ValueLineCursor(targets.bytes)

        while let prediction = predictionLines.next(), let target = targetLines.next() {
            let p = ValueLines.parse(prediction.content)
            let y = ValueLines.parse(target.content)
            guard case .success(let pValue) = p, case .success(let yValue) = y else {
                let blamesTarget = (try? p.get()) != nil
                let field: FaultField = blamesTarget ? .target : .prediction
                let problem = Self.problem(blamesTarget ? y : p, field: field)
                let keepsGoing = accumulator.rejectRecord(
                    problem, line: prediction.line, targetLine: target.line,
                    raw: blamesTarget ? target.content : prediction.content)
                if keepsGoing { continue } else { break }
            }
            let keepsGoing = accumulator.accept(
                prediction: .value(pValue), target: .value(yValue), fieldCount: 2,
                line: prediction.line, targetLine: target.line, raw: prediction.content,
                targetRaw: target.content)
            if !keepsGoing { break }
        }
        predictionLines.finish()
        targetLines.finish()
        var result = ChunkResult(
            sequence: sequence, source: source, lineCount: predictionLines.lineCount,
            accumulator: accumulator)
        result.targetLineCount = targetLines.lineCount
        result.inputFault = predictions.changedInputError() ?? targets.changedInputError()
        return result
    }

    private static func problem(
        _ failed: Result<Double, ValueLines.RowProblemKind>, field: FaultField
    ) -> RowProblem {
        guard case .failure(let kind) = failed else { return .notANumber(field) }
        switch kind {
        case .notANumber: return .notANumber(field)
        case .outOfRange: return .outOfRange(field)
        case .several: return .severalNumbers(field)
        }
    }
}

/// Walks the value lines of a chunk, skipping blank ones, counting physical lines.
struct ValueLineCursor {
    private var lines: PhysicalLines
    private let bytes: UnsafeRawBufferPointer

    /// The physical lines passed so far, blank ones included.
    private(set) var lineCount = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        lines = PhysicalLines(bytes)
    }

    /// The next value line's content and its 1-based line within the chunk.
    mutating func next() -> (content: UnsafeRawBufferPointer, line: Int)? {
        while let range = lines.next() {
            lineCount += 1
            let line = UnsafeRawBufferPointer(rebasing: bytes[range])
            if !ValueLines.isBlank(line) { return (ValueLines.content(line), lineCount) }
        }
        return nil
    }

    /// Counts the physical lines left, so that `lineCount` covers the whole chunk.
    mutating func finish() {
        while lines.next() != nil { lineCount += 1 }
    }
}
