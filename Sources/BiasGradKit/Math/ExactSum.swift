/// The exact sum of finite float64 values, rounded only when it is read.
///
/// Every value is added without any rounding error, so the result depends only on the
/// multiset of values added: not on their order, on how they were split into partial sums,
/// or on the order in which partials were merged. `sum()` and `quotient(dividingBy:)` round
/// the exact real result once, to the nearest float64 with ties to even.
///
/// Algorithm: a small superaccumulator in the manner of Radford M. Neal, "Fast exact
/// summation using small and large superaccumulators" (2015, arXiv:1505.05571). Every
/// finite float64 is an integer multiple of 2^-1074, so the running sum is kept as one big
/// fixed-point integer `N` in units of 2^-1075, spread over 67 signed 64-bit limbs:
///
///     exact sum = N * 2^-1075,    N = sum over i of limbs[i] * 2^(32 * i)
///
/// A double `m * 2^(p - 1075)`, with `m < 2^53` its integer significand and `p` its biased
/// exponent (1 for subnormals), is shifted by `p mod 32` and split at bit 32 into two
/// signed parts added to limbs `p / 32` and `p / 32 + 1`: two integer additions and no
/// branch. Limbs are not normalised on every add. One add moves a limb by at most 2^52, so
/// a limb that starts in `0..<2^32` stays within Int64 for 2047 adds, and a carry pass
/// brings every limb back into that range once every 2047 adds.
///
/// Range: after a carry pass the top limb, whose unit is 2^1037, carries the sign and the
/// high part of `N`. Every sum of magnitude below 2^1100 fits, which is more than 2^62
/// values (added or merged) of the largest float64 magnitude.
///
/// Edge cases: `-0.0` adds nothing, and an exact zero reads as `+0.0`. An exact sum too
/// large for float64 reads as `nil`, not as infinity, while its quotient by a count can
/// still be finite. NaN and infinities are not accepted: debug builds stop on them, release
/// builds add a meaningless value (never touching memory outside the limbs).
///
/// The value is 544 bytes of inline storage: adding never allocates, and a copy per chunk
/// of work is cheap.
public struct ExactSum: Sendable {
    /// Limbs of the fixed-point integer `N`, least significant first.
    @usableFromInline
    internal var limbs: InlineArray<67, Int64>

    /// Adds left before the next carry pass is due.
    @usableFromInline
    internal var addsBeforeCarryPass: Int

    /// The number of adds after which the limbs must be normalised (see the type's notes).
    @inlinable
    internal static var addsBetweenCarryPasses: Int { 2047 }

    /// The exponent of the unit of `N`: the exact sum is `N * 2^unitExponent`.
    internal static let unitExponent = -1075

    /// An exact zero.
    public init() {
        limbs = InlineArray(repeating: 0)
        addsBeforeCarryPass = Self.addsBetweenCarryPasses
    }

    /// Adds one finite value exactly.
    ///
    /// Inlined into the caller's loop; only the rare carry pass is a call.
    @inlinable
    @inline(__always)
    public mutating func add(_ value: Double) {
        addWithoutCarryPass(value)
        addsBeforeCarryPass &-= 1
        if addsBeforeCarryPass == 0 { propagateCarries() }
    }

    /// Adds every value of a sequence exactly, as `add(_:)` one by one would.
    @inlinable
    public mutating func add(contentsOf values: some Sequence<Double>) {
        var addsLeft = addsBeforeCarryPass
        for value in values {
            addWithoutCarryPass(value)
            addsLeft &-= 1
            if addsLeft == 0 {
                propagateCarries()
                addsLeft = Self.addsBetweenCarryPasses
            }
        }
        addsBeforeCarryPass = addsLeft
    }

    /// Adds an exact partial sum, such as one computed for another chunk of the input.
    ///
    /// Merging is exact, so partials can be merged in any grouping and order.
    public mutating func add(_ other: ExactSum) {
        var other = other
        other.propagateCarries()
        propagateCarries()

        for index in 0..<Self.limbCount {
            limbs[index] &+= other.limbs[index]
        }
        propagateCarries()
    }

    /// Whether the exact sum is zero.
    public var isZero: Bool {
        var normalised = self
        normalised.propagateCarries()
        return normalised.limbsAreZero
    }

