import Testing
@testable import BiasGradKit

/// One sample worked out by hand, with the configuration it is evaluated under.
struct WorkedSample: Sendable, CustomTestStringConvertible {
    var activation: Activation
    var loss: Loss
    var input: InputKind
    var epsilon = 1e-12
    var prediction: Double
    var target: Double
    var yHat: Double
    var derivative: Double
    var gradient: Double

    var testDescription: String {
        "\(loss.rawValue)+\(activation.rawValue) \(input.rawValue) p=\(prediction) y=\(target)"
    }

    var kernel: GradientKernel {
        GradientKernel(activation: activation, loss: loss, input: input, epsilon: epsilon)
    }
}

/// Whether two doubles are the same float64, signed zeros told apart.
func sameBits(_ actual: Double, _ expected: Double) -> Bool {
    actual.bitPattern == expected.bitPattern
}

/// The seed example of the specification: predictions, targets, and what NumPy computes
/// elementwise on float64 arrays for them.
enum SeedExample {
    static let predictions = [0.91, 0.34, 0.77, 0.12, 0.68]
    static let targets: [Double] = [1, 0, 1, 0, 1]

    /// `y_hat - y`, from NumPy.
    static let errors = [
        -0.08999999999999997, 0.34, -0.22999999999999998, 0.12, -0.31999999999999995,
    ]

    /// `y_hat * (1 - y_hat)`, from NumPy.
    static let sigmoidDerivatives = [
        0.08189999999999997, 0.2244, 0.17709999999999998, 0.1056, 0.2176,
    ]

    /// `(y_hat - y) * y_hat * (1 - y_hat)`, from NumPy.
    static let mseSigmoidGradients = [
        -0.007370999999999995, 0.076296, -0.04073299999999999, 0.012672, -0.06963199999999999,
    ]
}

@Suite struct GradientKernelTests {
    @Test(arguments: 0..<5)
    func seedExampleMSESigmoidMatchesNumPyBitForBit(row: Int) throws {
        let kernel = GradientKernel(activation: .sigmoid, loss: .mse, input: .activated)
        let sample = try kernel.evaluate(
            prediction: SeedExample.predictions[row], target: SeedExample.targets[row]
        ).get()

        #expect(sameBits(sample.error, SeedExample.errors[row]))
        #expect(sameBits(sample.derivative, SeedExample.sigmoidDerivatives[row]))
        #expect(sameBits(sample.gradient, SeedExample.mseSigmoidGradients[row]))
        #expect(sameBits(sample.z, SeedExample.predictions[row]))
    }

    @Test(arguments: 0..<5)
    func seedExampleBCESigmoidIsTheErrorBitForBit(row: Int) throws {
        let kernel = GradientKernel(activation: .sigmoid, loss: .bce, input: .activated)
        let sample = try kernel.evaluate(
            prediction: SeedExample.predictions[row], target: SeedExample.targets[row]
        ).get()

        #expect(sameBits(sample.gradient, SeedExample.errors[row]))
        #expect(sameBits(sample.derivative, SeedExample.sigmoidDerivatives[row]))
    }

    /// Samples where a different grouping of the same product rounds differently, so only
    /// the stated order gives these values. Expected values from NumPy on float64 arrays:
    /// sigmoid `(y_hat - y) * y_hat * (1 - y_hat)` (where `(y_hat - y) * (y_hat * (1 - y_hat))`
    /// differs), tanh `(y_hat - y) * (1 - y_hat*y_hat)` (where
    /// `(y_hat - y) * (1 - y_hat) * (1 + y_hat)` differs).
    static let orderSensitive: [WorkedSample] = [
        .init(activation: .sigmoid, loss: .mse, input: .activated,
              prediction: 0.776, target: 0.942, yHat: 0.776, derivative: 0.776 * (1 - 0.776),
              gradient: -0.028854783999999987),
        .init(activation: .sigmoid, loss: .mse, input: .activated,
              prediction: 0.874, target: 0.521, yHat: 0.874, derivative: 0.874 * (1 - 0.874),
              gradient: 0.038873771999999994),
        .init(activation: .sigmoid, loss: .mse, input: .activated,
              prediction: 0.996, target: 0.382, yHat: 0.996, derivative: 0.996 * (1 - 0.996),
              gradient: 0.002446176000000002),
        .init(activation: .tanh, loss: .mse, input: .activated,
              prediction: 0.794, target: 0.493, yHat: 0.794, derivative: 1 - 0.794 * 0.794,
              gradient: 0.11123876399999999),
        .init(activation: .tanh, loss: .mse, input: .activated,
              prediction: -0.55, target: 0.729, yHat: -0.55, derivative: 1 - 0.55 * 0.55,
              gradient: -0.8921024999999999),
    ]

