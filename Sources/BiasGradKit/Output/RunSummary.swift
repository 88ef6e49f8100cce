/// The result of one run, as the summary reports it.
public struct RunSummary: Sendable, Equatable {
    public var reduction: Reduction

    /// The number of valid samples `n`.
    public var samples: Int

    /// The number of data records read, valid and invalid.
    public var records: Int

    /// The number of invalid records that were skipped.
    public var invalidRows: Int

    /// The exact sum of the per-sample gradients rounded once; nil when it is too large for
    /// float64.
    public var sum: Double?

    /// The exact mean of the per-sample gradients rounded once.
    public var mean: Double

    public var loss: Loss
    public var activation: Activation
    public var input: InputKind

    public init(
        reduction: Reduction, samples: Int, records: Int, invalidRows: Int, sum: Double?,
        mean: Double, loss: Loss, activation: Activation, input: InputKind
    ) {
        self.reduction = reduction
        self.samples = samples
        self.records = records
        self.invalidRows = invalidRows
        self.sum = sum
        self.mean = mean
        self.loss = loss
        self.activation = activation
        self.input = input
    }

    /// The bias gradient: the mean or the sum, as `reduction` selects.
    public var db: Double? { reduction == .mean ? mean : sum }

    /// Whether the exact sum is too large for float64.
    public var sumOverflowed: Bool { sum == nil }
}
