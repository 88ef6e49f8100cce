import Testing
@testable import BiasGradKit

/// A configuration, a sample that breaks a domain rule, and the fault it must give.
struct FaultySample: Sendable, CustomTestStringConvertible {
    var activation: Activation
    var loss: Loss
    var input: InputKind
    var epsilon = 1e-12
    var prediction: Double
    var target: Double
    var fault: DomainFault

    var testDescription: String {
        "\(loss.rawValue)+\(activation.rawValue) \(input.rawValue) p=\(prediction) y=\(target)"
    }

    func evaluate() -> Result<SampleGradient, DomainFault> {
        GradientKernel(activation: activation, loss: loss, input: input, epsilon: epsilon)
            .evaluate(prediction: prediction, target: target)
    }
}

extension GradientKernelTests {
    static let faultySamples: [FaultySample] = [
        .init(activation: .linear, loss: .mse, input: .activated,
              prediction: .nan, target: 0, fault: .predictionNotFinite),
        .init(activation: .sigmoid, loss: .mse, input: .logits,
              prediction: -.infinity, target: 0, fault: .predictionNotFinite),
        .init(activation: .linear, loss: .mse, input: .activated,
              prediction: 0.5, target: .infinity, fault: .targetNotFinite),
        .init(activation: .sigmoid, loss: .mse, input: .activated,
              prediction: 1.7, target: 1, fault: .predictionOutsideActivationRange(.sigmoid, 1.7)),
        .init(activation: .sigmoid, loss: .mse, input: .activated,
              prediction: -0.25, target: 1,
              fault: .predictionOutsideActivationRange(.sigmoid, -0.25)),
        .init(activation: .tanh, loss: .mse, input: .activated,
              prediction: -1.5, target: 1, fault: .predictionOutsideActivationRange(.tanh, -1.5)),
        .init(activation: .relu, loss: .mse, input: .activated,
              prediction: -0.5, target: 1, fault: .predictionOutsideActivationRange(.relu, -0.5)),
        // linear accepts any y_hat, but bce still needs [0, 1].
        .init(activation: .linear, loss: .bce, input: .activated,
              prediction: 1.5, target: 1, fault: .predictionOutsideUnitInterval(1.5)),
        // Inside tanh's range, outside bce's.
        .init(activation: .tanh, loss: .bce, input: .activated,
              prediction: -0.5, target: 0, fault: .predictionOutsideUnitInterval(-0.5)),
        // A y_hat computed from a logit is held to bce's rule too: relu(1.5) = 1.5.
        .init(activation: .relu, loss: .bce, input: .logits,
              prediction: 1.5, target: 1, fault: .predictionOutsideUnitInterval(1.5)),
        .init(activation: .sigmoid, loss: .bce, input: .activated,
              prediction: 0.5, target: 2, fault: .targetOutsideUnitInterval(2)),
        .init(activation: .sigmoid, loss: .bce, input: .logits,
              prediction: 0, target: -0.5, fault: .targetOutsideUnitInterval(-0.5)),
        // 1e308 - (-1e308) overflows to infinity.
        .init(activation: .linear, loss: .mse, input: .activated,
              prediction: 1e308, target: -1e308, fault: .gradientNotFinite),
        // -1 divided by the least subnormal overflows to -infinity.
        .init(activation: .linear, loss: .bce, input: .activated, epsilon: .leastNonzeroMagnitude,
              prediction: 0, target: 1, fault: .gradientNotFinite),
        // With epsilon 0: (-1 / 0) * 0 is NaN.
        .init(activation: .relu, loss: .bce, input: .activated, epsilon: 0,
              prediction: 0, target: 1, fault: .gradientNotFinite),
    ]

    @Test(arguments: faultySamples)
    func aSampleThatBreaksARuleGivesItsFault(faulty: FaultySample) {
        #expect(faulty.evaluate() == .failure(faulty.fault))
    }

    @Test func onlyTargetFaultsBlameTheTarget() {
        #expect(!DomainFault.predictionNotFinite.blamesTarget)
        #expect(DomainFault.targetNotFinite.blamesTarget)
        #expect(!DomainFault.predictionOutsideActivationRange(.tanh, 2).blamesTarget)
        #expect(!DomainFault.predictionOutsideUnitInterval(2).blamesTarget)
        #expect(DomainFault.targetOutsideUnitInterval(2).blamesTarget)
        #expect(!DomainFault.gradientNotFinite.blamesTarget)
    }

