# ociruntime: `make` builds artifacts/ociruntime, `make demo` runs a container, `make test` runs every test.
SHELL := /bin/bash
ARTIFACTS := artifacts
BINARY := $(ARTIFACTS)/ociruntime
BUNDLE := bundles/busybox
DOTNET ?= dotnet
SOURCES := $(shell find src -name '*.cs' -o -name '*.csproj' -o -name '*.c' -o -name '*.h' | grep -v '/obj/\|/bin/')

all: $(BINARY)

# Build prerequisites from Debian when they are missing (CI runs as root on a clean machine).
deps:
	@./tests/setup-deps.sh

$(BINARY): $(SOURCES) | deps
	$(DOTNET) publish src/OciRuntime.Cli -c Release -o $(ARTIFACTS) --nologo -v quiet -p:DebugType=none
	@rm -f $(ARTIFACTS)/*.dbg

bundle: | deps
	@./bundles/make-rootfs.sh $(BUNDLE)/rootfs

demo: $(BINARY) bundle
	@echo "--- ociruntime run -b $(BUNDLE) demo-$$$$ ---"
	@$(BINARY) run -b $(BUNDLE) demo-$$$$

test: $(BINARY) bundle
	@./tests/run-all.sh

# The cgroup-related integration tests on a pure cgroup v2 kernel, in a qemu VM (tests/vm; needs root).
test-v2: $(BINARY) bundle
	$(DOTNET) build tests/OciRuntime.IntegrationTests --nologo -v quiet
	@./tests/vm/test-v2.sh

bench: $(BINARY) bundle
	@./bench/bench.sh

clean:
	rm -rf $(ARTIFACTS) src/*/bin src/*/obj tests/*/bin tests/*/obj src/OciRuntime.Cli/native/build $(BUNDLE)/rootfs

.PHONY: all deps bundle demo test test-v2 bench clean
