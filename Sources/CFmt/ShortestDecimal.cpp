#include "bg_fmt.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <cstring>

// {fmt} finds the digits with Dragonbox (Junekey Jeon, "Dragonbox: A New Floating-Point
// Binary-to-Decimal Conversion Algorithm", 2020): the shortest significand that reads back
// as the same double, the one nearest the exact value when several are that short, ties to
// even. Python's repr (David Gay's dtoa in its shortest mode) makes the same choice. {fmt}
// offers that search as fmt::detail::dragonbox::to_decimal, exported by its shared library
// (TODO: move to a public entry point once fmt has one; detail may change between releases);
// its own text layout differs from Python's ("1" for 1.0), so the layout is written here,
// without a loop over the digits: the significand is scaled to exactly 17 digits, so that
// its digits land at fixed offsets, and every copy has a fixed size.

namespace {

const char digitPairs[] =
    "00010203040506070809"
    "10111213141516171819"
    "20212223242526272829"
    "30313233343536373839"
    "40414243444546474849"
    "50515253545556575859"
    "60616263646566676869"
    "70717273747576777879"
    "80818283848586878889"
    "90919293949596979899";

const uint64_t powersOfTen[18] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
    100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
    10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
    100000000000000000ull,
};

// A double's shortest significand has at most 17 digits.
constexpr int maximumDigits = 17;

// Python's repr uses plain notation when the decimal point falls after the first
// significant digit's position p, with -4 < p <= 16, counting p = 1 for a point right
// after the first digit.
constexpr int lowestPlainPoint = -3;
constexpr int highestPlainPoint = 16;

// The number of decimal digits of `n`, which is at least 1 and below 10^17. The bit length
// times log10(2) (1233 / 4096) is the count or one less.
inline int decimalDigitCount(uint64_t n) {
    const int bitLength = 64 - __builtin_clzll(n | 1);
    const int estimate = (bitLength * 1233) >> 12;
    return estimate + (n >= powersOfTen[estimate]);
}

inline void writeTwoDigits(char *out, uint32_t n) {
    std::memcpy(out, digitPairs + 2 * n, 2);
}

// Writes the 8 digits of `n` < 10^8, with leading zeros.
inline void writeEightDigits(char *out, uint32_t n) {
    const uint32_t high = n / 10000;
    const uint32_t low = n % 10000;
    writeTwoDigits(out, high / 100);
    writeTwoDigits(out + 2, high % 100);
    writeTwoDigits(out + 4, low / 100);
    writeTwoDigits(out + 6, low % 100);
}

// Writes the 17 digits of `n` < 10^17, with leading zeros.
inline void writeSeventeenDigits(char *out, uint64_t n) {
    const uint64_t high = n / 100000000;
    const uint32_t low = static_cast<uint32_t>(n % 100000000);
    out[0] = static_cast<char>('0' + high / 100000000);
    writeEightDigits(out + 1, static_cast<uint32_t>(high % 100000000));
    writeEightDigits(out + 9, low);
}

// Plain notation: "0.000ddd", "dd.ddd" or "ddd00.0". `digits` holds the significant
// digits followed by zeros to 17; `point` is where the decimal point goes, counted in
// digits from the first significant one.
char *writePlain(char *out, uint64_t digits, int digitCount, int point) {
    if (point <= 0) {
        std::memcpy(out, "0.000000", 8);
        writeSeventeenDigits(out + 2 - point, digits);
        return out + 2 - point + digitCount;
    }

    writeSeventeenDigits(out, digits);
    if (point >= digitCount) {
        // The zeros up to the point are already there, as the padding of the 17 digits.
        std::memcpy(out + point, ".0", 2);
        return out + point + 2;
    }

    // Move the at most 16 digits after the point up one byte to make room for it. The
    // 16-byte block read from there may reach past the 17 digits, so those bytes are
    // written first.
    char fraction[16];
    std::memset(out + maximumDigits, '0', 16);
    std::memcpy(fraction, out + point, 16);
    std::memcpy(out + point + 1, fraction, 16);
    out[point] = '.';
    return out + digitCount + 1;
}

// Exponent notation: "de-05", "d.ddde+100".
char *writeScientific(char *out, uint64_t digits, int digitCount, int point) {
    // The digits go one byte up, then the first moves back ahead of the point.
    writeSeventeenDigits(out + 1, digits);
    out[0] = out[1];
    out[1] = '.';
    out += digitCount == 1 ? 1 : digitCount + 1;

    const int exponent = point - 1;
    const uint32_t magnitude = static_cast<uint32_t>(exponent < 0 ? -exponent : exponent);
    // A hundreds digit is always stored; the last two digits overwrite it when there is
    // none, since Python pads the exponent to two digits, not three.
    const int hundreds = magnitude >= 100;
    out[0] = 'e';
    out[1] = exponent < 0 ? '-' : '+';
    out[2] = static_cast<char>('0' + magnitude / 100);
    writeTwoDigits(out + 2 + hundreds, magnitude % 100);
    return out + 4 + hundreds;
}

}  // namespace

extern "C" size_t bg_format_shortest(double value, char *buffer, size_t capacity) {
    if (capacity < BG_SHORTEST_CAPACITY) {
        return 0;
    }

    if (std::isnan(value)) {
        std::memcpy(buffer, "nan", 3);
        return 3;
    }

    // The sign is stored unconditionally and kept only for negative values (and -0.0),
    // which spares a branch on data that mixes signs at random.
    char *out = buffer;
    *out = '-';
    out += std::signbit(value);
    const double magnitude = std::fabs(value);
    if (std::isinf(magnitude)) {
        std::memcpy(out, "inf", 3);
        return static_cast<size_t>(out + 3 - buffer);
    }
    if (magnitude == 0) {
        std::memcpy(out, "0.0", 3);
        return static_cast<size_t>(out + 3 - buffer);
    }

    // An integer below 10^16, such as a 0 or 1 target, is its own shortest significand:
    // its digits and ".0", without the search.
    if (magnitude < 1e16 && magnitude == std::floor(magnitude)) {
        const uint64_t integer = static_cast<uint64_t>(magnitude);
        const int digitCount = decimalDigitCount(integer);
        const uint64_t digits = integer * powersOfTen[maximumDigits - digitCount];
        out = writePlain(out, digits, digitCount, digitCount);
        return static_cast<size_t>(out - buffer);
    }

    const auto decimal = fmt::detail::dragonbox::to_decimal(magnitude);
    const int digitCount = decimalDigitCount(decimal.significand);
    const uint64_t digits = decimal.significand * powersOfTen[maximumDigits - digitCount];
    const int point = digitCount + decimal.exponent;

    const bool plain = point >= lowestPlainPoint && point <= highestPlainPoint;
    out = plain ? writePlain(out, digits, digitCount, point)
                : writeScientific(out, digits, digitCount, point);
    return static_cast<size_t>(out - buffer);
}
