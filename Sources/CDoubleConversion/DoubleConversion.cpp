#include "bg_double_conversion.h"

#include <double-conversion/double-to-string.h>
#include <double-conversion/utils.h>

namespace {

using double_conversion::DoubleToStringConverter;

// Python's repr switches to exponent notation when the decimal exponent is below -4 or at
// least 16, always shows a digit after the point in plain notation, never in exponent
// notation, and pads the exponent to two digits.
const DoubleToStringConverter pythonReprConverter(
    DoubleToStringConverter::EMIT_POSITIVE_EXPONENT_SIGN
        | DoubleToStringConverter::EMIT_TRAILING_DECIMAL_POINT
        | DoubleToStringConverter::EMIT_TRAILING_ZERO_AFTER_POINT,
    "inf",
    "nan",
    'e',
    -4,  // plain notation from 1e-4 ...
    16,  // ... up to, not including, 1e16
    0,
    0,
    2);  // at least two exponent digits

}  // namespace

extern "C" size_t bg_format_shortest(double value, char *buffer, size_t capacity) {
    if (capacity < BG_SHORTEST_CAPACITY) {
        return 0;
    }
    double_conversion::StringBuilder builder(buffer, static_cast<int>(capacity));
    pythonReprConverter.ToShortest(value, &builder);
    return static_cast<size_t>(builder.position());
}
