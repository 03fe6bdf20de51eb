# spfkit: build, test, install, bench, lint, clean.
SWIFT ?= swift
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
RELEASE_BIN = .build/release

.PHONY: build debug test install bench lint format clean

## build: the release binary at .build/release/spfkit (the default target)
build:
	$(SWIFT) build -c release --product spfkit

## debug: a debug build of every target
debug:
	$(SWIFT) build

# Tests that assert in-process time bounds run alone: on a 2-core machine the other tests would hold
# the cooperative threads their awaits resume on, and the bounds would measure the queue, not the code.
TIMING_TESTS = SocketResolverTimeoutTests

## test: build everything, then run the whole test suite (unit, CLI, conformance, integration)
test:
	$(SWIFT) build
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
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

## format: rewrite sources in place with the committed .swift-format
format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

clean:
	rm -rf .build