    /// The exact sum rounded once to the nearest float64, ties to even.
    ///
    /// An exact zero gives `+0.0`. Returns `nil` when the rounded sum is beyond the float64
    /// range (its magnitude rounds to 2^1024 or more).
    public func sum() -> Double? {
        let (isNegative, magnitude) = signAndMagnitude()
        return magnitude.nearestDouble(
            unitExponent: Self.unitExponent, hasBitsBelowUnit: false, isNegative: isNegative)
    }

    /// The exact sum divided by `count`, rounded once to the nearest float64, ties to even.
    ///
    /// The real quotient is rounded directly, without rounding the sum first, so a mean can
    /// be finite when the sum itself overflows. An exact zero gives `+0.0`; a nonzero
    /// quotient smaller than half the least subnormal gives a zero of its own sign. Returns
    /// `nil` when the rounded quotient is beyond the float64 range.
    ///
    /// - Parameter count: The divisor; must be positive.
    public func quotient(dividingBy count: Int) -> Double? {
        precondition(count > 0, "ExactSum.quotient(dividingBy:) needs a positive count")

        var (isNegative, magnitude) = signAndMagnitude()
        let remainder = magnitude.divide(by: UInt64(count))
        return magnitude.nearestDouble(
            unitExponent: Self.unitExponent, hasBitsBelowUnit: remainder != 0,
            isNegative: isNegative)
    }
}

extension ExactSum: Equatable {
    /// Whether two accumulators hold the same exact sum, however it was reached.
    public static func == (lhs: ExactSum, rhs: ExactSum) -> Bool {
        var difference = lhs
        var negated = rhs
        negated.negate()
        difference.add(negated)
        return difference.limbsAreZero
    }
}

extension ExactSum {
    /// The number of limbs: 2046 exponent positions, 53 significand bits and headroom.
    internal static var limbCount: Int { 67 }

    /// Adds `value` to its two limbs without counting the add towards a carry pass.
    @inlinable
    @inline(__always)
    internal mutating func addWithoutCarryPass(_ value: Double) {
        assert(value.isFinite, "ExactSum accepts only finite values")

        let bits = value.bitPattern
        let biasedExponent = Int(truncatingIfNeeded: bits &>> 52) & 0x7FF
        let fraction = Int64(bitPattern: bits & 0x000F_FFFF_FFFF_FFFF)
        let isNormal = biasedExponent != 0
        let significand = isNormal ? fraction | (1 &<< 52) : fraction
        let position = isNormal ? biasedExponent : 1

        let signMask = Int64(bitPattern: bits) &>> 63
        let signedSignificand = (significand ^ signMask) &- signMask
        let index = position &>> 5
        let shift = Int64(position & 31)

        limbs[index] &+= (signedSignificand &<< shift) & 0xFFFF_FFFF
        limbs[index &+ 1] &+= signedSignificand &>> (32 &- shift)
    }

    /// Brings every limb but the top one into `0..<2^32`, carrying the excess upwards.
    ///
    /// The represented integer does not change; afterwards its sign is the top limb's.
    @usableFromInline
    @inline(never)
    internal mutating func propagateCarries() {
        for index in 0..<(Self.limbCount - 1) {
            let carry = limbs[index] &>> 32
            limbs[index] &= 0xFFFF_FFFF
            limbs[index + 1] &+= carry
        }
        addsBeforeCarryPass = Self.addsBetweenCarryPasses
    }

    /// Replaces the exact sum by its negation.
    private mutating func negate() {
        for index in 0..<Self.limbCount {
            limbs[index] = 0 &- limbs[index]
        }
    }

    private var limbsAreZero: Bool {
        var anyBitSet: Int64 = 0
        for index in 0..<Self.limbCount {
            anyBitSet |= limbs[index]
        }
        return anyBitSet == 0
    }

    /// The sign of `N` and its magnitude as an unsigned wide integer.
    private func signAndMagnitude() -> (isNegative: Bool, magnitude: WideMagnitude) {
        var normalised = self
        normalised.propagateCarries()

        var magnitude = WideMagnitude()
        for word in 0..<(WideMagnitude.wordCount - 1) {
            let low = UInt64(truncatingIfNeeded: normalised.limbs[2 * word])
            let high = UInt64(truncatingIfNeeded: normalised.limbs[2 * word + 1])
            magnitude.words[word] = low | (high &<< 32)
        }
        let top = normalised.limbs[Self.limbCount - 1]
        magnitude.words[WideMagnitude.wordCount - 1] = UInt64(bitPattern: top)

        if top < 0 { magnitude.negateTwosComplement() }
        return (top < 0, magnitude)
    }
}
