import CFuzzerDriver
import Glibc

exit(sipigw_fuzzer_main(CommandLine.argc, CommandLine.unsafeArgv))
