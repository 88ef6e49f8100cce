#ifndef BG_FMT_H
#define BG_FMT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The smallest buffer `bg_format_shortest` accepts. The longest result,
/// "-1.7976931348623157e+308", is 24 characters; the layout code also stores fixed-size
/// blocks of digits past the end of shorter results, which needs up to 34 bytes.
#define BG_SHORTEST_CAPACITY 48

/// Writes the shortest decimal text that reads back as `value`, formatted as Python's
/// `repr(float)`: plain notation with at least one digit after the point for magnitudes in
/// [1e-4, 1e16), otherwise exponent notation with a sign and at least two exponent digits
/// ("1e-05", "1.5e+16"); "-0.0" keeps its sign, and "inf", "-inf" and "nan" stand for the
/// special values.
///
/// The text is not terminated, and bytes after it, up to `BG_SHORTEST_CAPACITY`, may be
/// overwritten. Returns the number of characters of the text, or 0 when `capacity` is
/// smaller than `BG_SHORTEST_CAPACITY`.
size_t bg_format_shortest(double value, char *buffer, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
