#include "bg_fast_float.h"

#include <fast_float/fast_float.h>

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
