import Foundation

/// The activation functions themselves: their values from a logit and their output ranges.
extension Activation {
    /// The activated output `y_hat = f(z)` for the logit `z`.
    ///
    /// `exp` and `tanh` come from the platform's libm, so results may differ from NumPy's in
    /// the last bits. The sigmoid never overflows, whatever the size of `z` (see
    /// `stableSigmoid(_:)`). relu returns `+0.0` for every `z <= 0`, `-0.0` included.
    func activate(logit z: Double) -> Double {
        switch self {
        case .linear: return z
        case .sigmoid: return stableSigmoid(z)
        case .tanh: return Foundation.tanh(z)
        case .relu: return z > 0 ? z : 0.0
        }
    }

    /// The values `f` can produce, which an activated prediction must lie in.
    ///
    /// The bounds are closed where the function can reach them in float64: a sigmoid computed
    /// in float64 gives exactly 0 and 1 for large `|z|`, and tanh gives exactly -1 and 1.
    var outputRange: ClosedRange<Double> {
        switch self {
        case .linear: return -Double.infinity...Double.infinity
        case .sigmoid: return 0...1
        case .tanh: return -1...1
        case .relu: return 0...Double.infinity
        }
    }

    /// `outputRange` written for a message, in interval notation.
    var outputRangeDescription: String {
        switch self {
        case .linear: return "(-inf, inf)"
        case .sigmoid: return "[0, 1]"
        case .tanh: return "[-1, 1]"
        case .relu: return "[0, inf)"
        }
    }
}

/// The logistic function `1 / (1 + exp(-z))`, computed without overflow.
///
/// With `t = exp(-|z|)`, which lies in `(0, 1]` and so never overflows, the value is
/// `1 / (1 + t)` for `z >= 0` and the algebraically equal `t / (1 + t)` for `z < 0`. Both
/// branches share the denominator, so the choice is a select rather than a jump. For
/// `z >= 0` the result is exactly what the textbook formula gives; for `z` below about -745,
/// `t` underflows to zero and the result is `0`.
func stableSigmoid(_ z: Double) -> Double {
    let t = exp(-Swift.abs(z))
    let numerator = z >= 0 ? 1.0 : t
    return numerator / (1 + t)
}
