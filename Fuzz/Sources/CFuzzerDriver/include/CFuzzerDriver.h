#ifndef SIPIGW_FUZZER_DRIVER_H
#define SIPIGW_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer on the harness's LLVMFuzzerTestOneInput with the command line (libFuzzer's own flags and corpus
/// directories) and returns its exit status.
///
/// SwiftPM links every Swift executable with `--defsym main=<Module>_main`, which hides the `main` that
/// `-sanitize=fuzzer` brings; each harness's main.swift therefore calls this instead, which is exactly what
/// libFuzzer's `main` does (FuzzerMain.cpp).
int sipigw_fuzzer_main(int argc, char **argv);

#endif
