/// Turns the records of one chunk into gradients, an exact partial sum, per-sample text and
/// a list of invalid records. One accumulator serves one chunk on one worker.
struct SampleAccumulator {
    private let kernel: GradientKernel
    private let formatter: PerSampleFormatter?
    private let policy: InvalidRowPolicy
    private let keepsRawRecords: Bool

    /// The exact sum of the valid gradients.
    private(set) var sum = GradientSum()

    /// The number of valid samples.
    private(set) var validCount = 0

    /// The number of data records seen, valid or not.
    private(set) var recordCount = 0

    /// The per-sample text of each valid record, without its sample number.
    let tails: ByteBuffer?

    /// For each valid record with per-sample output: its record ordinal and where its tail
    /// ends in `tails`.
    private(set) var tailIndex: [(record: Int, end: Int)] = []

    /// The invalid records, all of them when skipping, else the first.
    private(set) var faults: [LocalRowFault] = []

    init(
        kernel: GradientKernel, formatter: PerSampleFormatter?, policy: InvalidRowPolicy,
        keepsRawRecords: Bool
    ) {
        self.kernel = kernel
        self.formatter = formatter
        self.policy = policy
        self.keepsRawRecords = keepsRawRecords
        tails = formatter == nil ? nil : ByteBuffer(capacity: 1 << 16)
    }

    /// Takes one data record; returns false when the run must stop at it.
    ///
    /// In the two-file mode, `targetLine` and `targetRaw` give the target's own line, and
    /// `raw` is the prediction's.
    @inline(__always)
    mutating func accept(
        prediction: ParsedNumber?, target: ParsedNumber?, fieldCount: Int, line: Int,
        targetLine: Int? = nil, raw: UnsafeRawBufferPointer,
        targetRaw: UnsafeRawBufferPointer? = nil
    ) -> Bool {
        let record = recordCount
        recordCount &+= 1

        guard case .value(let p)? = prediction, case .value(let y)? = target else {
            let problem = Self.problem(prediction, target, fieldCount: fieldCount)
            let blamed = problem.field == .target ? targetRaw ?? raw : raw
            return reject(
                problem, line: line, targetLine: targetLine, record: record, raw: blamed)
        }

        switch kernel.evaluate(prediction: p, target: y) {
        case .success(let sample):
            sum.add(sample.gradient)
            validCount &+= 1
            if let formatter, let tails {
                formatter.appendTail(sample, to: tails)
                tailIndex.append((record, tails.count))
            }
            return true
        case .failure(let fault):
            let blamed = fault.blamesTarget ? targetRaw ?? raw : raw
            return reject(
                .domain(fault), line: line, targetLine: targetLine, record: record, raw: blamed)
        }
    }

    /// Records an invalid record; returns false when the run must stop at it.
    ///
    /// The record's bytes are kept when a message may quote them: for the rejects file, and
    /// for a chunk's first fault, which may be the run's first.
    mutating func reject(
        _ problem: RowProblem, line: Int, targetLine: Int? = nil, record: Int,
        raw: UnsafeRawBufferPointer
    ) -> Bool {
        let stops = policy == .stop
        let bytes = stops || keepsRawRecords || faults.isEmpty ? Array(raw) : []
        faults.append(LocalRowFault(
            line: line, targetLine: targetLine, record: record, problem: problem, raw: bytes))
        return !stops
    }

    /// Counts a record that is invalid as a whole; returns false when the run must stop.
    mutating func rejectRecord(
        _ problem: RowProblem, line: Int, targetLine: Int? = nil, raw: UnsafeRawBufferPointer
    ) -> Bool {
        let record = recordCount
        recordCount += 1
        return reject(problem, line: line, targetLine: targetLine, record: record, raw: raw)
    }

    private static func problem(
        _ prediction: ParsedNumber?, _ target: ParsedNumber?, fieldCount: Int
    ) -> RowProblem {
        for (parsed, field) in [(prediction, FaultField.prediction), (target, .target)] {
            switch parsed {
            case nil: return .missingField(field, fieldCount: fieldCount)
            case .notANumber?: return .notANumber(field)
            case .outOfRange?: return .outOfRange(field)
            case .value?: continue
            }
        }
        return .notANumber(.prediction)
    }
}

/// What every chunk's accumulator is made from: the same for all chunks of a run.
struct SampleSettings: Sendable {
    let kernel: GradientKernel

    /// Formats per-sample records; nil when none are written.
    let formatter: PerSampleFormatter?

    let policy: InvalidRowPolicy

    /// Whether invalid records keep their bytes, for the rejects file.
    let keepsRawRecords: Bool

    /// A new, empty accumulator for one chunk.
    func makeAccumulator() -> SampleAccumulator {
        SampleAccumulator(
            kernel: kernel, formatter: formatter, policy: policy,
            keepsRawRecords: keepsRawRecords)
    }
}
