#define _GNU_SOURCE
#include <fcntl.h>

#include "bg_platform.h"

int bg_direct_io_flag(void) {
#ifdef O_DIRECT
    return O_DIRECT;
#else
    return 0;
#endif
}
