# sipigw — two entry points for a fresh Debian 12 machine with Swift:
#   make run    install what running needs, build release, run the demo (gateway between a simulated switch and a SIP peer)
#   make test   install what testing needs (tshark ...), build, run every test
SWIFT ?= swift
# Debian packages: what running needs, and what the tests add (independent oracles).
RUN_PACKAGES  := pkg-config libosip2-dev libsctp-dev libc-ares-dev
# qemu, busybox-static, cpio and osmo-stp: the SCTP tests boot a kernel with SCTP in a VM (Scripts/sctp-vm).
# sip-tester: SIPp, the SIP peer of the gateway tests (Tests/Fixtures/sipp).
# python3-prometheus-client: its parser reads the daemon's GET /metrics in the tests (an independent oracle).
# dnsmasq-base: the DNS server of the ENUM tests (NAPTR records on loopback).
TEST_PACKAGES := $(RUN_PACKAGES) tshark kamailio sip-tester valgrind qemu-system-x86 busybox-static cpio osmo-stp \
                 python3-prometheus-client dnsmasq-base
BIN := .build/release/sipigw

.PHONY: run test build deps-run deps-test bench bench-tshark bench-m3ua-tcp fuzz fuzz-short test-sanitize clean

# The demo: gateway, switch-sim and a SIP peer in one process on loopback; six calls as ladders, then the gateway
# stays up until Ctrl-C (DEMO_ARGS=--once exits after the calls).
run: deps-run build
	$(BIN) demo $(DEMO_ARGS)

# The release binary carries the Swift runtime and Foundation (--static-swift-stdlib): it runs on a host without a
# Swift toolchain, and starts in about 10 ms instead of 16 (no dynamic loading of the Swift libraries).
build:
	$(SWIFT) build -c release --product sipigw --static-swift-stdlib

# The load campaigns (LoadCampaignTests) run alone after the rest: they load the machine on purpose.
test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip LoadCampaignTests
	$(SWIFT) test --skip-build --filter LoadCampaignTests
	$(MAKE) fuzz-short

deps-run:
	@Scripts/apt-install $(RUN_PACKAGES)

deps-test:
	@Scripts/apt-install $(TEST_PACKAGES)

# Benchmarks (not tests): package-benchmark figures, and our CLI against tshark on the same capture.
bench:
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

bench-tshark: deps-test build
	Scripts/bench-vs-tshark.sh

bench-m3ua-tcp: deps-run
	Scripts/bench-m3ua-tcp.sh

# Fuzzing (libFuzzer + ASan/LeakSanitizer, Fuzz/): every harness for FUZZ_SECONDS (default 60) each, findings in
# Fuzz/Findings/; fuzz-short (part of make test) runs each for 20000 executions or 20 s, with a fixed seed.
FUZZ_SECONDS ?= 60
FUZZ_SHORT_RUNS ?= 20000
FUZZ_SHORT_SECONDS ?= 20
fuzz: deps-run
	FUZZ_SECONDS=$(FUZZ_SECONDS) Scripts/fuzz

fuzz-short: deps-run
	FUZZ_RUNS=$(FUZZ_SHORT_RUNS) FUZZ_SECONDS=$(FUZZ_SHORT_SECONDS) Scripts/fuzz

# The whole test suite under AddressSanitizer, then ThreadSanitizer, each in its own build folder (not part of
# make test: two more full builds). SIPIGW_SKIP_SCTP_VM: the VM tests run the plain build. Leaks are checked by
# the fuzzing runs (LeakSanitizer per input) and MemoryTests (valgrind): at exit LeakSanitizer counts Swift's
# lazily initialised globals (NumberingPlan.st769) as leaked, so the binaries the tests start would exit 1.
test-sanitize: deps-test
	SIPIGW_SKIP_SCTP_VM=1 ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan
	@# ThreadSanitizer: every process the tests start (sipigw run, ctl, switch-sim) inherits TSAN_OPTIONS and
	@# writes its reports under .build-tsan/reports; any report fails the target. MemoryTests run valgrind, which
	@# cannot run a TSan binary; LoadCampaignTests measure load, which TSan slows several times over.
	rm -rf .build-tsan/reports && mkdir -p .build-tsan/reports
	SIPIGW_SKIP_SCTP_VM=1 TSAN_OPTIONS=log_path=$(CURDIR)/.build-tsan/reports/tsan $(SWIFT) test --sanitize=thread \
		--scratch-path .build-tsan --skip MemoryTests --skip LoadCampaignTests
	@if [ -n "$$(ls .build-tsan/reports)" ]; then cat .build-tsan/reports/*; exit 1; fi

clean:
	rm -rf .build .build-asan .build-tsan Benchmarks/.build Fuzz/.build

# make test-sctp: the osmo-stp probe through the SCTP VM alone (also part of make test).
include Scripts/sctp.mk
