/// One run of biasgrad's main job: read the batch, compute the exact reduction of the
/// per-sample bias gradients, and write the summary and the other outputs.
public struct BatchRun {
    private let options: RunOptions
    private let diagnostics: Diagnostics

    public init(options: RunOptions, diagnostics: Diagnostics) {
        self.options = options
        self.diagnostics = diagnostics
    }

    /// Runs the batch. Outputs are written whole when it succeeds and left untouched when it
    /// fails.
    ///
    /// - Throws: a `BiasGradError`, or `OutputReaderClosed` when a stream's reader went away.
    @discardableResult
    public func execute() throws -> RunSummary {
        try InputPreflight.check(options)
        try OutputCollisions.check(options)
        let outputs = try RunOutputs(options)
        do {
            let tally = try compute(into: outputs)
            let summary = try summarize(tally)
            try outputs.finish(with: SummaryWriter.render(summary, format: options.format))
            return summary
        } catch BiasGradError.data(.noValidSamples(let records, let invalid, let first)) {
            outputs.discard(keepingRejects: true)
            throw BiasGradError.data(
                .noValidSamples(records: records, invalid: invalid, firstInvalid: first))
        } catch BiasGradError.data(.noRecords(let inputs)) {
            // The rejects file is made even when empty, as for any run that read its input.
            outputs.discard(keepingRejects: true)
            throw BiasGradError.data(.noRecords(inputs: inputs))
        } catch {
            outputs.discard(keepingRejects: false)
            throw error
        }
    }

    private func compute(into outputs: RunOutputs) throws -> BatchTally {
        let kernel = GradientKernel(
            activation: options.activation, loss: options.loss, input: options.input,
            epsilon: options.epsilon)
        let formatter = outputs.perSample.map { _ in
            PerSampleFormatter(
                format: options.perSampleFormat, includesLogit: options.input == .logits)
        }
        var perSample: PerSampleStream?
        if let sink = outputs.perSample, let formatter {
            perSample = PerSampleStream(
                sink: sink, formatter: formatter, writesHeader: options.perSampleHeader)
        }
        let rejects = outputs.rejects.map(RejectsStream.init)
        let pool = WorkerPool(workers: options.workers) { onMerged in
            OrderedReducer(
                policy: options.onInvalid, perSample: perSample, rejects: rejects,
                onMerged: onMerged)
        }

        let reader = BatchReader(options: options, diagnostics: diagnostics)
        let settings = SampleSettings(
            kernel: kernel, formatter: formatter, policy: options.onInvalid,
            keepsRawRecords: rejects != nil)
        if let predictions = options.predictionsFile, let targets = options.targetsFile {
            warnAboutCSVOptions()
            let processor = TwoFileChunkProcessor(settings: settings)
            reader.readTwoFile(
                predictions: predictions, targets: targets, processor: processor, pool: pool)
        } else {
            let processor = CSVChunkProcessor(settings: settings)
            let inputs = options.inputs.isEmpty ? ["-"] : options.inputs
            reader.readCSV(inputs, processor: processor, pool: pool)
        }
        return try pool.reducer.finish()
    }

    /// The inputs as named, `-` for standard input.
    private var inputNames: [String] {
        if let predictions = options.predictionsFile, let targets = options.targetsFile {
            return [predictions, targets]
        }
        return options.inputs.isEmpty ? ["-"] : options.inputs
    }

    private func warnAboutCSVOptions() {
        let csvOnly = options.header != .detect || options.delimiter != nil
            || options.predictionColumn != nil || options.targetColumn != nil
        guard csvOnly else { return }
        diagnostics.warn(
            "the header, delimiter and column settings apply to CSV input;"
                + " --predictions and --targets files are read without them")
    }

    private func summarize(_ tally: BatchTally) throws(BiasGradError) -> RunSummary {
        guard tally.records > 0 else { throw .data(.noRecords(inputs: inputNames)) }
        guard tally.samples > 0 else {
            throw .data(.noValidSamples(
                records: tally.records, invalid: tally.invalidRows, firstInvalid: tally.firstFault))
        }
        let sum = tally.sum.sum()
        if sum == nil && options.reduction == .sum {
            throw .data(.sumOverflow(samples: tally.samples))
        }
        if sum == nil {
            diagnostics.warn(
                "the exact sum of the \(tally.samples) gradients is too large for float64;"
                    + " the summary reports \"sum\": null and an exact, finite mean")
        }
        if tally.invalidRows > 0 {
            diagnostics.note("\(tally.invalidRows) invalid rows left out")
        }
        return RunSummary(
            reduction: options.reduction, samples: tally.samples, records: tally.records,
            invalidRows: tally.invalidRows, sum: sum,
            mean: tally.sum.quotient(dividingBy: tally.samples)!, loss: options.loss,
            activation: options.activation, input: options.input)
    }
}
