#ifndef BG_PLATFORM_H
#define BG_PLATFORM_H

#ifdef __cplusplus
extern "C" {
#endif

/// The open flag that makes a descriptor's writes bypass the page cache (Linux's
/// O_DIRECT), or 0 where the platform has none. Swift's Glibc module does not export it,
/// and its value differs between architectures.
int bg_direct_io_flag(void);

#ifdef __cplusplus
}
#endif

#endif
