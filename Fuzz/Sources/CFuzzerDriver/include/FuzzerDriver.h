#ifndef BIASGRAD_FUZZER_DRIVER_H
#define BIASGRAD_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// The function libFuzzer calls with each input; returns 0.
typedef int (*fuzz_test_one_input)(const uint8_t *data, size_t size);

/// Runs libFuzzer's command-line driver with the process's arguments and `test`, and
/// returns the status the process should exit with.
int fuzz_run_driver(int argc, char **argv, fuzz_test_one_input test);

#endif
