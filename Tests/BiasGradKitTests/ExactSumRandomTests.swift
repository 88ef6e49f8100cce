import Testing

@testable import BiasGradKit

/// Seeded random values, checked against independent references: expansion summation
/// (`ExpansionSum`), correctly rounded float64 division, and values computed in Python.
extension ExactSumTests {
    /// A seeded data set with its exact results as computed by Python 3.11: the same
    /// SplitMix64 stream turned into doubles, `math.fsum(values)` for the sum, and
    /// `float(sum(map(Fraction, values)) / n)` (`fractions.Fraction`, whose conversion to
    /// float rounds correctly) for each quotient; `fsum` and `Fraction` agree on every sum.
    struct PythonCheckedCase: Sendable, CustomTestStringConvertible {
        let dataSet: DataSet
        let firstValue: Double
        let sum: Double
        let quotients: [(divisor: Int, quotient: Double)]

        var testDescription: String { "\(dataSet)" }
    }

    static let pythonCheckedCases = [
        PythonCheckedCase(
            dataSet: .wide, firstValue: 0x1.17bb4875fb038p+269,
            sum: 7.980274893473178e+286,
            quotients: [
                (2000, 3.990137446736589e+283), (3, 2.660091631157726e+286),
                (7, 1.1400392704961684e+286),
            ]),
        PythonCheckedCase(
            dataSet: .gradientLike,
            firstValue: -0x1.4e9ef30ca4931p-21, sum: 5.429150754266538,
            quotients: [
                (5000, 0.0010858301508533076), (3, 1.8097169180888462),
                (7, 0.7755929648952198),
            ]),
        PythonCheckedCase(
            dataSet: .cancelling,
            firstValue: -0x1.dd1641a6e5ca4p+429, sum: -7.050471249890243e-279,
            quotients: [
                (1040, -6.779299278740619e-282), (3, -2.3501570832967477e-279),
                (7, -1.007210178555749e-279),
            ]),
    ]

    @Test(arguments: pythonCheckedCases)
    func randomSumsAndMeansMatchPythonsExactResults(_ check: PythonCheckedCase) {
        let values = check.dataSet.values
        #expect(values.first == check.firstValue)

        let sum = Self.accumulated(values)
        #expect(sum.sum()?.bitPattern == check.sum.bitPattern)
        for (divisor, quotient) in check.quotients {
            #expect(sum.quotient(dividingBy: divisor)?.bitPattern == quotient.bitPattern)
        }
    }

    @Test(arguments: DataSet.allCases)
    func randomSumsMatchExpansionSummation(_ dataSet: DataSet) {
        let values = dataSet.values
        let sum = Self.accumulated(values)

        #expect(sum.sum()?.bitPattern == ExpansionSum(values).rounded.bitPattern)
        #expect(sum.quotient(dividingBy: 1) == sum.sum())
    }

    @Test(arguments: [1, 10, 60])
    func meansByPowersOfTwoMatchExpansionSumsOfScaledValues(_ exponent: Int) {
        // Every value is at least 2^-40, so scaling by 2^-60 is exact and the exact mean
        // over 2^exponent values is the exact sum of the scaled values.
        let values = DataSet.gradientLike.values
        let scaled = values.map { Double(sign: .plus, exponent: -exponent, significand: $0) }

        let quotient = Self.accumulated(values).quotient(dividingBy: 1 << exponent)
        #expect(quotient?.bitPattern == ExpansionSum(scaled).rounded.bitPattern)
    }

    @Test(arguments: [-1074, -1070, -1030, -700, 0, 600, 990])
    func meansOfRepresentableSumsMatchFloat64Division(_ exponent: Int) {
        // Integers below 2^20 times 2^exponent: 1000 of them sum exactly to a double, and
        // IEEE division of that double by a count below 2^53 is itself correctly rounded.
        var generator = SplitMix64(state: 0x5EED_0100 &+ UInt64(bitPattern: Int64(exponent)))
        let integers = (0..<1000).map { _ in Int(generator.next() % (1 << 21)) - (1 << 20) }
        let values = integers.map { scaled($0, by: exponent) }
        let exactSum = scaled(integers.reduce(0, +), by: exponent)

        let sum = Self.accumulated(values)
        #expect(sum.sum() == exactSum)
        for count in [2, 3, 7, 10, 1000, 65_537, (1 << 40) + 1] {
            let expected = exactSum / Double(count)
            #expect(sum.quotient(dividingBy: count)?.bitPattern == expected.bitPattern)
        }
    }

    @Test(arguments: DataSet.allCases)
    func resultsDoNotDependOnOrderSplitOrMergeOrder(_ dataSet: DataSet) {
        let values = dataSet.values
        let reference = Self.accumulated(values)
        let referenceSum = reference.sum()?.bitPattern
        let referenceMean = reference.quotient(dividingBy: values.count)?.bitPattern
        var generator = SplitMix64(state: 0x5EED_0200 + UInt64(values.count))

        for _ in 0..<20 {
            let shuffled = values.shuffled(using: &generator)
            let merged = Self.mergedInRandomOrder(shuffled, using: &generator)
            #expect(merged == reference)
            #expect(merged.sum()?.bitPattern == referenceSum)
            #expect(merged.quotient(dividingBy: values.count)?.bitPattern == referenceMean)
        }
    }

    /// `values` cut into a random number of partials at random places, each summed on its
    /// own (alternately one add at a time and as a sequence), then merged pairwise in a
    /// random order.
    static func mergedInRandomOrder(
        _ values: [Double], using generator: inout SplitMix64
    ) -> ExactSum {
        let partCount = Int.random(in: 1...40, using: &generator)
        let cuts = (0..<partCount - 1).map { _ in
            Int.random(in: 0...values.count, using: &generator)
        }
        let bounds = [0] + cuts.sorted() + [values.count]

        var partials = zip(bounds, bounds.dropFirst()).enumerated().map { index, range in
            let part = values[range.0..<range.1]
            if index.isMultiple(of: 2) { return accumulated(Array(part)) }
            var sum = ExactSum()
            sum.add(contentsOf: part)
            return sum
        }
        while partials.count > 1 {
            let taken = partials.remove(at: Int.random(in: 0..<partials.count, using: &generator))
            let target = Int.random(in: 0..<partials.count, using: &generator)
            partials[target].add(taken)
        }
        return partials[0]
    }

    /// `integer * 2^exponent`, exactly.
    private func scaled(_ integer: Int, by exponent: Int) -> Double {
        Double(sign: .plus, exponent: exponent, significand: Double(integer))
    }
}
