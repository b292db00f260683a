# Thin wrapper over CMake: `make demo` and `make check` are the two commands of the README.
BUILD ?= build
BUILD_TYPE ?= Debug
CXXFLAGS_EXTRA ?=
JOBS ?= $(shell nproc)

.PHONY: all deps configure build check demo bench install clean

all: build

deps:
	@.ci/install-deps

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DENT110_WARNINGS_AS_ERRORS=ON "-DCMAKE_CXX_FLAGS=$(CXXFLAGS_EXTRA)" >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

check: build
	@ctest --test-dir $(BUILD) --output-on-failure --no-tests=error -j $(JOBS)

demo: build
	@ENT110=$(BUILD)/cli/ent110 examples/demo.sh

bench:
	@$(MAKE) build BUILD=build-release BUILD_TYPE=Release
	@build-release/bench/ent110_bench

install: build
	@cmake --install $(BUILD)

clean:
	@rm -rf $(BUILD)
