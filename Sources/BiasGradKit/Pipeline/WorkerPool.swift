import Dispatch

/// Runs chunk jobs on a bounded number of Dispatch workers and hands their results to an
/// `OrderedReducer` on one serial queue.
///
/// Workers finish in any order; the reducer restores input order by each result's sequence
/// number. Two semaphores bound the work: `workerSlots` the jobs running at once, and
/// `chunkSlots` the chunks read but not yet merged, so memory stays bounded by
/// `chunkSlots` chunks whatever the input size.
final class WorkerPool: @unchecked Sendable {
    let reducer: OrderedReducer

    private let workQueue = DispatchQueue(label: "biasgrad.workers", attributes: .concurrent)
    private let reduceQueue = DispatchQueue(label: "biasgrad.reducer")
    private let workerSlots: DispatchSemaphore
    private let chunkSlots: DispatchSemaphore
    private let pending = DispatchGroup()
    private var nextSequence = 0

    /// - Parameters:
    ///   - workers: how many chunks are computed at once.
    ///   - makeReducer: builds the reducer, given the callback it calls after each merge.
    init(
        workers: Int, makeReducer: (_ onMerged: @escaping @Sendable () -> Void) -> OrderedReducer
    ) {
        let workers = max(workers, 1)
        let workerSlots = Self.semaphore(slots: workers)
        let chunkSlots = Self.semaphore(slots: 2 * workers + 2)
        self.workerSlots = workerSlots
        self.chunkSlots = chunkSlots
        reducer = makeReducer { chunkSlots.signal() }
    }

    /// A semaphore with `slots` free slots that may be released with slots still taken:
    /// libdispatch traps when a semaphore dies below the value it was created with, which a
    /// run that stops early may leave it at, so it starts at zero and is signalled up.
    private static func semaphore(slots: Int) -> DispatchSemaphore {
        let semaphore = DispatchSemaphore(value: 0)
        for _ in 0..<slots { semaphore.signal() }
        return semaphore
    }

    /// Whether the run must stop early.
    var isStopping: Bool { reducer.stopRequested.load(ordering: .relaxed) }

    /// Blocks until another chunk may be read; call it before reading each chunk.
    func waitForChunkSlot() {
        chunkSlots.wait()
    }

    /// Gives back a slot taken by `waitForChunkSlot` when no chunk was read after all.
    func returnChunkSlot() {
        chunkSlots.signal()
    }

    /// Runs `job` on a worker with the next sequence number and merges its result.
    func submit(_ job: @escaping @Sendable (_ sequence: Int) -> ChunkResult) {
        let sequence = nextSequence
        nextSequence += 1
        workerSlots.wait()
        pending.enter()
        workQueue.async { [self] in
            let result = job(sequence)
            workerSlots.signal()
            reduceQueue.async { [self] in
                reducer.receive(result)
                pending.leave()
            }
        }
    }

    /// Waits until every submitted chunk is merged.
    func waitForAll() {
        pending.wait()
    }

    /// Records a failure found by the reader, after every chunk read before it is merged,
    /// so that an earlier fault in the input still comes first.
    func fail(_ error: BiasGradError) {
        waitForAll()
        reduceQueue.sync { reducer.fail(error) }
    }
}