    @Test(arguments: orderSensitive)
    func mseFollowsNumPysEvaluationOrderBitForBit(worked: WorkedSample) throws {
        let sample = try worked.kernel.evaluate(
            prediction: worked.prediction, target: worked.target
        ).get()

        #expect(sameBits(sample.derivative, worked.derivative))
        #expect(sameBits(sample.gradient, worked.gradient))
    }

    /// Dyadic inputs, so every step is exact and the values follow by hand from the
    /// formulas; where a quotient is not dyadic the expectation is that one division.
    static let everyCombination: [WorkedSample] = [
        // e = 0.5; g = e.
        .init(activation: .linear, loss: .mse, input: .activated,
              prediction: 0.75, target: 0.25, yHat: 0.75, derivative: 1, gradient: 0.5),
        // e = -0.25, y_hat(1-y_hat) = 0.1875; g = -0.25 / 0.1875 = -4/3, rounded once.
        .init(activation: .linear, loss: .bce, input: .activated,
              prediction: 0.75, target: 1, yHat: 0.75, derivative: 1, gradient: -4.0 / 3.0),
        // e = 0.5, d = 0.75 * 0.25; g = (0.5 * 0.75) * 0.25.
        .init(activation: .sigmoid, loss: .mse, input: .activated,
              prediction: 0.75, target: 0.25, yHat: 0.75, derivative: 0.1875, gradient: 0.09375),
        // g = e = -0.25.
        .init(activation: .sigmoid, loss: .bce, input: .activated,
              prediction: 0.75, target: 1, yHat: 0.75, derivative: 0.1875, gradient: -0.25),
        // e = -0.5, d = 1 - 0.25; g = -0.375.
        .init(activation: .tanh, loss: .mse, input: .activated,
              prediction: 0.5, target: 1, yHat: 0.5, derivative: 0.75, gradient: -0.375),
        // e = 0.5, y_hat(1-y_hat) = 0.25, d = 0.75; g = (0.5 / 0.25) * 0.75.
        .init(activation: .tanh, loss: .bce, input: .activated,
              prediction: 0.5, target: 0, yHat: 0.5, derivative: 0.75, gradient: 1.5),
        // y_hat > 0, so g = e = 1.
        .init(activation: .relu, loss: .mse, input: .activated,
              prediction: 1.5, target: 0.5, yHat: 1.5, derivative: 1, gradient: 1),
        // e = -0.75, y_hat(1-y_hat) = 0.1875, d = 1; g = -4.
        .init(activation: .relu, loss: .bce, input: .activated,
              prediction: 0.25, target: 1, yHat: 0.25, derivative: 1, gradient: -4),
        // y_hat = z = 3; g = e = 2.
        .init(activation: .linear, loss: .mse, input: .logits,
              prediction: 3, target: 1, yHat: 3, derivative: 1, gradient: 2),
        // e = 0.5, y_hat(1-y_hat) = 0.25; g = 2.
        .init(activation: .linear, loss: .bce, input: .logits,
              prediction: 0.5, target: 0, yHat: 0.5, derivative: 1, gradient: 2),
        // sigmoid(0) = 1 / (1 + 1) = 0.5, e = -0.5; g = (-0.5 * 0.5) * 0.5.
        .init(activation: .sigmoid, loss: .mse, input: .logits,
              prediction: 0, target: 1, yHat: 0.5, derivative: 0.25, gradient: -0.125),
        // g = e = 0.5 - 1.
        .init(activation: .sigmoid, loss: .bce, input: .logits,
              prediction: 0, target: 1, yHat: 0.5, derivative: 0.25, gradient: -0.5),
        // tanh(0) = 0, d = 1, e = -0.5; g = -0.5.
        .init(activation: .tanh, loss: .mse, input: .logits,
              prediction: 0, target: 0.5, yHat: 0, derivative: 1, gradient: -0.5),
        // tanh(0) = 0 clamps at epsilon, e = -1, d = 1; g = -1 / 1e-12 (NumPy: -1e12).
        .init(activation: .tanh, loss: .bce, input: .logits,
              prediction: 0, target: 1, yHat: 0, derivative: 1, gradient: -1 / 1e-12),
        // relu(1.5) = 1.5, z > 0; g = e = 1.
        .init(activation: .relu, loss: .mse, input: .logits,
              prediction: 1.5, target: 0.5, yHat: 1.5, derivative: 1, gradient: 1),
        // relu(-2) = 0, z <= 0; g = 0.
        .init(activation: .relu, loss: .mse, input: .logits,
              prediction: -2, target: 0.5, yHat: 0, derivative: 0, gradient: 0),
        // relu(0.25) = 0.25, e = -0.75, y_hat(1-y_hat) = 0.1875; g = -4.
        .init(activation: .relu, loss: .bce, input: .logits,
              prediction: 0.25, target: 1, yHat: 0.25, derivative: 1, gradient: -4),
    ]

