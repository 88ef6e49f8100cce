import Testing

@testable import BiasGradKit

/// Exact summation and once-rounded means. The expectations here are worked out by hand
/// from the binary values involved, or come from the seed example of the specification.
@Suite struct ExactSumTests {
    /// 2^-1074, the least subnormal.
    static let tiny = Double.leastNonzeroMagnitude

    /// An accumulator holding `values`.
    static func accumulated(_ values: [Double]) -> ExactSum {
        var sum = ExactSum()
        for value in values { sum.add(value) }
        return sum
    }

    @Test func anEmptySumIsPositiveZero() {
        let empty = ExactSum()

        #expect(empty.isZero)
        #expect(empty.sum()?.bitPattern == 0)
        #expect(empty.quotient(dividingBy: 3)?.bitPattern == 0)
    }

    @Test func negativeZeroInputsAddNothingAndZeroReadsAsPositive() {
        #expect(Self.accumulated([-0.0]).sum()?.bitPattern == 0)
        #expect(Self.accumulated([-0.0, -0.0]).sum()?.bitPattern == 0)
        #expect(Self.accumulated([-0.0, -0.0]).quotient(dividingBy: 2)?.bitPattern == 0)
        #expect(Self.accumulated([-0.0, 2.5, -0.0]).sum() == 2.5)
        #expect(Self.accumulated([-1, 1]).sum()?.bitPattern == 0)
        #expect(Self.accumulated([-1, -0.0, 1]).isZero)
    }

    @Test func hugeValuesThatCancelLeaveTheTinyRemainder() {
        let values = [1e308, 1e308, -1e308, -1e308, 1e-308]
        #expect(values.reduce(0, +) == .infinity)
        #expect(Self.accumulated(values).sum() == 1e-308)

        let absorbed = [1e308, 1e-308, -1e308]
        #expect(absorbed.reduce(0, +) == 0)
        #expect(Self.accumulated(absorbed).sum() == 1e-308)
    }

    @Test func anExactHalfwaySumRoundsToEven() {
        // 1 + 2^-53 lies halfway between 1 (even) and 1 + 2^-52 (odd).
        #expect(Self.accumulated([1, 0x1p-53]).sum() == 1)

        // (1 + 2^-52) + 2^-53 lies halfway between 1 + 2^-52 (odd) and 1 + 2^-51 (even).
        #expect(Self.accumulated([1 + 0x1p-52, 0x1p-53]).sum() == 1 + 0x1p-51)

        // 1 - 2^-54 lies halfway between 1 - 2^-53 (odd) and 1 (even).
        #expect(Self.accumulated([1, -0x1p-54]).sum() == 1)
    }

    @Test func bitsFarBelowTheHalfwayPointDecideTheRounding() {
        #expect(Self.accumulated([1, 0x1p-53, 0x1p-106]).sum() == (1.0).nextUp)
        #expect(Self.accumulated([0x1p-106, 0x1p-53, 1]).sum() == (1.0).nextUp)
        #expect(Self.accumulated([1, 0x1p-53, -0x1p-106]).sum() == 1)
        #expect(Self.accumulated([1, -0x1p-54, -0x1p-110]).sum() == (1.0).nextDown)
        #expect(Self.accumulated([1, 0x1p-53, Self.tiny]).sum() == (1.0).nextUp)
    }

    @Test func subnormalSumsAreExact() {
        let tiny = Self.tiny
        #expect(Self.accumulated([tiny, tiny]).sum() == 0x1p-1073)
        #expect(Self.accumulated([tiny, tiny, tiny]).sum()?.bitPattern == 3)
        #expect(Self.accumulated([-tiny, -tiny, -tiny]).sum()?.bitPattern == UInt64(3) | 1 << 63)

        let largestSubnormal = Double(bitPattern: 0x000F_FFFF_FFFF_FFFF)
        #expect(Self.accumulated([0x1p-1022, -tiny]).sum() == largestSubnormal)
        #expect(Self.accumulated([largestSubnormal, tiny]).sum() == 0x1p-1022)

        let cancelled = Self.accumulated([tiny, -tiny])
        #expect(cancelled.isZero)
        #expect(cancelled.sum()?.bitPattern == 0)
    }

    @Test func anOverflowingSumIsNilWhileItsMeanCanBeFinite() {
        let large = Self.accumulated([1e308, 1e308, 1e308, 1e308])
        #expect(large.sum() == nil)
        #expect(large.quotient(dividingBy: 4) == 1e308)
        #expect(large.quotient(dividingBy: 2) == nil)

        let negative = Self.accumulated([-1e308, -1e308, -1e308, -1e308])
        #expect(negative.sum() == nil)
        #expect(negative.quotient(dividingBy: 4) == -1e308)
    }

    @Test func roundingAtTheTopOfTheRangeOverflowsOnlyFromHalfAnUlpUp() {
        // The largest double is (2^53 - 1) * 2^971, with an odd significand; half its ulp
        // is 2^970, and rounding that tie to even carries into 2^1024.
        let largest = Double.greatestFiniteMagnitude
        #expect(Self.accumulated([largest, 0x1p969]).sum() == largest)
        #expect(Self.accumulated([largest, 0x1p970]).sum() == nil)
        #expect(Self.accumulated([largest, 0x1p970, -Self.tiny]).sum() == largest)
        #expect(Self.accumulated([-largest, -0x1p969]).sum() == -largest)
        #expect(Self.accumulated([-largest, -0x1p970]).sum() == nil)
    }

