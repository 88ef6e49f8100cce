import BiasGradKit
import Testing

/// Expected texts are what Python 3.11's `repr(float)` prints for each value.
@Suite struct ShortestFloatTests {
    static let pythonRepr: [(Double, String)] = [
        (1.0, "1.0"),
        (-0.0, "-0.0"),
        (0.0, "0.0"),
        (0.5, "0.5"),
        (-2.5, "-2.5"),
        (100.0, "100.0"),
        (0.1, "0.1"),
        (0.2 + 0.1, "0.30000000000000004"),
        (1.0 / 3.0, "0.3333333333333333"),
        (2.0 / 3.0, "0.6666666666666666"),
        (4.35, "4.35"),
        (12345.678, "12345.678"),
        (123456789012345.6, "123456789012345.6"),
        (0.91 - 1.0, "-0.08999999999999997"),
        (7.0, "7.0"),
        (-3.0, "-3.0"),
        (1000.0, "1000.0"),
        (123456789.0, "123456789.0"),
    ]

    static let notationBoundaries: [(Double, String)] = [
        (0.0001, "0.0001"),
        (-0.0001, "-0.0001"),
        (0.00010000000000000002, "0.00010000000000000002"),
        (0.0001.nextDown, "9.999999999999999e-05"),
        (1e-05, "1e-05"),
        (-1e-05, "-1e-05"),
        (1.5e-07, "1.5e-07"),
        (7e-10, "7e-10"),
        (1e15, "1000000000000000.0"),
        (9999999999999998.0, "9999999999999998.0"),
        (9007199254740992.0, "9007199254740992.0"),
        (9007199254740994.0, "9007199254740994.0"),
        (1e16, "1e+16"),
        (1e22, "1e+22"),
        (1e23, "1e+23"),
        (9223372036854775808.0, "9.223372036854776e+18"),
        (1e100, "1e+100"),
        (1e-100, "1e-100"),
    ]

    static let extremes: [(Double, String)] = [
        (Double.leastNonzeroMagnitude, "5e-324"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (-Double.greatestFiniteMagnitude, "-1.7976931348623157e+308"),
        (Double.leastNormalMagnitude, "2.2250738585072014e-308"),
        (Double.leastNormalMagnitude.nextDown, "2.225073858507201e-308"),
    ]

    @Test(arguments: pythonRepr)
    func writesShortestDigitsInPlainNotation(value: Double, expected: String) {
        #expect(ShortestFloat.string(value) == expected)
    }

    @Test(arguments: notationBoundaries)
    func switchesToExponentNotationWherePythonDoes(value: Double, expected: String) {
        #expect(ShortestFloat.string(value) == expected)
    }

    @Test(arguments: extremes)
    func writesSubnormalAndLargestValues(value: Double, expected: String) {
        #expect(ShortestFloat.string(value) == expected)
    }

    @Test func matchesPythonForRandomBitPatterns() {
        for (bits, expected) in ShortestFloatRandomCases.pythonRepr {
            let value = Double(bitPattern: bits)
            #expect(ShortestFloat.string(value) == expected, "bits 0x\(String(bits, radix: 16))")
        }
    }

    @Test func spellsSpecialValuesAsPythonDoes() {
        #expect(ShortestFloat.string(.infinity) == "inf")
        #expect(ShortestFloat.string(-.infinity) == "-inf")
        #expect(ShortestFloat.string(.nan) == "nan")
    }

    @Test func readsBackToTheSameDouble() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = ShortestFloat.string(value)
            #expect(Double(text)?.bitPattern == value.bitPattern, "\(text)")
        }
    }

    @Test func appendsAfterWhatTheBufferHolds() {
        let buffer = ByteBuffer(capacity: 8)
        buffer.append("x=")
        for value in [0.5, -1e-05, 1e+300] {
            ShortestFloat.append(value, to: buffer)
            buffer.append(UInt8(ascii: ";"))
        }
        #expect(buffer.string == "x=0.5;-1e-05;1e+300;")
    }
}
