#include "bg_fast_float.h"

int bg_fast_float_placeholder(void) { return 0; }
