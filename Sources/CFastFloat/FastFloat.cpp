#include "bg_fast_float.h"

#include <fast_float/fast_float.h>

#include <limits>
#include <system_error>

bg_parsed_double bg_fast_float_parse_double(const unsigned char *first, size_t length) {
    const char *begin = reinterpret_cast<const char *>(first);
    bg_parsed_double parsed = {0.0, 0};
    const fast_float::from_chars_result result = fast_float::from_chars(
        begin, begin + length, parsed.value, fast_float::chars_format::general);

    if (result.ec == std::errc()) {
        parsed.length = static_cast<size_t>(result.ptr - begin);
    }
    return parsed;
}

double bg_fast_float_decimal_to_double(uint64_t mantissa, int64_t exponent) {
    using format = fast_float::binary_format<double>;
    const bool isExactPower =
        format::min_exponent_fast_path() <= exponent &&
        exponent <= format::max_exponent_fast_path();

    if (isExactPower && mantissa <= format::max_mantissa_fast_path()) {
        const double scaled = static_cast<double>(mantissa);
        const double power = format::exact_power_of_ten(exponent < 0 ? -exponent : exponent);
        return exponent < 0 ? scaled / power : scaled * power;
    }

    const fast_float::adjusted_mantissa rounded =
        fast_float::compute_float<format>(exponent, mantissa);
    if (rounded.power2 < 0) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    double value = 0.0;
    fast_float::to_float(false, rounded, value);
    return value;
}
