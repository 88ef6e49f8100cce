import Foundation
import BiasGradTestSupport
import Testing
@testable import BiasGradKit

/// Expected bit patterns come from Python 3.11 (`struct.pack("<d", float(text))`, whose
/// float() rounds correctly), from exact binary values, or from a formula in the test.
@Suite struct NumberParserTests {
    @Test(arguments: [
        ("1", 0x3FF0_0000_0000_0000),
        ("0", 0x0000_0000_0000_0000),
        ("-0", 0x8000_0000_0000_0000),
        ("+0", 0x0000_0000_0000_0000),
        ("007", 0x401C_0000_0000_0000),
        ("1.", 0x3FF0_0000_0000_0000),
        (".5", 0x3FE0_0000_0000_0000),
        ("-.5", 0xBFE0_0000_0000_0000),
        ("+.5", 0x3FE0_0000_0000_0000),
        ("+1.5e+3", 0x4097_7000_0000_0000),
        ("1e5", 0x40F8_6A00_0000_0000),
        ("1E5", 0x40F8_6A00_0000_0000),
        ("1e-5", 0x3EE4_F8B5_88E3_68F1),
        ("1.e5", 0x40F8_6A00_0000_0000),
        (".5e1", 0x4014_0000_0000_0000),
        ("0.7310585786300049", 0x3FE7_64D4_F5D5_A2BD),
        ("0.1", 0x3FB9_9999_9999_999A),
        ("1e23", 0x44B5_2D02_C7E1_4AF6),
    ] as [(String, UInt64)])
    func acceptsSignedDecimalsWithOptionalPointAndExponent(text: String, bits: UInt64) {
        #expect(bitPattern(NumberParser.parse(text)) == bits)
    }

    @Test(arguments: [" 1.5", "1.5 ", "\t1.5", "1.5\t", " \t 1.5 \t "])
    func ignoresSpacesAndTabsAroundTheNumber(text: String) {
        #expect(NumberParser.parse(text) == .value(1.5))
    }

    @Test(arguments: ["", " ", "\t", " \t \t"])
    func rejectsEmptyAndBlankFields(text: String) {
        #expect(NumberParser.parse(text) == .notANumber)
    }

    @Test(arguments: [
        "nan", "NaN", "NAN", "-nan", "+nan", "nan(1)", "inf", "Inf", "-inf", "+INF",
        "infinity", "Infinity", "-INFINITY", "+infinity", " inf ",
    ])
    func rejectsNotANumberAndInfinitySpellings(text: String) {
        #expect(NumberParser.parse(text) == .notANumber)
    }

    @Test(arguments: ["0x10", "0X1P-2", "0x1.8p1", "-0x1p3", "0x"])
    func rejectsHexadecimalFloats(text: String) {
        #expect(NumberParser.parse(text) == .notANumber)
    }

    @Test(arguments: ["1,5", "0,731", "1,000", "1 000", "1_000", "1'000", "1.000.000"])
    func rejectsDecimalCommasAndThousandsSeparators(text: String) {
        #expect(NumberParser.parse(text) == .notANumber)
    }

    @Test(arguments: [
        ".", "-.", "+.", "+", "-", ".e1", "e5", "E5", "1e", "1e+", "1E-", "1.5e", "1e 5",
        "--1", "+-1", "-+1", "++1", "- 1", "1.2.3", "1e5.5", "1e1e1", "1x", "1d", "1f",
        "abc", "1 2", "1\r", "1\n", "\u{0661}", "\u{FF11}",
    ])
    func rejectsMalformedLiteralsAndLeftovers(text: String) {
        #expect(NumberParser.parse(text) == .notANumber)
    }

    @Test(arguments: ["1\u{0}", "\u{0}1", "1\u{0}2", "\u{0}", " 1\u{0} "])
    func rejectsEmbeddedNulBytes(text: String) {
        #expect(NumberParser.parse(text) == .notANumber)
    }

    @Test(arguments: [
        "1e400", "-1e400", "1.7976931348623159e308", "1e99999999999999999999",
        "-123456789e999",
    ])
    func reportsOverflowAsOutOfRange(text: String) {
        #expect(NumberParser.parse(text) == .outOfRange)
    }

    @Test(arguments: [
        ("1e-400", 0x0000_0000_0000_0000),
        ("-1e-400", 0x8000_0000_0000_0000),
        ("1e-99999999999999999999", 0x0000_0000_0000_0000),
        ("0e99999999999", 0x0000_0000_0000_0000),
        ("4.9e-324", 0x0000_0000_0000_0001),
        ("5e-324", 0x0000_0000_0000_0001),
        ("2.4703282292062328e-324", 0x0000_0000_0000_0001),
        ("2.4703282292062327e-324", 0x0000_0000_0000_0000),
        ("2.2250738585072011e-308", 0x000F_FFFF_FFFF_FFFF),
        ("2.2250738585072012e-308", 0x0010_0000_0000_0000),
    ] as [(String, UInt64)])
    func roundsUnderflowToSubnormalsOrZero(text: String, bits: UInt64) {
        #expect(bitPattern(NumberParser.parse(text)) == bits)
    }

    @Test(arguments: [
        ("9007199254740993", 0x4340_0000_0000_0000),
        ("9007199254740995", 0x4340_0000_0000_0002),
        ("1.7976931348623157e308", 0x7FEF_FFFF_FFFF_FFFF),
        ("1.7976931348623158e308", 0x7FEF_FFFF_FFFF_FFFF),
        ("8.98846567431158e307", 0x7FE0_0000_0000_0000),
        ("0.30000000000000004", 0x3FD3_3333_3333_3334),
        ("123456789012345678901234567890", 0x45F8_EE90_FF6C_373E),
    ] as [(String, UInt64)])
    func roundsHalfwayAndBoundaryCasesToNearestEven(text: String, bits: UInt64) {
        #expect(bitPattern(NumberParser.parse(text)) == bits)
    }

