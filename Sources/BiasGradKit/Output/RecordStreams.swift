/// How many bytes a stream gathers before it writes them.
private let flushThreshold = 1 << 20

/// Per-sample records on their way to their output, in input order.
final class PerSampleStream {
    private let sink: any OutputSink
    private let formatter: PerSampleFormatter
    private let buffer = ByteBuffer(capacity: flushThreshold + (1 << 16))

    init(sink: any OutputSink, formatter: PerSampleFormatter, writesHeader: Bool) {
        self.sink = sink
        self.formatter = formatter
        if writesHeader, let header = formatter.header { buffer.append(header) }
    }

    /// Writes the records of one merged chunk, numbering them after `recordBase` records.
    func write(_ accumulator: SampleAccumulator, recordBase: Int) throws {
        guard let tails = accumulator.tails else { return }
        var start = 0
        try tails.withBytes { bytes in
            let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
            for (record, end) in accumulator.tailIndex {
                formatter.appendHead(sample: recordBase + record + 1, to: buffer)
                buffer.append(base + start, length: end - start)
                start = end
                if buffer.count >= flushThreshold { try flush() }
            }
        }
    }

    /// Writes whatever is gathered.
    func flush() throws {
        guard buffer.count > 0 else { return }
        try sink.write(buffer)
        buffer.removeAll()
    }
}

/// Invalid records on their way to the rejects file, in input order.
final class RejectsStream {
    private let sink: any OutputSink
    private let buffer = ByteBuffer(capacity: 1 << 16)

    init(sink: any OutputSink) {
        self.sink = sink
        RejectsFormatter.appendHeader(to: buffer)
    }

    /// Writes one invalid record with its place and reason.
    func write(_ fault: LocatedRowFault) throws {
        let reason = DataError.rowMessage(
            file: nil, line: fault.line, column: fault.column, text: fault.text, fault.reason)
        fault.raw.withUnsafeBytes { raw in
            RejectsFormatter.appendRecord(
                file: fault.file, line: fault.line, column: fault.columnIndex, reason: reason,
                raw: raw, to: buffer)
        }
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes whatever is gathered.
    func flush() throws {
        guard buffer.count > 0 else { return }
        try sink.write(buffer)
        buffer.removeAll()
    }
}
