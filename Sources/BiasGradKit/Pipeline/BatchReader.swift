/// Reads a batch's inputs on the calling thread and feeds their chunks to a worker pool.
///
/// Errors found while reading (an input that cannot be opened, a read that fails, a missing
/// column, two files that do not pair) go to the pool, which reports them after every chunk
/// read before them, so the first problem in the input is the one reported.
struct BatchReader {
    let options: RunOptions
    let diagnostics: Diagnostics

    /// Reads CSV inputs in order; `-` is standard input.
    func readCSV(_ paths: [String], processor: CSVChunkProcessor, pool: WorkerPool) {
        for (index, path) in paths.enumerated() where !pool.isStopping {
            do throws(BiasGradError) {
                try readCSV(path, index: index, processor: processor, pool: pool)
            } catch {
                pool.fail(error)
                return
            }
        }
        pool.waitForAll()
    }

    private func readCSV(
        _ path: String, index: Int, processor: CSVChunkProcessor, pool: WorkerPool
    ) throws(BiasGradError) {
        let file = try InputFile.open(path)
        var reader = ChunkReader(file: file, chunkBytes: options.chunkBytes)
        var delimiter = UInt8(ascii: ",")
        if let chosen = options.delimiter {
            delimiter = chosen
        } else {
            delimiter = DelimiterSniffer.sniff(try reader.firstNonBlankLine())
        }
        reader.setDelimiter(delimiter)

        var source: InputSource?
        var parsers = ParserTally()
        defer {
            if let layout = source?.layout {
                describe(layout, of: file.displayName, sniffed: options.delimiter == nil, parsers)
            }
        }
        while !pool.isStopping {
            pool.waitForChunkSlot()
            guard let chunk = try reader.nextChunk() else {
                pool.returnChunkSlot()
                break
            }
            let isLast = reader.isExhausted
            let isFirst = source == nil
            if isFirst,
                let layout = try Self.layout(of: chunk, delimiter: delimiter, file, options)
            {
                source = InputSource(index: index, name: file.displayName, layout: layout)
            }
            // Chunks of blank lines before the first record go through with a stand-in
            // layout: they hold no record, only lines to count.
            let chunkSource = source ?? InputSource(
                index: index, name: file.displayName, layout: .blank(delimiter: delimiter))
            let startsRecords = isFirst && source != nil
            let parser = options.parser.parser(forChunkIsQuoteFree: chunk.isQuoteFree)
            parsers.count(parser)
            pool.submit { sequence in
                processor.process(
                    chunk, sequence: sequence, source: chunkSource, parser: parser,
                    skipsHeader: startsRecords && chunkSource.layout!.hasHeader,
                    isEndOfInput: isLast)
            }
        }
        if source == nil { diagnostics.note("\(file.displayName): empty input, no records") }
    }

    /// Reads the two-file mode's inputs, pairing their value lines in order.
    func readTwoFile(
        predictions: String, targets: String, processor: TwoFileChunkProcessor, pool: WorkerPool
    ) {
        do throws(BiasGradError) {
            var pairing = try ValuePairing(
                predictions: predictions, targets: targets, chunkBytes: options.chunkBytes)
            let source = InputSource(
                index: 0, name: pairing.predictionsName, layout: nil,
                targetName: pairing.targetsName)
            while !pool.isStopping {
                pool.waitForChunkSlot()
                guard let (predictionChunk, targetChunk) = try pairing.nextPair() else {
                    pool.returnChunkSlot()
                    break
                }
                pool.submit { sequence in
                    processor.process(
                        predictions: predictionChunk, targets: targetChunk, sequence: sequence,
                        source: source)
                }
            }
            if !pool.isStopping { try pairing.checkCounts() }
        } catch {
            pool.fail(error)
            return
        }
        pool.waitForAll()
    }

    /// The layout the input's first record gives; nil when `chunk` holds no record. An input
    /// without any record, only blank lines, has no layout and no names to look up, like an
    /// empty one, however it is cut into chunks.
    private static func layout(
        of chunk: ChunkBuffer, delimiter: UInt8, _ file: InputFile, _ options: RunOptions
    ) throws(BiasGradError) -> CSVLayout? {
        let anyFields = SelectedFields(prediction: 0, target: 1)
        let parser = CSVChunkParser(delimiter: delimiter, fields: anyFields)
        var firstRecord: [String]?
        parser.parse(chunk.bytes, firstLine: 1, isEndOfInput: true) { record in
            firstRecord = parser.fieldTexts(of: record.raw)
            return false
        }
        guard let firstRecord else { return nil }
        return try CSVLayout.resolve(
            firstRecord: firstRecord, delimiter: delimiter, file: file.displayName,
            options: options)
    }

    private func describe(
        _ layout: CSVLayout, of file: String, sniffed: Bool, _ parsers: ParserTally
    ) {
        let delimiter = DelimiterSniffer.name(of: layout.delimiter) + (sniffed ? " (sniffed)" : "")
        let header = layout.hasHeader ? "a header" : "no header"
        let source = InputSource(index: 0, name: file, layout: layout)
        diagnostics.note(
            "\(file): delimiter \(delimiter), \(header), prediction "
                + "\(source.columnDescription(.prediction)), target "
                + "\(source.columnDescription(.target)), \(parsers.description(options.parser))")
    }
}

/// How many chunks of one input went through each parser, for `--verbose`.
private struct ParserTally {
    private var plain = 0
    private var libcsv = 0

    mutating func count(_ parser: ChunkParserKind) {
        switch parser {
        case .plain: plain += 1
        case .libcsv: libcsv += 1
        }
    }

    /// "parser plain", "parser libcsv", or how the chunks were shared between the two.
    func description(_ choice: ParserChoice) -> String {
        if choice == .libcsv {
            return "parser libcsv (\(ParserChoice.environmentVariable)=libcsv)"
        }
        if libcsv == 0 { return "parser plain" }
        if plain == 0 { return "parser libcsv (quotes in every chunk)" }
        return "parser plain for \(Self.chunks(plain)), libcsv for \(libcsv) with quotes"
    }

    private static func chunks(_ count: Int) -> String {
        count == 1 ? "1 chunk" : "\(count) chunks"
    }
}