    @Test func roundsThousandsOfDigitsCorrectly() {
        let zeros = String(repeating: "0", count: 1000)
        let tieAfterZeros = "9007199254740993." + zeros
        let justAboveTie = tieAfterZeros + "1"
        let repeatedFraction = "0." + String(repeating: "123456789", count: 120)
        let piDigits = "314159265358979323846264338327950288419716939937510"
        let longInteger = String(repeating: piDigits, count: 40) + "e-1990"

        #expect(bitPattern(NumberParser.parse(tieAfterZeros)) == 0x4340_0000_0000_0000)
        #expect(bitPattern(NumberParser.parse(justAboveTie)) == 0x4340_0000_0000_0001)
        #expect(bitPattern(NumberParser.parse(repeatedFraction)) == 0x3FBF_9ADD_37C1_215E)
        #expect(bitPattern(NumberParser.parse(longInteger)) == 0x4A35_7EE2_DE15_FD73)
    }

    @Test func cancelsLongDigitStringsAgainstTheExponent() {
        let tenToThe400 = "1" + String(repeating: "0", count: 400)
        let tenToTheMinus401 = "0." + String(repeating: "0", count: 400) + "1"

        #expect(NumberParser.parse(tenToThe400 + "e-400") == .value(1))
        #expect(NumberParser.parse(tenToTheMinus401 + "e401") == .value(1))
    }

    /// 2^-1075 = 5^1075 / 10^1075 lies exactly halfway between zero and the least subnormal.
    @Test func breaksTheExactUnderflowTieTowardsZero() {
        let fiveToThe1075 = decimalDigits(of: 1, times: 5, repeated: 1075)
        let tie = "0." + String(repeating: "0", count: 1075 - fiveToThe1075.count)
            + fiveToThe1075

        #expect(bitPattern(NumberParser.parse(tie)) == 0x0000_0000_0000_0000)
        #expect(bitPattern(NumberParser.parse(tie + "1")) == 0x0000_0000_0000_0001)
    }

    /// (2^54 - 1) * 2^970 = 2^1024 - 2^970 lies halfway between the largest finite float64
    /// and 2^1024; its last digit is even and not zero, so lowering it stays below the tie.
    @Test func breaksTheExactOverflowTieTowardsInfinity() {
        let tie = decimalDigits(of: (1 << 54) - 1, times: 2, repeated: 970)
        let lastDigit = tie.utf8.last! - UInt8(ascii: "0")
        let belowTie = String(tie.dropLast()) + String(lastDigit - 1)

        #expect(NumberParser.parse(tie) == .outOfRange)
        #expect(bitPattern(NumberParser.parse(belowTie)) == 0x7FEF_FFFF_FFFF_FFFF)
    }

    @Test func readsOnlyTheGivenBytes() {
        let bytes = Array("12345".utf8)

        let prefix = bytes.withUnsafeBufferPointer { NumberParser.parse($0.baseAddress!, count: 2) }
        let empty = bytes.withUnsafeBufferPointer { NumberParser.parse($0.baseAddress!, count: 0) }

        #expect(prefix == .value(12))
        #expect(empty == .notANumber)
    }

    @Test func treatsABufferWithoutStorageAsEmpty() {
        #expect(NumberParser.parse(UnsafeBufferPointer<UInt8>(start: nil, count: 0)) == .notANumber)
    }

    @Test func readsBackTheShortestRoundTripFormOfRandomDoubles() {
        var generator = SplitMix64(seed: 0x5EED_0001)
        for value in randomDoubles(count: 20_000, using: &generator) {
            #expect(bitPattern(NumberParser.parse(value.description)) == value.bitPattern)
        }
    }

    @Test func readsBackSeventeenSignificantDigitsOfRandomDoubles() {
        var generator = SplitMix64(seed: 0x5EED_0002)
        for value in randomDoubles(count: 20_000, using: &generator) {
            let text = String(format: "%.16e", value)
            #expect(bitPattern(NumberParser.parse(text)) == value.bitPattern)
        }
    }
}

/// The bit pattern of a parsed value, or nil for the other outcomes.
private func bitPattern(_ parsed: ParsedNumber) -> UInt64? {
    guard case .value(let value) = parsed else { return nil }
    return value.bitPattern
}

/// The decimal digits of `start * factor^count`, by schoolbook multiplication.
private func decimalDigits(of start: UInt64, times factor: UInt64, repeated count: Int) -> String {
    var digits = String(start).utf8.reversed().map { UInt64($0 - UInt8(ascii: "0")) }
    for _ in 0..<count {
        var carry: UInt64 = 0
        for index in digits.indices {
            let product = digits[index] * factor + carry
            digits[index] = product % 10
            carry = product / 10
        }
        while carry > 0 {
            digits.append(carry % 10)
            carry /= 10
        }
    }
    return digits.reversed().map(String.init).joined()
}

/// Finite doubles of every magnitude (uniform bit patterns) and of the usual one
/// (uniform in [0, 1)), alternating.
private func randomDoubles(count: Int, using generator: inout SplitMix64) -> [Double] {
    var values: [Double] = []
    while values.count < count {
        let anyBits = Double(bitPattern: generator.next())
        if anyBits.isFinite {
            values.append(anyBits)
        }
        values.append(Double.random(in: 0..<1, using: &generator))
    }
    return values
}
