/// Eight input bytes read as one little-endian word, so that runs of decimal digits are
/// checked and converted eight bytes at a time (SWAR: SIMD within a register).
///
/// The first byte in memory is the lowest byte of the word. Both properties work on the
/// word's offsets from `0`, in which a byte holding a digit is 0 to 9 and any other byte
/// something else.
struct DigitWord {
    /// Each byte minus `0`, without borrows between bytes.
    let offsets: UInt64

    /// The eight bytes at `start`. - Precondition: eight bytes are readable there.
    @inline(__always)
    init(_ start: UnsafePointer<UInt8>) {
        let word = UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self))
        offsets = word ^ 0x3030_3030_3030_3030
    }

    /// Whether all eight bytes are digits.
    @inline(__always)
    var isAllDigits: Bool {
        nonDigitFlags == 0
    }

    /// The value of all eight bytes read as decimal digits. - Precondition: `isAllDigits`.
    @inline(__always)
    var valueOfAllDigits: UInt64 {
        Self.valueOfEightDigits(offsets)
    }

    /// The top bit of each byte set where the byte is not a digit: adding 0x76 to an offset
    /// sets it from 10 up, and an offset from 0x80 up has it already. A carry can only come
    /// after a byte that is not a digit, so the whole is zero exactly when all are digits.
    @inline(__always)
    private var nonDigitFlags: UInt64 {
        (offsets | (offsets &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080
    }

    /// The value of eight digit offsets, the first in the lowest byte: neighbours combine
    /// into pairs, pairs into fours, fours into the eight, and no lane overflows on the way.
    @inline(__always)
    private static func valueOfEightDigits(_ offsets: UInt64) -> UInt64 {
        let pairs = (offsets &* 10 &+ (offsets >> 8)) & 0x00FF_00FF_00FF_00FF
        let fours = (pairs &* 100 &+ (pairs >> 16)) & 0x0000_FFFF_0000_FFFF
        return (fours & 0xFFFF) &* 10_000 &+ (fours >> 32)
    }
}
