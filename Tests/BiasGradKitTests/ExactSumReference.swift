/// Independent means of checking `ExactSum`: a different exact algorithm and a seeded
/// generator of test values that a short Python script reproduces.
extension ExactSumTests {
    /// Exact summation by floating-point expansions (J. R. Shewchuk, "Adaptive precision
    /// floating-point arithmetic and fast robust geometric predicates", 1997), the method
    /// behind Python's `math.fsum`.
    ///
    /// The exact sum is kept as nonoverlapping doubles of increasing magnitude, each add
    /// replacing them by the exact two-sum terms that are nonzero. It holds only while no
    /// partial sum overflows, so the values given to it stay well below 2^1000.
    struct ExpansionSum {
        private(set) var terms: [Double] = []

        init(_ values: some Sequence<Double>) {
            for value in values { add(value) }
        }

        mutating func add(_ value: Double) {
            var carried = value
            var kept = 0
            for index in terms.indices {
                let (sum, error) = Self.twoSum(carried, terms[index])
                if error != 0 {
                    terms[kept] = error
                    kept += 1
                }
                carried = sum
            }
            terms.removeSubrange(kept...)
            terms.append(carried)
        }

        /// The exact sum rounded to the nearest double, ties to even.
        ///
        /// Terms are added from the largest down until one is not absorbed exactly; that
        /// rounding is final unless it was an exact tie and the remaining terms lie on the
        /// side of the rounding error, in which case the value is beyond the tie.
        var rounded: Double {
            guard var index = terms.indices.last else { return 0 }
            var high = terms[index]
            var error = 0.0
            while index > 0 && error == 0 {
                index -= 1
                (high, error) = Self.twoSum(high, terms[index])
            }

            let restHasSameSign = index > 0 && (terms[index - 1] < 0) == (error < 0)
            if error != 0 && restHasSameSign {
                let doubledError = error * 2
                let candidate = high + doubledError
                if candidate - high == doubledError { high = candidate }
            }
            return high + 0.0
        }

        /// Knuth's branch-free two-sum: `a + b == sum + error` exactly.
        static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
            let sum = a + b
            let bPart = sum - a
            let aPart = sum - bPart
            return (sum, (a - aPart) + (b - bPart))
        }
    }

    /// The SplitMix64 generator (Steele, Lea and Flood, 2014), chosen because it is four
    /// lines in any language, so a Python script can draw the same values.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }

        /// A double with a random sign and fraction and a biased exponent drawn from
        /// `lowestExponent ..< lowestExponent + exponentSpan` (as `next() % span`).
        mutating func nextDouble(lowestExponent: UInt64, exponentSpan: UInt64) -> Double {
            let signAndFraction = next()
            let biasedExponent = lowestExponent + next() % exponentSpan
            let sign = signAndFraction & (1 << 63)
            let fraction = signAndFraction & 0x000F_FFFF_FFFF_FFFF
            return Double(bitPattern: sign | biasedExponent << 52 | fraction)
        }

        /// `count` values drawn one after another by `nextDouble`.
        mutating func doubles(_ count: Int, lowestExponent: UInt64, exponentSpan: UInt64)
            -> [Double]
        {
            (0..<count).map { _ in
                nextDouble(lowestExponent: lowestExponent, exponentSpan: exponentSpan)
            }
        }
    }

    /// The seeded data sets the random tests run on.
    enum DataSet: CaseIterable, Sendable {
        /// 2000 values of every magnitude from 2^-1074 to below 2^953, both signs.
        case wide

        /// 5000 values between 2^-40 and 1 in magnitude, both signs, as gradients often are.
        case gradientLike

        /// 500 values from 2^-23 to below 2^953 with their negations, then 40 values below
        /// 2^-923: the exact sum is that of the small ones, which a float sum loses.
        case cancelling

        var values: [Double] {
            switch self {
            case .wide:
                var generator = SplitMix64(state: 0x5EED_0001)
                return generator.doubles(2000, lowestExponent: 0, exponentSpan: 1976)
            case .gradientLike:
                var generator = SplitMix64(state: 0x5EED_0002)
                return generator.doubles(5000, lowestExponent: 983, exponentSpan: 40)
            case .cancelling:
                var generator = SplitMix64(state: 0x5EED_0003)
                let large = generator.doubles(500, lowestExponent: 1000, exponentSpan: 976)
                let small = generator.doubles(40, lowestExponent: 0, exponentSpan: 100)
                return large + large.map { -$0 } + small
            }
        }
    }
}
