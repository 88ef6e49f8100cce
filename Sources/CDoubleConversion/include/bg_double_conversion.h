#ifndef BG_DOUBLE_CONVERSION_H
#define BG_DOUBLE_CONVERSION_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The smallest buffer `bg_format_shortest` accepts: the longest result,
/// "-1.7976931348623157e+308" (24 characters), and a terminating zero byte, rounded up.
#define BG_SHORTEST_CAPACITY 32

/// Writes the shortest decimal text that reads back as `value`, formatted as Python's
/// `repr(float)`: plain notation with at least one digit after the point for magnitudes in
/// [1e-4, 1e16), otherwise exponent notation with a sign and at least two exponent digits
/// ("1e-05", "1.5e+16"); "-0.0" keeps its sign, and "inf", "-inf" and "nan" stand for the
/// special values.
///
/// The text is not terminated; a zero byte may be written after it. Returns the number of
/// characters written, or 0 when `capacity` is smaller than `BG_SHORTEST_CAPACITY`.
size_t bg_format_shortest(double value, char *buffer, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