    @Test func halfwayMeansRoundToEven() {
        let tiny = Self.tiny

        // 3 * 2^-1074 / 2 = 1.5 * 2^-1074 rounds to 2 * 2^-1074; 5 / 2 = 2.5 to 2.
        #expect(Self.accumulated([tiny, 0x1p-1073]).quotient(dividingBy: 2) == 0x1p-1073)
        #expect(Self.accumulated([0x1p-1072, tiny]).quotient(dividingBy: 2) == 0x1p-1073)

        // (2^53 + 1) / 2 = 2^52 + 0.5 rounds to 2^52; (2^53 + 3) / 2 to 2^52 + 2.
        #expect(Self.accumulated([0x1p53, 1]).quotient(dividingBy: 2) == 0x1p52)
        #expect(Self.accumulated([0x1p53, 3]).quotient(dividingBy: 2) == 0x1p52 + 2)

        // 3 * (2^52 + 0.5) / 3 is the same tie, reached through a division with remainder 0.
        #expect(Self.accumulated([3 * 0x1p52, 1.5]).quotient(dividingBy: 3) == 0x1p52)
    }

    @Test func anythingBeyondTheHalfwayPointRoundsAMeanUp() {
        let tiny = Self.tiny

        // The sum's lowest bits sit far below the quotient's rounding point.
        #expect(Self.accumulated([0x1p53, 1, tiny]).quotient(dividingBy: 2) == 0x1p52 + 1)

        // (3 * (2^52 + 0.5) + 2^-1074) / 3: only the remainder of the division shows that
        // the quotient lies above the tie.
        let justAbove = Self.accumulated([3 * 0x1p52, 1.5, tiny])
        #expect(justAbove.quotient(dividingBy: 3) == 0x1p52 + 1)
    }

    @Test func meansBelowTheSubnormalRangeRoundToASignedZero() {
        let tiny = Self.tiny

        // -2^-1074 / 3 is nearer to zero; -2^-1074 / 2 is a tie, and zero is even.
        #expect(Self.accumulated([-tiny]).quotient(dividingBy: 3)?.bitPattern == 1 << 63)
        #expect(Self.accumulated([-tiny]).quotient(dividingBy: 2)?.bitPattern == 1 << 63)
        #expect(Self.accumulated([tiny]).quotient(dividingBy: 2)?.bitPattern == 0)
        #expect(Self.accumulated([tiny]).quotient(dividingBy: Int.max)?.bitPattern == 0)

        // -3 * 2^-1074 / 4 = -0.75 * 2^-1074 rounds to -2^-1074.
        let threeTiny = Self.accumulated([-tiny, -tiny, -tiny])
        #expect(threeTiny.quotient(dividingBy: 4) == -tiny)
    }

    @Test func seedExampleMseSigmoidGradientsSumExactly() {
        // Specification section 8: g = (e * yHat) * (1 - yHat) with e = yHat - y.
        let predictions = [0.91, 0.34, 0.77, 0.12, 0.68]
        let targets: [Double] = [1, 0, 1, 0, 1]
        let gradients = zip(predictions, targets).map { yHat, y in
            ((yHat - y) * yHat) * (1 - yHat)
        }

        let sum = Self.accumulated(gradients)
        #expect(sum.sum()?.bitPattern == (-0.02876799999999997).bitPattern)
        #expect(sum.quotient(dividingBy: 5)?.bitPattern == (-0.005753599999999994).bitPattern)
    }

    @Test func seedExampleBceSigmoidGradientsSumExactly() {
        // Specification section 8: with bce and sigmoid, g = e = yHat - y.
        let predictions = [0.91, 0.34, 0.77, 0.12, 0.68]
        let targets: [Double] = [1, 0, 1, 0, 1]
        let gradients = zip(predictions, targets).map { yHat, y in yHat - y }

        let sum = Self.accumulated(gradients)
        #expect(sum.sum()?.bitPattern == (-0.17999999999999988).bitPattern)
        #expect(sum.quotient(dividingBy: 5)?.bitPattern == (-0.035999999999999976).bitPattern)
    }

    @Test func manyLargestValuesStayExactAcrossCarryPasses() {
        let largest = Double.greatestFiniteMagnitude
        var sum = ExactSum()
        sum.add(contentsOf: repeatElement(largest, count: 10_000))

        #expect(sum.sum() == nil)
        #expect(sum.quotient(dividingBy: 10_000) == largest)

        sum.add(Self.tiny)
        for _ in 0..<10_000 { sum.add(-largest) }
        #expect(sum.sum() == Self.tiny)
    }

    @Test func twoToThe62LargestValuesMergedByDoublingKeepTheirExactMean() {
        var positive = Self.accumulated([.greatestFiniteMagnitude])
        var negative = Self.accumulated([-.greatestFiniteMagnitude])
        for _ in 0..<62 {
            let positiveCopy = positive
            positive.add(positiveCopy)
            let negativeCopy = negative
            negative.add(negativeCopy)
        }

        #expect(positive.sum() == nil)
        #expect(positive.quotient(dividingBy: 1 << 62) == .greatestFiniteMagnitude)
        #expect(negative.quotient(dividingBy: 1 << 62) == -.greatestFiniteMagnitude)

        positive.add(negative)
        #expect(positive.isZero)
    }

    @Test func equalityComparesExactValues() {
        #expect(Self.accumulated([1, 2]) == Self.accumulated([3]))
        #expect(Self.accumulated([0.1, 0.2]) != Self.accumulated([0.3]))
        #expect(Self.accumulated([1e308, -1e308]) == ExactSum())
        #expect(Self.accumulated([Self.tiny]) != ExactSum())
    }
}