    @Test(arguments: everyCombination)
    func everyCombinationGivesItsHandWorkedValues(worked: WorkedSample) throws {
        let sample = try worked.kernel.evaluate(
            prediction: worked.prediction, target: worked.target
        ).get()

        #expect(sameBits(sample.yHat, worked.yHat))
        #expect(sameBits(sample.error, worked.yHat - worked.target))
        #expect(sameBits(sample.derivative, worked.derivative))
        #expect(sameBits(sample.gradient, worked.gradient))
        #expect(sameBits(sample.y, worked.target))
    }

    @Test func zIsTheLogitForLogitsAndYHatForActivatedInput() throws {
        let logits = GradientKernel(activation: .sigmoid, loss: .mse, input: .logits)
        let activated = GradientKernel(activation: .sigmoid, loss: .mse, input: .activated)

        #expect(try logits.evaluate(prediction: 0, target: 1).get().z == 0)
        #expect(try activated.evaluate(prediction: 0.25, target: 1).get().z == 0.25)
    }

    @Test func reluAtExactlyZeroHasNoGradient() throws {
        let mse = GradientKernel(activation: .relu, loss: .mse, input: .activated)
        let bce = GradientKernel(activation: .relu, loss: .bce, input: .activated)
        let mseSample = try mse.evaluate(prediction: 0, target: 0.5).get()
        let bceSample = try bce.evaluate(prediction: 0, target: 1).get()

        // mse: `e if y_hat > 0 else 0`, a positive zero.
        #expect(sameBits(mseSample.derivative, 0))
        #expect(sameBits(mseSample.gradient, 0))
        // bce: (-1 / max(0, 1e-12)) * 0 is -1e12 * 0, which is -0.0 (NumPy agrees).
        #expect(sameBits(bceSample.derivative, 0))
        #expect(sameBits(bceSample.gradient, -0.0))
    }

    @Test func reluOfANegativeZeroLogitIsPositiveZero() throws {
        let kernel = GradientKernel(activation: .relu, loss: .mse, input: .logits)
        let sample = try kernel.evaluate(prediction: -0.0, target: 1).get()

        #expect(sameBits(sample.yHat, 0))
        #expect(sameBits(sample.gradient, 0))
    }

