import Synchronization

/// Merges chunk results in input order, whatever order the workers finish in.
///
/// Results wait in `waiting` until every earlier chunk has been merged. Merging adds the
/// exact partial sums, turns chunk-relative lines and record ordinals into the input's own
/// by adding the counts of the chunks before, writes per-sample records and rejects in
/// input order, and keeps the first fault in the input, which is the one a stopping run
/// reports. All of it runs on one serial queue.
final class OrderedReducer: @unchecked Sendable {
    /// Set once the run must stop: a fault in stop mode, or an output that failed.
    let stopRequested = Atomic<Bool>(false)

    private var waiting: [Int: ChunkResult] = [:]
    private var nextSequence = 0
    private var tally = BatchTally()
    private var failure: (any Error)?
    private var currentInput = -1
    private var lineBase = 0
    private var targetLineBase = 0
    private var recordBase = 0

    private let policy: InvalidRowPolicy
    private let perSample: PerSampleStream?
    private let rejects: RejectsStream?
    private let onMerged: @Sendable () -> Void

    /// - Parameter onMerged: called after each chunk is merged, to free its slot.
    init(
        policy: InvalidRowPolicy, perSample: PerSampleStream?, rejects: RejectsStream?,
        onMerged: @escaping @Sendable () -> Void
    ) {
        self.policy = policy
        self.perSample = perSample
        self.rejects = rejects
        self.onMerged = onMerged
    }

    /// Takes one chunk's result and merges every result that is now next in order.
    func receive(_ result: ChunkResult) {
        waiting[result.sequence] = result
        while let next = waiting.removeValue(forKey: nextSequence) {
            if failure == nil { merge(next) }
            nextSequence += 1
            onMerged()
        }
    }

    /// The totals once every chunk is merged, or the error that stopped the run: a
    /// `BiasGradError`, or `OutputReaderClosed` when a stream's reader went away.
    func finish() throws -> BatchTally {
        if let failure { throw failure }
        try perSample?.flush()
        try rejects?.flush()
        return tally
    }

    /// Records a failure found outside the workers, such as a read error.
    func fail(_ error: any Error) {
        if failure == nil { failure = error }
        stopRequested.store(true, ordering: .relaxed)
    }

    private func merge(_ result: ChunkResult) {
        if let inputFault = result.inputFault {
            fail(inputFault)
            return
        }
        if result.source.index != currentInput {
            currentInput = result.source.index
            lineBase = 0
            targetLineBase = 0
        }
        let accumulator = result.accumulator

        do {
            try perSample?.write(accumulator, recordBase: recordBase)
            for fault in accumulator.faults {
                try handle(fault, source: result.source)
            }
        } catch {
            fail(error)
            return
        }

        tally.sum.add(accumulator.sum)
        tally.samples += accumulator.validCount
        tally.records += accumulator.recordCount
        tally.invalidRows += accumulator.faults.count
        recordBase += accumulator.recordCount
        lineBase += result.lineCount
        targetLineBase += result.targetLineCount
    }

    private func handle(_ fault: LocalRowFault, source: InputSource) throws {
        let located = LocatedRowFault(
            fault, source: source, lineBase: lineBase, targetLineBase: targetLineBase)
        switch policy {
        case .stop: throw BiasGradError.data(located.error)
        case .skip:
            if tally.firstFault == nil { tally.firstFault = located.error }
            try rejects?.write(located)
        }
    }
}

/// The totals of a batch.
struct BatchTally: Sendable {
    var sum = GradientSum()
    var samples = 0
    var records = 0
    var invalidRows = 0

    /// The first invalid row in the input, kept for the message when none is valid.
    var firstFault: DataError?
}
