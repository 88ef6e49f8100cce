import CFastFloat

/// The result of reading one numeric field.
public enum ParsedNumber: Equatable, Sendable {
    /// A finite float64: the literal's value correctly rounded (to nearest, ties to even).
    case value(Double)

    /// The text is not a number in the accepted grammar.
    case notANumber

    /// A well-formed literal whose magnitude is too large for a finite float64.
    case outOfRange
}

/// Reads decimal numbers from the bytes of input fields.
///
/// Accepted grammar, on ASCII bytes:
///
///     field    = blank* sign? mantissa exponent? blank*
///     blank    = " " | "\t"
///     sign     = "+" | "-"
///     mantissa = digit+ ("." digit*)? | "." digit+
///     exponent = ("e" | "E") sign? digit+
///
/// Everything else is `.notANumber`: an empty or all-blank field, hex floats, `nan` and
/// `inf` in any spelling, decimal commas, thousands separators, line ends, NUL bytes, and
/// any byte left over after the number other than blanks.
///
/// The value is the literal correctly rounded to float64, for any number of digits. A
/// literal below the subnormal range gives zero (with its sign) and is valid; one whose
/// rounded magnitude exceeds the largest finite float64 is `.outOfRange`.
///
/// This type checks the grammar and the leftovers itself and hands the unsigned literal
/// to fast_float (Lemire, "Number Parsing at a Gigabyte per Second", 2021), which rounds
/// with the Eisel-Lemire algorithm and falls back to big-integer arithmetic when that
/// cannot decide. Negating afterwards is exact, so the sign costs no accuracy.
///
/// The pointer entry point allocates nothing and builds no `String`.
public enum NumberParser {
    /// Reads a number from `count` bytes at `start`.
    ///
    /// Reads no byte outside `start ..< start + count`; the bytes need no terminator.
    /// - Precondition: `count >= 0`.
    public static func parse(_ start: UnsafePointer<UInt8>, count: Int) -> ParsedNumber {
        var first = start
        var end = start + count
        skipBlanks(from: &first, to: &end)

        guard first < end else { return .notANumber }
        let isNegative = first.pointee == ASCII.minus
        if isNegative || first.pointee == ASCII.plus {
            first += 1
        }

        guard first < end, startsMantissa(first.pointee) else { return .notANumber }
        return convert(first, count: end - first, negative: isNegative)
    }

    /// Reads a number from a buffer of bytes; a buffer without storage is empty.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedNumber {
        guard let start = bytes.baseAddress else { return .notANumber }
        return parse(start, count: bytes.count)
    }

    /// Reads a number from the UTF-8 form of `text`.
    public static func parse(_ text: String) -> ParsedNumber {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Converts an unsigned literal that must span all `count` bytes at `start`.
    @inline(__always)
    private static func convert(
        _ start: UnsafePointer<UInt8>, count: Int, negative: Bool
    ) -> ParsedNumber {
        let literal = bg_fast_float_parse_double(start, count)

        guard literal.length == count else { return .notANumber }
        guard literal.value.isFinite else { return .outOfRange }
        return .value(negative ? -literal.value : literal.value)
    }

    /// Moves `first` forwards and `end` backwards past spaces and tabs.
    @inline(__always)
    private static func skipBlanks(
        from first: inout UnsafePointer<UInt8>, to end: inout UnsafePointer<UInt8>
    ) {
        while first < end, isBlank(first.pointee) {
            first += 1
        }
        while first < end, isBlank((end - 1).pointee) {
            end -= 1
        }
    }

    /// Whether `byte` may open the mantissa: a digit or the decimal point.
    ///
    /// Checking this before fast_float sees the bytes is what keeps out `inf`, `nan`,
    /// a second sign, and a blank between the sign and the digits.
    @inline(__always)
    private static func startsMantissa(_ byte: UInt8) -> Bool {
        byte &- ASCII.zero < 10 || byte == ASCII.point
    }

    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab
    }
}

/// The bytes the number grammar names.
private enum ASCII {
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
    static let plus: UInt8 = 0x2B
    static let minus: UInt8 = 0x2D
    static let point: UInt8 = 0x2E
    static let zero: UInt8 = 0x30
}
