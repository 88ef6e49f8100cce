import CFmt

/// The shortest decimal text that reads back as the same float64, spelled as Python's
/// `repr(float)` spells it.
///
/// Every finite double gets the fewest significant digits that round-trip through a
/// correctly rounded parser (`strtod`, Python's `float`), the one nearest the exact value when
/// several are that short, chosen by the {fmt} library's Dragonbox algorithm (Jeon, 2020) as
/// Python's own conversion (David Gay's `dtoa`) chooses them. The layout is Python's: plain
/// notation with at least one digit after the point for magnitudes in [1e-4, 1e16)
/// (`1.0`, `0.0001`, `123456789012345.6`), exponent notation otherwise, with a sign and at
/// least two exponent digits (`1e-05`, `1.5e-07`, `1e+16`, `5e-324`). Negative zero is
/// `-0.0`. Infinities and NaN are written `inf`, `-inf` and `nan`, as Python writes them;
/// formats that cannot hold them (JSON) must check for them first.
public enum ShortestFloat {
    /// The bytes one value may use: its text and the scratch the formatter writes after it.
    static let maximumLength = Int(BG_SHORTEST_CAPACITY)

    /// Appends the text of `value` to `buffer`, without allocating.
    @inline(__always)
    public static func append(_ value: Double, to buffer: ByteBuffer) {
        buffer.appendInPlace(maximum: maximumLength) { start in
            start.withMemoryRebound(to: CChar.self, capacity: maximumLength) { characters in
                bg_format_shortest(value, characters, maximumLength)
            }
        }
    }

    /// The text of `value` as a string.
    public static func string(_ value: Double) -> String {
        let buffer = ByteBuffer(capacity: maximumLength)
        append(value, to: buffer)
        return buffer.string
    }
}
