import Foundation

/// The activation function of the output neuron.
public enum Activation: String, CaseIterable, Sendable {
    case linear, sigmoid, tanh, relu
}

/// The loss whose gradient is taken.
public enum Loss: String, CaseIterable, Sendable {
    case mse, bce
}

/// How the per-sample gradients are reduced over the batch.
public enum Reduction: String, CaseIterable, Sendable {
    case mean, sum
}

/// Whether the prediction column holds activated outputs or pre-activation logits.
public enum InputKind: String, CaseIterable, Sendable {
    case activated, logits
}

/// The format of the summary.
public enum SummaryFormat: String, CaseIterable, Sendable {
    case json, csv
}

/// The format of the per-sample records.
public enum PerSampleFormat: String, CaseIterable, Sendable {
    case csv, jsonl
}

/// What an invalid row does to the run.
public enum InvalidRowPolicy: String, CaseIterable, Sendable {
    /// The first invalid row ends the run with exit 65.
    case stop
    /// Invalid rows are counted, written to the rejects file if one is named, and left out.
    case skip
}

/// Whether the first row of a CSV input is a header.
public enum HeaderMode: Sendable, Equatable {
    /// Detected: a header when the first row's selected fields are not all numbers.
    case detect
    case present
    case absent
}

/// A column chosen by its header name or by its 1-based index.
public enum ColumnSelector: Sendable, Equatable {
    case name(String)
    case index(Int)
}

/// How much goes to stderr besides errors.
public enum Verbosity: Int, Comparable, Sendable {
    case quiet, normal, verbose

    public static func < (lhs: Verbosity, rhs: Verbosity) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// Everything one run needs, after the configuration file and the command line are merged.
public struct RunOptions: Sendable, Equatable {
    /// CSV inputs in order; `-` is standard input. Empty means standard input.
    public var inputs: [String] = []

    /// The two-file mode: one number per line in each, paired line by line.
    public var predictionsFile: String?
    public var targetsFile: String?

    public var predictionColumn: ColumnSelector?
    public var targetColumn: ColumnSelector?
    public var header: HeaderMode = .detect

    /// The field delimiter byte; nil means sniffed from the first line.
    public var delimiter: UInt8?

    public var activation: Activation = .sigmoid
    public var loss: Loss = .mse
    public var reduction: Reduction = .mean
    public var input: InputKind = .activated

    /// The floor of `y_hat * (1 - y_hat)` for bce with an activation other than sigmoid.
    public var epsilon: Double = 1e-12

    public var format: SummaryFormat = .json

    /// Where the summary goes; nil means stdout.
    public var output: String?

    /// Where per-sample records go; `-` means stdout, nil means nowhere.
    public var perSample: String?
    public var perSampleFormat: PerSampleFormat = .csv
    public var perSampleHeader: Bool = true

    public var onInvalid: InvalidRowPolicy = .stop
    public var rejects: String?

    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    public var chunkBytes: Int = 1 << 21

    public var verbosity: Verbosity = .normal

    /// Which parser reads CSV chunks; by default what `BIASGRAD_PARSER` says.
    public var parser: ParserChoice = .processDefault

    /// The configuration file whose settings were read, for `--verbose` to report; nil when
    /// none was named.
    public var configurationFile: String?

    public init() {}
}
