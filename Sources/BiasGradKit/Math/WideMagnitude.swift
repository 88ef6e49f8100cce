/// An unsigned integer of 34 64-bit words, least significant first: the magnitude of the
/// fixed-point integer an `ExactSum` holds, with the arithmetic needed to read it out.
///
/// Reading out is a long division by a 64-bit count and one rounding to float64. Both work
/// on inline storage, so reading a sum never allocates.
internal struct WideMagnitude {
    /// The number of 64-bit words: 2176 bits, more than an `ExactSum` can hold.
    static var wordCount: Int { 34 }

    /// The words of the integer, least significant first.
    var words: InlineArray<34, UInt64>

    /// Zero.
    init() {
        words = InlineArray(repeating: 0)
    }

    /// Replaces a two's complement negative integer by its magnitude (negation modulo
    /// 2^2176).
    mutating func negateTwosComplement() {
        var carry: UInt64 = 1
        for index in 0..<Self.wordCount {
            let (word, overflow) = (~words[index]).addingReportingOverflow(carry)
            words[index] = word
            carry = overflow ? 1 : 0
        }
    }

    /// Divides the integer in place by `divisor`, truncating, and returns the remainder.
    ///
    /// Schoolbook long division, one word at a time from the top: each step divides the
    /// 128-bit value (remainder so far, next word) by the divisor, and since that remainder
    /// is below the divisor every partial quotient fits one word.
    ///
    /// - Parameter divisor: A positive divisor.
    mutating func divide(by divisor: UInt64) -> UInt64 {
        precondition(divisor > 0, "division by zero")

        var remainder: UInt64 = 0
        for index in (0..<Self.wordCount).reversed() {
            let step = divisor.dividingFullWidth((high: remainder, low: words[index]))
            words[index] = step.quotient
            remainder = step.remainder
        }
        return remainder
    }

    /// The float64 nearest to `(self + fraction) * 2^unitExponent`, ties to even, where the
    /// unseen `fraction` lies in `0..<1` and is nonzero exactly when `hasBitsBelowUnit`.
    ///
    /// Rounding keeps the 53 bits below the leading one (fewer in the subnormal range),
    /// looks at the next bit and at whether anything nonzero lies below it, and rounds up
    /// on more than half an ulp, or on exactly half when the kept bits are odd. A rounding
    /// carry out of the significand moves into the exponent field on its own, because the
    /// float64 bit pattern is built by addition.
    ///
    /// - Parameters:
    ///   - unitExponent: The exponent of the integer's unit; at most -1075, so that the
    ///     unit is at most half the least subnormal and every result is rounded here.
    ///   - hasBitsBelowUnit: Whether a nonzero fraction of a unit was left off (such as a
    ///     division remainder).
    ///   - isNegative: The sign of the result.
    /// - Returns: The rounded value; a zero of the given sign when the value is nonzero but
    ///   below half the least subnormal, `+0.0` when it is exactly zero, and `nil` when
    ///   its magnitude rounds to 2^1024 or more.
    func nearestDouble(unitExponent: Int, hasBitsBelowUnit: Bool, isNegative: Bool)
        -> Double?
    {
        precondition(unitExponent <= -1075, "the unit must be below the least subnormal")

        let signBit: UInt64 = isNegative ? 1 << 63 : 0
        guard let leadingBit = highestSetBit else {
            return hasBitsBelowUnit ? Double(bitPattern: signBit) : 0.0
        }

        let ulpExponent = max(leadingBit + unitExponent - 52, -1074)
        let droppedBitCount = ulpExponent - unitExponent
        var significand = bits(from: droppedBitCount, count: 53)
        let isHalfOrMore = bits(from: droppedBitCount - 1, count: 1) == 1
        let isMoreThanHalf = hasBitsBelowUnit || hasBitSet(below: droppedBitCount - 1)

        if isHalfOrMore && (isMoreThanHalf || significand & 1 == 1) {
            significand += 1
        }

        let pattern = (UInt64(ulpExponent + 1074) << 52) + significand
        guard pattern < Double.infinity.bitPattern else { return nil }
        return Double(bitPattern: signBit | pattern)
    }

    /// The position of the most significant set bit; `nil` for zero.
    private var highestSetBit: Int? {
        for index in (0..<Self.wordCount).reversed() where words[index] != 0 {
            return 64 * index + 63 - words[index].leadingZeroBitCount
        }
        return nil
    }

    /// The `count` bits (at most 63) starting at bit `start`, as an integer.
    private func bits(from start: Int, count: Int) -> UInt64 {
        let index = start / 64
        let offset = start % 64
        var window = words[index] >> offset
        if offset != 0 && index + 1 < Self.wordCount {
            window |= words[index + 1] << (64 - offset)
        }
        return window & ((1 << count) - 1)
    }

    /// Whether any bit below position `end` is set.
    private func hasBitSet(below end: Int) -> Bool {
        let fullWords = end / 64
        for index in 0..<fullWords where words[index] != 0 {
            return true
        }
        let partialBits = end % 64
        return partialBits != 0 && words[fullWords] & ((1 << partialBits) - 1) != 0
    }
}
