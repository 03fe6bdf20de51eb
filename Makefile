# spfkit: build, test, install, bench, lint, clean.
SWIFT ?= swift
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
RELEASE_BIN = .build/release

.PHONY: build debug test test-debug install bench lint format clean fuzz fuzz-smoke sanitize

## build: the release binary at .build/release/spfkit (the default target)
build:
	$(SWIFT) build -c release --product spfkit

## debug: a debug build of every target
debug:
	$(SWIFT) build

# Tests that assert in-process time bounds run alone: on a 2-core machine the other tests would hold
# the cooperative threads their awaits resume on, and the bounds would measure the queue, not the code.
TIMING_TESTS = SocketResolverTimeoutTests

# The suite is built optimized, as users get the library, in a scratch folder of its own: the testable
# build (-enable-testing) must not replace the release binary that `make` built and `make install` copies.
TEST_SCRATCH = .build-test
SWIFT_TEST = SPFKIT_BIN="$(CURDIR)/$(RELEASE_BIN)/spfkit" \
	$(SWIFT) test -c release -Xswiftc -enable-testing --scratch-path $(TEST_SCRATCH)

## test: the release binary, then the whole suite built optimized; CLI tests run that release binary
test: build
	$(SWIFT_TEST) --parallel --skip '$(TIMING_TESTS)'
	$(SWIFT_TEST) --filter '$(TIMING_TESTS)'

## test-debug: the whole suite in a debug build, against the debug binary (quicker to rebuild)
test-debug: debug
	$(SWIFT) test --parallel --skip '$(TIMING_TESTS)'
	$(SWIFT) test --filter '$(TIMING_TESTS)'

## install: copy the release binary to $(BINDIR)
install: build
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 0755 $(RELEASE_BIN)/spfkit "$(DESTDIR)$(BINDIR)/spfkit"

## bench: release benchmarks (figures printed, never asserted)
bench:
	$(SWIFT) build -c release --product spfkit-bench
	$(SWIFT) build -c release --product spfkit
	$(RELEASE_BIN)/spfkit-bench all

## lint: check formatting against the committed .swift-format
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Fuzz

## format: rewrite sources in place with the committed .swift-format
format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Fuzz

## fuzz: build the libFuzzer targets (record, zone, dns) in .build-fuzz and run each for FUZZ_SECONDS
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run

## fuzz-smoke: every fuzz target for 30 seconds from a fixed seed (what CI runs)
fuzz-smoke:
	FUZZ_SECONDS=30 FUZZ_SEED=1 Fuzz/run

# The suites that run tasks, threads and sockets at once (DNS, resolution, evaluation, and the CLI
# runs that resolve or read a zone on a thread): ThreadSanitizer, with the instrumented spfkit as
# the binary under test. The rest runs under AddressSanitizer. Left out of both: the timing tests
# (the sanitizers slow them past their bounds), PreCommitTests (it builds a release binary of a
# throwaway commit, which no sanitizer instruments: minutes for nothing) and BinaryUnderTestTests
# (it requires the release binary that `make test` runs; here the binary is instrumented on purpose).
TSAN_TESTS = PolicyResolver|CachingResolver|SocketResolverTests|CheckHost|InMemoryResolver|LayeredResolver|PolicyFlattener|DNSServer|DNSRuleExample|ResolvedLookupRules|LintDomain|CheckCommand|FlattenCommand|HeloCommand|DraftZone|LintZone
SANITIZER_SKIP = $(TIMING_TESTS)|PreCommitTests|BinaryUnderTestTests

## sanitize: the concurrency suites under ThreadSanitizer, the rest under AddressSanitizer; any report fails
sanitize:
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 SPFKIT_BIN=$(CURDIR)/.build-tsan/debug/spfkit \
	  $(SWIFT) test --sanitize=thread --scratch-path .build-tsan --filter '$(TSAN_TESTS)' --skip '$(SANITIZER_SKIP)'
	ASAN_OPTIONS=halt_on_error=1:exitcode=67:detect_leaks=0 SPFKIT_BIN=$(CURDIR)/.build-asan/debug/spfkit \
	  $(SWIFT) test --sanitize=address --scratch-path .build-asan --parallel --skip '$(TSAN_TESTS)|$(SANITIZER_SKIP)'

clean:
	rm -rf .build $(TEST_SCRATCH)
