# f5tts-c top-level driver. CMake does the building; this file knows the
# build directories and the order of things.
#   make          build build/f5tts and libf5tts (Release)
#   make test     install what is missing, build, run every test (ctest),
#                 the ASan+UBSan unit tests (clang) and the bounded fuzz runs
#   make run      install, build, and start the service on its defaults
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 15
CMAKE_FLAGS ?=

.PHONY: all deps build test test-unit test-asan test-fuzz run clean bench

all: build

deps:
	@scripts/install-deps.sh

build:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test: deps
	@scripts/run-tests.sh

test-unit: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan:
	@CC=clang cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DF5_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -R '^(core|model|kernels|audio|text|pipeline)/'

test-fuzz:
	@CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DF5_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/run-fuzz.sh $(FUZZ_BUILD)

run: deps build
	@scripts/run-service.sh

bench: build
	@$(BUILD)/f5tts bench --preset v1_base --random-weights --ref-seconds 5 --gen-seconds 10 --nfe 32

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
