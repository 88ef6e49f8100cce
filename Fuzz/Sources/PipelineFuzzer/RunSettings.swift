import BiasGradKit
import FuzzSupport

/// The options a fuzzer input chooses for all of its runs, read from six settings bytes:
///   0  the chunk size of the parallel runs (FuzzSetting.chunkBytes)
///   1  activation (bits 0-1), loss (bit 2), input kind (bit 3), on-invalid policy (bit 4),
///      reduction (bit 5), header mode (bits 6-7: detect, present, absent, detect)
///   2  the delimiter (FuzzSetting.delimiter); sniffed when nil
///   3  the columns (`columns(_:)`)
///   4  per-sample records (bit 0) as JSON Lines (bit 1) without a header row (bit 2), a
///      rejects file when skipping (bit 3), an epsilon of 0.25 (bit 4), and the parallel
///      runs' worker count, 2 + (byte >> 5) % 3
///   5  the input files: with bit 0 clear, the data is one CSV file; with it set, the two
///      files of the two-file mode, predictions and targets, cut at (byte >> 1) / 127 of
///      the data
struct RunSettings {
    var options = RunOptions()
    var smallChunkBytes: Int
    var parallelWorkers: Int

    init(_ input: inout FuzzInput) {
        smallChunkBytes = FuzzSetting.chunkBytes(input.nextByte())
        let math = input.nextByte()
        options.activation = Activation.allCases[Int(math & 3)]
        options.loss = math & 4 == 0 ? .mse : .bce
        options.input = math & 8 == 0 ? .activated : .logits
        options.onInvalid = math & 16 == 0 ? .stop : .skip
        options.reduction = math & 32 == 0 ? .mean : .sum
        options.header = [.detect, .present, .absent, .detect][Int(math >> 6)]
        options.delimiter = FuzzSetting.delimiter(input.nextByte())
        (options.predictionColumn, options.targetColumn) = Self.columns(input.nextByte())

        let outputs = input.nextByte()
        perSample = outputs & 1 != 0
        options.perSampleFormat = outputs & 2 == 0 ? .csv : .jsonl
        options.perSampleHeader = outputs & 4 == 0
        rejects = outputs & 8 != 0 && options.onInvalid == .skip
        if outputs & 16 != 0 { options.epsilon = 0.25 }
        parallelWorkers = 2 + Int(outputs >> 5) % 3
        options.verbosity = .normal

        let files = input.nextByte()
        twoFileCut = files & 1 == 0 ? nil : Int(files >> 1)
    }

    /// Where the data is cut into predictions and targets, in 127ths of its length; nil for
    /// one CSV file.
    var twoFileCut: Int?

    /// Whether the runs write per-sample records.
    var perSample: Bool

    /// Whether the runs write a rejects file.
    var rejects: Bool

    /// Column selectors from a settings byte: none for byte % 8 below 4, else two indexes
    /// (1 to 4 each, maybe the same), two names, a prediction index alone, or a target name
    /// alone.
    static func columns(_ byte: UInt8) -> (ColumnSelector?, ColumnSelector?) {
        let predictionIndex = ColumnSelector.index(1 + Int(byte / 8 % 4))
        let targetIndex = ColumnSelector.index(1 + Int(byte / 32 % 4))
        let predictionName = ColumnSelector.name(["y_hat", "pred", "score"][Int(byte / 8 % 3)])
        let targetName = ColumnSelector.name([" Y ", "label", "truth"][Int(byte / 32 % 3)])
        switch byte % 8 {
        case 4: return (predictionIndex, targetIndex)
        case 5: return (predictionName, targetName)
        case 6: return (predictionIndex, nil)
        case 7: return (nil, targetName)
        default: return (nil, nil)
        }
    }
}
