#ifndef C_FUZZER_DRIVER_H
#define C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, in the fuzzer runtime that `-sanitize=fuzzer` links: runs the fuzzing loop
/// (or the given inputs) with libFuzzer's flags from argv.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
