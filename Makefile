# Annals — the two quick-start commands are `make demo` and `make test` (see README.md).
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build test demo asan fuzz bench format tidy clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@scripts/demo $(BUILD)/annals

# AddressSanitizer + UndefinedBehaviorSanitizer build of the library and tests (clang).
asan: deps
	CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
	  -DANNALS_SANITIZE=ON -DANNALS_BENCH=OFF -DANNALS_WERROR=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

# Every libFuzzer target for FUZZ_SECONDS each (scripts/fuzz); FUZZ_SEED=0 picks a random seed.
FUZZ_SECONDS ?= 30
FUZZ_SEED ?= 0
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DANNALS_FUZZ=ON -DANNALS_BENCH=OFF -DANNALS_TESTS=OFF -DANNALS_WEB=OFF
	cmake --build build-fuzz -j $(JOBS)
	scripts/fuzz build-fuzz $(FUZZ_SECONDS) $(FUZZ_SEED)

bench: build
	scripts/bench $(BUILD)

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

tidy: build
	git ls-files 'src/*.cc' 'tools/*.cc' | xargs clang-tidy -p $(BUILD) --quiet

clean:
	rm -rf $(BUILD) build-asan build-fuzz
