#include "FuzzerDriver.h"

// Defined by libclang_rt.fuzzer, which -sanitize=fuzzer links in.
int LLVMFuzzerRunDriver(int *argc, char ***argv, fuzz_test_one_input test);

int fuzz_run_driver(int argc, char **argv, fuzz_test_one_input test) {
    return LLVMFuzzerRunDriver(&argc, &argv, test);
}
