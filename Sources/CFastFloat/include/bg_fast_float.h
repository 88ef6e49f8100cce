#ifndef BG_FAST_FLOAT_H
#define BG_FAST_FLOAT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A decimal literal read from the start of a byte range.
typedef struct {
    /// The literal's value; unspecified when `length` is 0.
    double value;
    /// The number of bytes the literal spans; 0 when no literal starts the range.
    size_t length;
} bg_parsed_double;

/// Converts the decimal literal at the start of [first, first + length) to the
/// nearest float64, ties to even, however many digits it has.
///
/// This is fast_float's `from_chars` in its general format, unchanged: it takes an
/// optional `-`, digits with an optional `.`, and an optional exponent, and it also
/// takes `inf`, `infinity` and `nan` in any case. It rejects a leading `+` and never
/// skips blanks. A literal too large for float64 gives an infinity; one too small
/// gives a subnormal or zero. Reads no byte outside the range.
bg_parsed_double bg_fast_float_parse_double(const unsigned char *first, size_t length);

/// The float64 nearest to mantissa * 10^exponent, ties to even, or NaN when the fast
/// algorithms cannot decide and the literal must go through `bg_fast_float_parse_double`.
///
/// This is the conversion step of `bg_fast_float_parse_double` on a literal whose digits
/// have already been read: the caller passes the value of at most 19 decimal digits and the
/// power of ten they are scaled by. Clinger's exact fast path takes a mantissa up to 2^53
/// with a power from -22 to 22; the Eisel-Lemire algorithm takes the rest, except in the
/// rare cases it cannot round with certainty. A result too large for float64 is an infinity;
/// one too small is a subnormal or zero. Assumes the default rounding mode.
double bg_fast_float_decimal_to_double(uint64_t mantissa, int64_t exponent);

/// 10^exponent for an exponent from 0 to 22, the powers of ten float64 holds exactly:
/// with a mantissa up to 2^53, one multiplication or division by them rounds correctly
/// (Clinger's fast path). Inline, so that Swift code reads the table directly.
static inline double bg_exact_power_of_ten(unsigned int exponent) {
    static const double powers[23] = {
        1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    return powers[exponent];
}

#ifdef __cplusplus
}
#endif

#endif
