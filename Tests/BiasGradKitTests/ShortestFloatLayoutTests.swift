import BiasGradKit
import Testing

/// The longest texts of each of Python's layouts, where the formatter's fixed-size blocks of
/// digits reach furthest past the text. Values are given as hexadecimal float literals so
/// that no decimal parsing is involved; expected texts are what Python 3.11's `repr` prints
/// for `float.fromhex` of each literal.
@Suite struct ShortestFloatLayoutTests {
    static let longestTexts: [(Double, String)] = [
        // Seventeen digits with the point after the sixteenth.
        (0x1.fffffffffffffp+51, "4503599627370495.5"),
        (-0x1.fffffffffffffp+51, "-4503599627370495.5"),
        // Seventeen digits with the point after the third and after the first.
        (0x1.edd3c07fb4c99p+6, "123.45678901234568"),
        (0x1.3c0ca428c59fbp+0, "1.2345678901234567"),
        // Three zeros after the point, then seventeen or sixteen digits.
        (0x1.02e85be180b74p-13, "0.00012345678901234567"),
        (-0x1.02e85c0915d0ap-10, "-0.0009876543210987653"),
        // Seventeen digits with a three-digit exponent of either sign.
        (0x1.a74fe1c1e8908p-997, "1.2345678901234568e-300"),
        (0x1.20fe0bcdadd3bp+332, "9.876543210987653e+99"),
        // One digit with an exponent: no point.
        (0x1.b1ae4d6e2ef50p+69, "1e+21"),
        (0x0.0000000000003p-1022, "1.5e-323"),
    ]

    @Test(arguments: longestTexts)
    func writesTheLongestTextOfEachLayout(value: Double, expected: String) {
        #expect(ShortestFloat.string(value) == expected)
    }

    @Test func keepsEachTextWhenTheNextIsAppendedRightAfterIt() {
        let buffer = ByteBuffer(capacity: 8)
        for (value, _) in Self.longestTexts {
            ShortestFloat.append(value, to: buffer)
        }
        #expect(buffer.string == Self.longestTexts.map(\.1).joined())
    }
}
