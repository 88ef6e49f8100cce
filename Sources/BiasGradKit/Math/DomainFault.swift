/// Why one sample cannot give a gradient.
///
/// A sample with a fault is an invalid row. The row's message is built elsewhere from the
/// file, line and column; `blamesTarget` says which of the two columns to name, and `reason`
/// supplies the clause that says what is wrong with it.
public enum DomainFault: Error, Equatable, Sendable {
    /// The prediction is NaN or infinite.
    case predictionNotFinite

    /// The target is NaN or infinite.
    case targetNotFinite

    /// An activated prediction lies outside the values the activation can produce, which
    /// usually means the file holds logits.
    case predictionOutsideActivationRange(Activation, Double)

    /// bce needs `0 <= y_hat <= 1`; the value is `y_hat`, read or computed from the logit.
    case predictionOutsideUnitInterval(Double)

    /// bce needs `0 <= y <= 1`.
    case targetOutsideUnitInterval(Double)

    /// Every input was valid but the per-sample gradient is infinite or NaN, for example
    /// because `y_hat - y` overflows or `epsilon` is so small that the bce quotient does.
    case gradientNotFinite

    /// One short clause saying what is wrong, without the file, line or column.
    public var reason: String {
        switch self {
        case .predictionNotFinite:
            return "the prediction is not a finite number"
        case .targetNotFinite:
            return "the target is not a finite number"
        case .predictionOutsideActivationRange(let activation, let value):
            return "y_hat \(value) is outside \(activation.rawValue)'s range "
                + "\(activation.outputRangeDescription); the file may hold logits: "
                + "try --input logits"
        case .predictionOutsideUnitInterval(let value):
            return "y_hat \(value) is outside [0, 1], which bce needs"
        case .targetOutsideUnitInterval(let value):
            return "y \(value) is outside [0, 1], which bce needs"
        case .gradientNotFinite:
            return "the gradient is not a finite float64"
        }
    }

    /// Whether the target column is at fault; otherwise the prediction column is named.
    ///
    /// A gradient that is not finite is charged to the prediction column, since the
    /// prediction is what the gradient is taken with respect to.
    public var blamesTarget: Bool {
        switch self {
        case .targetNotFinite, .targetOutsideUnitInterval:
            return true
        case .predictionNotFinite, .predictionOutsideActivationRange,
            .predictionOutsideUnitInterval, .gradientNotFinite:
            return false
        }
    }
}
