#ifndef BG_DOUBLE_CONVERSION_H
#define BG_DOUBLE_CONVERSION_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Placeholder until the formatter lands.
int bg_double_conversion_placeholder(void);

#ifdef __cplusplus
}
#endif

#endif