    @Test func aComputedTanhBelowZeroBreaksBCE() {
        let kernel = GradientKernel(activation: .tanh, loss: .bce, input: .logits)
        let result = kernel.evaluate(prediction: -1, target: 0)

        // NumPy: np.tanh(-1) = -0.7615941559557649; libm may differ in the last bits.
        guard case .failure(.predictionOutsideUnitInterval(let yHat)) = result else {
            Issue.record("expected a bce fault, got \(result)")
            return
        }
        #expect(Swift.abs(yHat + 0.7615941559557649) <= 2 * yHat.ulp)
    }

    @Test func theRangeMessageSaysTheFileMayHoldLogits() {
        let fault = DomainFault.predictionOutsideActivationRange(.sigmoid, 1.7)

        #expect(
            fault.reason
                == "y_hat 1.7 is outside sigmoid's range [0, 1]; the file may hold logits: "
                + "try --input logits"
        )
        #expect(DomainFault.predictionOutsideActivationRange(.relu, -1).reason
            .contains("relu's range [0, inf)"))
        #expect(DomainFault.predictionOutsideActivationRange(.tanh, 2).reason
            .contains("tanh's range [-1, 1]"))
    }

    @Test func onlyTheRangeMessageNamesInputLogits() {
        let others: [DomainFault] = [
            .predictionNotFinite, .targetNotFinite, .predictionOutsideUnitInterval(2),
            .targetOutsideUnitInterval(2), .gradientNotFinite,
        ]

        for fault in others {
            #expect(!fault.reason.isEmpty)
            #expect(!fault.reason.contains("--input logits"))
        }
        #expect(DomainFault.predictionOutsideUnitInterval(1.5).reason.contains("bce"))
        #expect(DomainFault.targetOutsideUnitInterval(2).reason.contains("y 2.0"))
    }

    /// Samples that break both the activation's range and bce's rule.
    static let breakingRangeAndBCE: [FaultySample] = [
        .init(activation: .relu, loss: .bce, input: .activated,
              prediction: -0.5, target: 1, fault: .predictionOutsideActivationRange(.relu, -0.5)),
        .init(activation: .tanh, loss: .bce, input: .activated,
              prediction: -2, target: 0, fault: .predictionOutsideActivationRange(.tanh, -2)),
        .init(activation: .sigmoid, loss: .bce, input: .activated,
              prediction: 1.5, target: 1, fault: .predictionOutsideActivationRange(.sigmoid, 1.5)),
        // The prediction breaks the range and the target breaks bce's rule.
        .init(activation: .sigmoid, loss: .bce, input: .activated,
              prediction: 1.5, target: 3, fault: .predictionOutsideActivationRange(.sigmoid, 1.5)),
    ]

    @Test(arguments: breakingRangeAndBCE)
    func theRangeMessageWinsOverBCEs(faulty: FaultySample) {
        let result = faulty.evaluate()

        #expect(result == .failure(faulty.fault))
        if case .failure(let fault) = result {
            #expect(fault.reason.contains("--input logits"))
        }
    }

    @Test func aPredictionThatIsNotFiniteIsReportedBeforeTheTarget() {
        let kernel = GradientKernel(activation: .sigmoid, loss: .bce, input: .activated)

        #expect(kernel.evaluate(prediction: .nan, target: .nan) == .failure(.predictionNotFinite))
    }

    @Test func logitsAreNotHeldToTheActivationsRange() throws {
        let kernel = GradientKernel(activation: .sigmoid, loss: .mse, input: .logits)
        let sample = try kernel.evaluate(prediction: 1.7, target: 1).get()

        #expect(sample.yHat > 0.5 && sample.yHat < 1)
    }

    @Test func linearAcceptsAnyFiniteActivatedPrediction() throws {
        let kernel = GradientKernel(activation: .linear, loss: .mse, input: .activated)
        let sample = try kernel.evaluate(prediction: -1e300, target: 0).get()

        #expect(sameBits(sample.gradient, -1e300))
    }
}
