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
/// This type checks the grammar and the leftovers itself, reads the digits in the same pass
/// (`DecimalLiteral`), and rounds with fast_float's conversion step (Lemire, "Number Parsing
/// at a Gigabyte per Second", 2021): Clinger's exact fast path, else the Eisel-Lemire
/// algorithm. A literal of more than 19 significant digits, or one Eisel-Lemire cannot
/// decide, goes to fast_float whole, which falls back to big-integer arithmetic. Negating
/// afterwards is exact, so the sign costs no accuracy.
///
/// The pointer entry points allocate nothing and build no `String`.
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
        let literal = DecimalLiteral(first, limit: end)
        guard literal.end == end else { return .notANumber }
        return value(of: literal, from: first, negative: isNegative)
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

    /// Reads the number in a field of a delimited line and finds where the field ends, in
    /// one pass over its bytes.
    ///
    /// The field runs from `start` to the first `delimiter`, line feed or carriage return,
    /// or to `limit`; the number is what `parse` gives for exactly those bytes, and the
    /// returned end is where the field stops. Spaces and tabs other than the delimiter are
    /// blanks. Reads no byte at or past `limit`.
    ///
    /// The common field, a number that starts with a digit or a minus sign and ends right at
    /// the field's end, is read inline (a lone digit without `DecimalLiteral`); any other
    /// goes to `parseUncommonField`.
    ///
    /// - Precondition: `isNumberByte(delimiter)` is false, so that no delimiter can be taken
    ///   for part of a number.
    @inline(__always)
    static func parseField(
        _ start: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>, delimiter: UInt8
    ) -> (number: ParsedNumber, end: UnsafePointer<UInt8>) {
        var first = start
        var byte = first < limit ? first.pointee : delimiter
        let isNegative = byte == ASCII.minus
        if isNegative {
            first += 1
            byte = first < limit ? first.pointee : delimiter
        }
        guard byte &- ASCII.zero < 10 else {
            return parseUncommonField(start, limit: limit, delimiter: delimiter)
        }

        // A lone digit, as 0 and 1 targets are written, is its own value.
        let next = first + 1
        if next < limit, endsField(next.pointee, delimiter: delimiter) {
            let digit = Double(byte &- ASCII.zero)
            return (.value(isNegative ? -digit : digit), next)
        }

        let literal = DecimalLiteral(first, limit: limit)
        guard literal.end < limit, endsField(literal.end.pointee, delimiter: delimiter) else {
            return parseUncommonField(start, limit: limit, delimiter: delimiter)
        }
        return (value(of: literal, from: first, negative: isNegative), literal.end)
    }

    /// `parseField` for any field: blanks around the number, a plus sign, a leading point,
    /// the end of the bytes, or something that is not a number.
    @inline(never)
    private static func parseUncommonField(
        _ start: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>, delimiter: UInt8
    ) -> (number: ParsedNumber, end: UnsafePointer<UInt8>) {
        var first = skipBlanks(from: start, to: limit, delimiter: delimiter)
        var byte = first < limit ? first.pointee : delimiter
        let isNegative = byte == ASCII.minus
        if isNegative || byte == ASCII.plus {
            first += 1
            byte = first < limit ? first.pointee : delimiter
        }

        guard startsMantissa(byte) else {
            return (.notANumber, fieldEnd(from: first, to: limit, delimiter: delimiter))
        }
        let literal = DecimalLiteral(first, limit: limit)
        let after = skipBlanks(from: literal.end, to: limit, delimiter: delimiter)
        guard after == limit || endsField(after.pointee, delimiter: delimiter) else {
            return (.notANumber, fieldEnd(from: after, to: limit, delimiter: delimiter))
        }
        return (value(of: literal, from: first, negative: isNegative), after)
    }

    /// Whether `byte` can be part of a number: a digit, a sign, the point or an exponent
    /// marker. Such a byte cannot serve `parseField` as the delimiter.
    static func isNumberByte(_ byte: UInt8) -> Bool {
        startsMantissa(byte) || byte == ASCII.plus || byte == ASCII.minus
            || byte | 0x20 == ASCII.lowercaseE
    }

    /// The value of a literal that starts at `first`, with its sign applied.
    @inline(__always)
    private static func value(
        of literal: DecimalLiteral, from first: UnsafePointer<UInt8>, negative: Bool
    ) -> ParsedNumber {
        guard literal.isExactlyScalable else {
            return roundedValue(of: literal, from: first, negative: negative)
        }
        let magnitude = literal.exactlyScaledValue
        return .value(negative ? -magnitude : magnitude)
    }

    /// `value(of:from:negative:)` for the literals Clinger's fast path cannot take.
    @inline(never)
    private static func roundedValue(
        of literal: DecimalLiteral, from first: UnsafePointer<UInt8>, negative: Bool
    ) -> ParsedNumber {
        var magnitude: Double
        if let converted = literal.convertedValue {
            magnitude = converted
        } else {
            // fast_float reads the same grammar, so it spans the literal; checked all the same.
            let length = literal.end - first
            let whole = bg_fast_float_parse_double(first, length)
            guard whole.length == length else { return .notANumber }
            magnitude = whole.value
        }

        guard magnitude.isFinite else { return .outOfRange }
        return .value(negative ? -magnitude : magnitude)
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

    /// The first byte at or after `start` that is not a blank other than the delimiter.
    @inline(__always)
    private static func skipBlanks(
        from start: UnsafePointer<UInt8>, to limit: UnsafePointer<UInt8>, delimiter: UInt8
    ) -> UnsafePointer<UInt8> {
        var cursor = start
        while cursor < limit, isBlank(cursor.pointee), cursor.pointee != delimiter {
            cursor += 1
        }
        return cursor
    }

    /// The first delimiter, line feed or carriage return at or after `start`, or `limit`.
    @inline(__always)
    private static func fieldEnd(
        from start: UnsafePointer<UInt8>, to limit: UnsafePointer<UInt8>, delimiter: UInt8
    ) -> UnsafePointer<UInt8> {
        var cursor = start
        while cursor < limit, !endsField(cursor.pointee, delimiter: delimiter) {
            cursor += 1
        }
        return cursor
    }

    @inline(__always)
    private static func endsField(_ byte: UInt8, delimiter: UInt8) -> Bool {
        byte == delimiter || byte == ASCII.lineFeed || byte == ASCII.carriageReturn
    }

    /// Whether `byte` may open the mantissa: a digit or the decimal point.
    ///
    /// Checking this before the literal is read is what keeps out `inf`, `nan`, a second
    /// sign, and a blank between the sign and the digits.
    @inline(__always)
    private static func startsMantissa(_ byte: UInt8) -> Bool {
        byte &- ASCII.zero < 10 || byte == ASCII.point
    }

    @inline(__always)
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab
    }
}
