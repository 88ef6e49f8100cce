#ifndef BG_FAST_FLOAT_H
#define BG_FAST_FLOAT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Placeholder until the parser lands.
int bg_fast_float_placeholder(void);

#ifdef __cplusplus
}
#endif

#endif
