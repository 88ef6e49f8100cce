#include "bg_double_conversion.h"

int bg_double_conversion_placeholder(void) { return 0; }
