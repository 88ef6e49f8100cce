/// The per-sample math: one prediction and target in, the output bias gradient out.
///
/// For activated input the prediction is `y_hat`; for logits it is `z` and `y_hat = f(z)`.
/// With `e = y_hat - y`, the gradient `g` is evaluated in exactly this order:
///
/// | loss | linear | sigmoid | tanh | relu |
/// |---|---|---|---|---|
/// | mse | `e` | `(e * y_hat) * (1 - y_hat)` | `e * (1 - y_hat*y_hat)` | `y_hat > 0 ? e : 0` |
/// | bce | clamped | `e` | clamped | clamped |
///
/// where "clamped" is `(e / max(y_hat*(1 - y_hat), epsilon)) * d` and `d` is the activation
/// derivative (`1`; `y_hat*(1 - y_hat)`; `1 - y_hat*y_hat`; `y_hat > 0 ? 1 : 0`). Because
/// relu's `y_hat` is positive exactly when its logit is, testing `y_hat > 0` is the same as
/// testing `z > 0` for logits input.
///
/// Guarantees: with activated input every operation is one correctly rounded float64
/// operation in the order above, so `g` equals NumPy's result for the same expression bit for
/// bit. With logits, `exp` and `tanh` come from the platform's libm. Where
/// `y_hat*(1 - y_hat) < epsilon`, bce's gradient is the clamped value, not the true
/// derivative, as PyTorch's `binary_cross_entropy` does.
///
/// A sample is rejected, in this order of precedence, when: a value is not finite; an
/// activated `y_hat` is outside the activation's range; for bce, `y_hat` or then `y` is
/// outside `[0, 1]`; the gradient is not finite. Checking the range first means a row that
/// breaks both the range and bce's rule gets the message that points at `--input logits`.
public struct GradientKernel: Sendable {
    public let activation: Activation
    public let loss: Loss
    public let input: InputKind

    /// The floor of `y_hat * (1 - y_hat)` in bce's gradient for activations other than
    /// sigmoid. A value that is not positive can make the gradient infinite or NaN, which
    /// `evaluate` then reports as `DomainFault.gradientNotFinite`.
    public let epsilon: Double

    private let formula: GradientFormula
    private let readsLogits: Bool

    /// Where `y_hat` must lie for the activation: its output range for activated input,
    /// everything for logits, whose computed `y_hat` is in range by construction.
    private let activationRange: ClosedRange<Double>

    /// Where `y_hat` and `y` must lie for the loss: `[0, 1]` for bce, everything for mse.
    private let lossRange: ClosedRange<Double>

    /// Prepares the kernel for one configuration; everything that does not depend on the
    /// sample is decided here.
    public init(activation: Activation, loss: Loss, input: InputKind, epsilon: Double = 1e-12) {
        self.activation = activation
        self.loss = loss
        self.input = input
        self.epsilon = epsilon

        let everything = -Double.infinity...Double.infinity
        formula = GradientFormula(activation: activation, loss: loss)
        readsLogits = input == .logits
        activationRange = input == .activated ? activation.outputRange : everything
        lossRange = loss == .bce ? 0...1 : everything
    }

    /// Evaluates one sample.
    ///
    /// - Parameters:
    ///   - prediction: The prediction column's value: `y_hat`, or the logit `z`.
    ///   - target: The target `y`.
    /// - Returns: The sample's values, with `z` the logit (or `y_hat` for activated input), or
    ///   the first rule the sample breaks.
    @inline(__always)
    public func evaluate(
        prediction: Double, target: Double
    ) -> Result<SampleGradient, DomainFault> {
        guard prediction.isFinite else { return .failure(.predictionNotFinite) }
        guard target.isFinite else { return .failure(.targetNotFinite) }

        let yHat = readsLogits ? activation.activate(logit: prediction) : prediction
        if let fault = rangeFault(yHat: yHat, y: target) { return .failure(fault) }

        let error = yHat - target
        let (derivative, gradient) = formula.apply(error: error, yHat: yHat, epsilon: epsilon)
        guard gradient.isFinite else { return .failure(.gradientNotFinite) }

        return .success(
            SampleGradient(
                z: prediction, yHat: yHat, y: target,
                error: error, derivative: derivative, gradient: gradient
            )
        )
    }

    /// The first range rule that finite `y_hat` and `y` break, or nil.
    @inline(__always)
    private func rangeFault(yHat: Double, y: Double) -> DomainFault? {
        if !activationRange.contains(yHat) {
            return .predictionOutsideActivationRange(activation, yHat)
        }
        if !lossRange.contains(yHat) { return .predictionOutsideUnitInterval(yHat) }
        if !lossRange.contains(y) { return .targetOutsideUnitInterval(y) }
        return nil
    }
}

/// One activation and loss pair, chosen once so that a row costs a single switch.
private enum GradientFormula {
    case mseLinear, mseSigmoid, mseTanh, mseRelu
    case bceLinear, bceSigmoid, bceTanh, bceRelu

    init(activation: Activation, loss: Loss) {
        switch (loss, activation) {
        case (.mse, .linear): self = .mseLinear
        case (.mse, .sigmoid): self = .mseSigmoid
        case (.mse, .tanh): self = .mseTanh
        case (.mse, .relu): self = .mseRelu
        case (.bce, .linear): self = .bceLinear
        case (.bce, .sigmoid): self = .bceSigmoid
        case (.bce, .tanh): self = .bceTanh
        case (.bce, .relu): self = .bceRelu
        }
    }

    /// The activation derivative `d` and the gradient `g`, each in the documented order.
    @inline(__always)
    func apply(
        error e: Double, yHat: Double, epsilon: Double
    ) -> (derivative: Double, gradient: Double) {
        switch self {
        case .mseLinear:
            return (1, e)
        case .mseSigmoid:
            return (yHat * (1 - yHat), (e * yHat) * (1 - yHat))
        case .mseTanh:
            let d = 1 - yHat * yHat
            return (d, e * d)
        case .mseRelu:
            return yHat > 0 ? (1, e) : (0, 0)
        case .bceLinear:
            return (1, clampedCrossEntropy(e, yHat, epsilon, derivative: 1))
        case .bceSigmoid:
            return (yHat * (1 - yHat), e)
        case .bceTanh:
            let d = 1 - yHat * yHat
            return (d, clampedCrossEntropy(e, yHat, epsilon, derivative: d))
        case .bceRelu:
            let d: Double = yHat > 0 ? 1 : 0
            return (d, clampedCrossEntropy(e, yHat, epsilon, derivative: d))
        }
    }

    /// bce's gradient for an activation other than sigmoid,
    /// `(e / max(y_hat*(1 - y_hat), epsilon)) * d`. The product with `d` is kept even when
    /// `d` is 0, so a negative quotient gives `-0.0`, as NumPy does.
    private func clampedCrossEntropy(
        _ e: Double, _ yHat: Double, _ epsilon: Double, derivative d: Double
    ) -> Double {
        (e / Swift.max(yHat * (1 - yHat), epsilon)) * d
    }
}