    /// Near 0 and 1 `y_hat * (1 - y_hat)` falls below `epsilon = 1e-6`, so the quotient
    /// takes epsilon instead. Expected values from NumPy:
    /// `(y_hat - y) / np.maximum(y_hat * (1 - y_hat), 1e-6) * d`.
    static let clampedAtCustomEpsilon: [WorkedSample] = [
        .init(activation: .linear, loss: .bce, input: .activated, epsilon: 1e-6,
              prediction: 1e-9, target: 0, yHat: 1e-9, derivative: 1, gradient: 0.001),
        .init(activation: .linear, loss: .bce, input: .activated, epsilon: 1e-6,
              prediction: 0.9999999, target: 1, yHat: 0.9999999, derivative: 1,
              gradient: -0.09999999994736442),
        .init(activation: .tanh, loss: .bce, input: .activated, epsilon: 1e-6,
              prediction: 1e-9, target: 0, yHat: 1e-9, derivative: 1, gradient: 0.001),
        .init(activation: .tanh, loss: .bce, input: .activated, epsilon: 1e-6,
              prediction: 0.9999999, target: 1, yHat: 0.9999999,
              derivative: 1.999999899027216e-07, gradient: -1.9999998979745044e-08),
        .init(activation: .relu, loss: .bce, input: .activated, epsilon: 1e-6,
              prediction: 1e-9, target: 1, yHat: 1e-9, derivative: 1,
              gradient: -999999.9990000001),
    ]

    @Test(arguments: clampedAtCustomEpsilon)
    func bceClampsTheDenominatorAtEpsilon(worked: WorkedSample) throws {
        let sample = try worked.kernel.evaluate(
            prediction: worked.prediction, target: worked.target
        ).get()

        #expect(sameBits(sample.derivative, worked.derivative))
        #expect(sameBits(sample.gradient, worked.gradient))
    }

    @Test func bceAboveTheDefaultEpsilonUsesTheTrueDenominator() throws {
        let kernel = GradientKernel(activation: .linear, loss: .bce, input: .activated)
        let sample = try kernel.evaluate(prediction: 1e-9, target: 0).get()

        // NumPy: 1e-9 / (1e-9 * (1 - 1e-9)), unclamped since the product exceeds 1e-12.
        #expect(sameBits(sample.gradient, 1.0000000009999999))
    }

    @Test func sigmoidOfLargeLogitsDoesNotOverflow() throws {
        let kernel = GradientKernel(activation: .sigmoid, loss: .mse, input: .logits)
        let high = try kernel.evaluate(prediction: 800, target: 1).get()
        let low = try kernel.evaluate(prediction: -800, target: 0).get()

        // 1 / (1 + exp(-800)) is 1 in float64; exp(-800) underflows, so the low side is 0.
        #expect(sameBits(high.yHat, 1))
        #expect(sameBits(high.gradient, 0))
        #expect(sameBits(low.yHat, 0))
        #expect(sameBits(low.gradient, 0))
    }

    @Test func sigmoidOfAVeryNegativeLogitKeepsItsTinyValue() throws {
        let kernel = GradientKernel(activation: .sigmoid, loss: .mse, input: .logits)
        let sample = try kernel.evaluate(prediction: -700, target: 0).get()

        // NumPy: np.exp(-700) / (1 + np.exp(-700)) = 9.85967654375977e-305; libm may differ
        // in the last bits.
        let expected = 9.85967654375977e-305
        #expect(Swift.abs(sample.yHat - expected) <= 4 * expected.ulp)
    }

    @Test func tanhOfALogitFollowsTheFormulaFromItsValue() throws {
        let kernel = GradientKernel(activation: .tanh, loss: .mse, input: .logits)
        let sample = try kernel.evaluate(prediction: 0.5, target: 1).get()
        let yHat = sample.yHat

        // NumPy: np.tanh(0.5) = 0.46211715726000974; libm may differ in the last bits.
        #expect(Swift.abs(yHat - 0.46211715726000974) <= 2 * yHat.ulp)
        #expect(sameBits(sample.derivative, 1 - yHat * yHat))
        #expect(sameBits(sample.gradient, (yHat - 1) * (1 - yHat * yHat)))
    }
}
