/// Cuts the two files of the two-file mode into chunks that pair: each targets chunk holds
/// as many value lines as the predictions chunk it goes with.
struct ValuePairing {
    let predictionsName: String
    let targetsName: String
    private var predictions: ChunkReader
    private var targets: ChunkReader
    private var predictionCount = 0
    private var targetCount = 0

    init(predictions: String, targets: String, chunkBytes: Int) throws(BiasGradError) {
        let predictionsFile = try InputFile.open(predictions)
        let targetsFile = try InputFile.open(targets)
        predictionsName = predictionsFile.displayName
        targetsName = targetsFile.displayName
        self.predictions = ChunkReader(file: predictionsFile, chunkBytes: chunkBytes)
        self.targets = ChunkReader(file: targetsFile, chunkBytes: chunkBytes)
        self.predictions.readPlainLines()
        self.targets.readPlainLines()
    }

    /// The next pair of chunks, or nil when the predictions are exhausted.
    mutating func nextPair() throws(BiasGradError) -> (ChunkBuffer, ChunkBuffer)? {
        guard let predictionChunk = try predictions.nextChunk() else { return nil }
        let wanted = ValueLines.count(in: predictionChunk.bytes)
        let targetChunk = try targets.nextChunk(valueLines: wanted) ?? ChunkBuffer(capacity: 1)
        predictionCount += wanted
        targetCount += ValueLines.count(in: targetChunk.bytes)
        return (predictionChunk, targetChunk)
    }

    /// Counts what is left of both files and throws when their value counts differ.
    mutating func checkCounts() throws(BiasGradError) {
        while let chunk = try predictions.nextChunk() {
            predictionCount += ValueLines.count(in: chunk.bytes)
        }
        while let chunk = try targets.nextChunk() {
            targetCount += ValueLines.count(in: chunk.bytes)
        }
        guard predictionCount == targetCount else {
            throw .data(.countMismatch(
                predictions: predictionsName, predictionCount: predictionCount,
                targets: targetsName, targetCount: targetCount))
        }
    }
}
