import BiasGradKit
import Testing

/// Values are computed here with the formulas of SPEC.md section 2; the expected lines are
/// what Python prints for the same expressions (`repr` for CSV, `json.dumps` with compact
/// separators for JSON Lines).
@Suite struct PerSampleFormatterTests {
    /// Seed sample 1, mse + sigmoid on activated input: `g = (e * y_hat) * (1 - y_hat)`.
    static let seedFirst = sigmoidSample(yHat: 0.91, y: 1.0)

    /// Seed sample 2.
    static let seedSecond = sigmoidSample(yHat: 0.34, y: 0.0)

    /// mse + tanh on a logit: `y_hat = tanh(0.5)` as Python's `math.tanh` gives it.
    static let tanhLogit: SampleGradient = {
        let yHat = 0.46211715726000974
        let error = yHat - 1.0
        return SampleGradient(
            z: 0.5, yHat: yHat, y: 1.0, error: error, derivative: 1 - yHat * yHat,
            gradient: error * (1 - yHat * yHat))
    }()

    static func sigmoidSample(yHat: Double, y: Double) -> SampleGradient {
        let error = yHat - y
        return SampleGradient(
            z: yHat, yHat: yHat, y: y, error: error, derivative: yHat * (1 - yHat),
            gradient: (error * yHat) * (1 - yHat))
    }

    static func record(
        _ formatter: PerSampleFormatter, sample: Int, _ values: SampleGradient
    ) -> String {
        let buffer = ByteBuffer()
        formatter.appendHead(sample: sample, to: buffer)
        formatter.appendTail(values, to: buffer)
        return buffer.string
    }

    @Test func csvHeaderNamesTheFieldsInOrder() {
        let plain = PerSampleFormatter(format: .csv, includesLogit: false)
        let logits = PerSampleFormatter(format: .csv, includesLogit: true)

        #expect(plain.header == "sample,y_hat,y,error,activation_derivative,gradient\n")
        #expect(logits.header == "sample,y_hat,y,error,activation_derivative,gradient,z\n")
    }

    @Test func jsonLinesHaveNoHeader() {
        #expect(PerSampleFormatter(format: .jsonl, includesLogit: true).header == nil)
    }

    @Test func csvRecordsHoldTheSampleNumberThenTheValues() {
        let formatter = PerSampleFormatter(format: .csv, includesLogit: false)

        #expect(
            Self.record(formatter, sample: 1, Self.seedFirst)
                == "1,0.91,1.0,-0.08999999999999997,0.08189999999999997,"
                + "-0.007370999999999995\n")
        #expect(
            Self.record(formatter, sample: 12, Self.seedSecond)
                == "12,0.34,0.0,0.34,0.2244,0.076296\n")
    }

    @Test func jsonLinesRecordsHoldTheSampleNumberThenTheValues() {
        let formatter = PerSampleFormatter(format: .jsonl, includesLogit: false)
        let expected = """
            {"sample":1,"y_hat":0.91,"y":1.0,"error":-0.08999999999999997,\
            "activation_derivative":0.08189999999999997,"gradient":-0.007370999999999995}

            """
        #expect(Self.record(formatter, sample: 1, Self.seedFirst) == expected)
    }

    @Test func logitsInputAddsZLast() {
        let csv = PerSampleFormatter(format: .csv, includesLogit: true)
        let jsonl = PerSampleFormatter(format: .jsonl, includesLogit: true)
        let expectedJSON = """
            {"sample":3,"y_hat":0.46211715726000974,"y":1.0,"error":-0.5378828427399902,\
            "activation_derivative":0.7864477329659274,"gradient":-0.4230167422741337,"z":0.5}

            """

        #expect(
            Self.record(csv, sample: 3, Self.tanhLogit)
                == "3,0.46211715726000974,1.0,-0.5378828427399902,0.7864477329659274,"
                + "-0.4230167422741337,0.5\n")
        #expect(Self.record(jsonl, sample: 3, Self.tanhLogit) == expectedJSON)
    }

    @Test func headAndTailCanBeFormattedInSeparateBuffers() {
        let formatter = PerSampleFormatter(format: .csv, includesLogit: false)
        let tails = ByteBuffer()
        formatter.appendTail(Self.seedSecond, to: tails)

        let output = ByteBuffer()
        formatter.appendHead(sample: 2, to: output)
        output.append(contentsOf: tails)

        #expect(output.string == "2,0.34,0.0,0.34,0.2244,0.076296\n")
    }

    @Test func jsonLinesWriteNullForValuesJSONCannotHold() {
        let formatter = PerSampleFormatter(format: .jsonl, includesLogit: false)
        let values = SampleGradient(
            z: 0, yHat: .infinity, y: 0, error: .infinity, derivative: .nan, gradient: 0)
        let expected = """
            {"sample":4,"y_hat":null,"y":0.0,"error":null,"activation_derivative":null,\
            "gradient":0.0}

            """
        #expect(Self.record(formatter, sample: 4, values) == expected)
    }
}
