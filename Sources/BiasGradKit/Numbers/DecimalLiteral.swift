import CFastFloat

/// An unsigned decimal literal read in one pass: where it ends and, when it is short enough,
/// its digits as one integer and the power of ten that scales them.
///
/// The grammar is the one `NumberParser` accepts after the sign:
///
///     literal  = mantissa exponent?
///     mantissa = digit+ ("." digit*)? | "." digit+
///     exponent = ("e" | "E") ("+" | "-")? digit+
///
/// An exponent marker without digits after it is not part of the literal, which then ends
/// before the marker; fast_float reads its general format the same way, so `end` is where
/// fast_float would stop. Runs of eight digits after the point are read eight bytes at a
/// time.
struct DecimalLiteral {
    /// Just past the literal; the start itself when no literal starts there.
    var end: UnsafePointer<UInt8>

    /// The mantissa's digits read as one integer, the point ignored; exact when `isShort`.
    var digits: UInt64 = 0

    /// The power of ten that scales `digits` to the literal's value.
    var exponent = 0

    /// Whether the mantissa has at most 19 digits after its leading zeros, so that `digits`
    /// holds them exactly.
    var isShort = true

    /// Reads the literal at `start`, looking at no byte at or past `limit`.
    @inline(__always)
    init(_ start: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>) {
        end = start
        var cursor = start
        while cursor < limit, case let digit = Self.digitValue(cursor.pointee), digit < 10 {
            digits = digits &* 10 &+ UInt64(digit)
            cursor += 1
        }
        var count = cursor - start
        var next = Self.byte(at: cursor, limit: limit)

        if next == ASCII.point {
            cursor += 1
            let fractionStart = cursor
            Self.readFraction(from: &cursor, limit: limit, into: &digits)
            exponent = fractionStart - cursor
            count -= exponent
            next = Self.byte(at: cursor, limit: limit)
        }
        guard count > 0 else { return }

        if next | 0x20 == ASCII.lowercaseE {
            readExponent(after: cursor, limit: limit, into: &cursor)
        }
        end = cursor

        guard count > 19 else { return }
        isShort = Self.significantDigits(from: start, to: end, count: count) <= 19
    }

    /// Whether Clinger's fast path gives the value: the digits and the power of ten are
    /// both exact float64 values, so one correctly rounded multiplication or division
    /// gives the correctly rounded result, and it cannot overflow.
    @inline(__always)
    var isExactlyScalable: Bool {
        isShort && digits <= 1 << 53 && exponent.magnitude <= 22
    }

    /// The value by Clinger's fast path. - Precondition: `isExactlyScalable`.
    @inline(__always)
    var exactlyScaledValue: Double {
        let exact = Double(Int64(bitPattern: digits))
        let power = bg_exact_power_of_ten(UInt32(truncatingIfNeeded: exponent.magnitude))
        return exponent < 0 ? exact / power : exact * power
    }

    /// The value by fast_float's conversion step (which tries Eisel-Lemire), or nil when
    /// only fast_float reading the bytes can decide it.
    var convertedValue: Double? {
        guard isShort else { return nil }

        let value = bg_fast_float_decimal_to_double(digits, Int64(exponent))
        return value.isNaN ? nil : value
    }

    /// Adds the exponent at `marker` to `exponent` and moves `cursor` past it, if digits
    /// follow the marker and its optional sign; otherwise leaves both alone.
    @inline(__always)
    private mutating func readExponent(
        after marker: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>,
        into cursor: inout UnsafePointer<UInt8>
    ) {
        var position = marker + 1
        let isNegative = position < limit && position.pointee == ASCII.minus
        if isNegative || position < limit && position.pointee == ASCII.plus { position += 1 }
        guard position < limit, Self.digitValue(position.pointee) < 10 else { return }

        // Capped well before overflow: beyond the cap, any mantissa overflows or vanishes.
        var magnitude = 0
        while position < limit, case let digit = Self.digitValue(position.pointee), digit < 10 {
            if magnitude < 1 << 28 { magnitude = magnitude &* 10 &+ Int(digit) }
            position += 1
        }
        exponent += isNegative ? -magnitude : magnitude
        cursor = position
    }

    /// Reads a run of digits into `value`, eight at a time while they last, for the fraction,
    /// which is often long. The arithmetic wraps; a value of too many digits is discarded.
    @inline(__always)
    private static func readFraction(
        from cursor: inout UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>,
        into value: inout UInt64
    ) {
        while cursor + 8 <= limit {
            let word = DigitWord(cursor)
            guard word.isAllDigits else { break }
            value = value &* 100_000_000 &+ word.valueOfAllDigits
            cursor += 8
        }
        while cursor < limit, case let digit = digitValue(cursor.pointee), digit < 10 {
            value = value &* 10 &+ UInt64(digit)
            cursor += 1
        }
    }

    /// The number of the `count` mantissa digits in `start ..< end` left once leading zeros
    /// are dropped.
    private static func significantDigits(
        from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>, count: Int
    ) -> Int {
        var cursor = start
        var significant = count
        while cursor < end, cursor.pointee == ASCII.zero || cursor.pointee == ASCII.point {
            if cursor.pointee == ASCII.zero { significant -= 1 }
            cursor += 1
        }
        return significant
    }

    @inline(__always)
    private static func digitValue(_ byte: UInt8) -> UInt8 {
        byte &- ASCII.zero
    }

    /// The byte at `cursor`, or NUL, which no literal holds, at the limit.
    @inline(__always)
    private static func byte(
        at cursor: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>
    ) -> UInt8 {
        cursor < limit ? cursor.pointee : 0
    }
}

/// The bytes the number and record grammars name.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let plus: UInt8 = 0x2B
    static let minus: UInt8 = 0x2D
    static let point: UInt8 = 0x2E
    static let zero: UInt8 = 0x30
    static let lowercaseE: UInt8 = 0x65
}
