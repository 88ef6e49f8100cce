#ifndef BG_FAST_FLOAT_H
#define BG_FAST_FLOAT_H

#include <stddef.h>

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

#ifdef __cplusplus
}
#endif

#endif
