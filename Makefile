# f5tts-c top-level driver. CMake does the building; this file knows the
# build directories and the order of things.
#   make          build build/f5tts and libf5tts (Release)
#   make test     install what is missing, build, run every test (ctest),
#                 the ASan+UBSan unit tests (clang) and the bounded fuzz runs
#   make test-tsan  ThreadSanitizer build (clang, build-tsan) and the threaded
#                 tests under it: core/kernels/pipeline/service unit tests and
#                 the DiT/Vocos thread tests (~30 s). With
#                 TSAN_TESTS='$(TSAN_ALL)' it adds the service API and load
#                 tests (4-6 min). Fails on any report, including those of the
#                 `f5tts serve` children (kept in build-tsan/tsan-reports/).
#   make run      install, build, and start the service on its defaults
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
TSAN_BUILD ?= build-tsan
TSAN_UNIT = ^((core|kernels|pipeline)/|model/test_(dit|vocos)$$|service/test_)
TSAN_ALL = ^((core|kernels|pipeline)/|model/test_(dit|vocos)$$|service/(test_|api$$|load$$))
TSAN_TESTS ?= $(TSAN_UNIT)
FUZZ_SECONDS ?= 15
CMAKE_FLAGS ?=

.PHONY: all deps deps-run build test test-unit test-asan test-tsan test-fuzz run clean bench

all: build

deps:
	@scripts/install-deps.sh

deps-run:
	@scripts/install-deps.sh run

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

test-tsan: TSAN_REPORTS = $(abspath $(TSAN_BUILD))/tsan-reports
test-tsan:
	@CC=clang cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DF5_TSAN=ON >/dev/null
	@cmake --build $(TSAN_BUILD) -j $(JOBS)
	@rm -rf $(TSAN_REPORTS) && mkdir -p $(TSAN_REPORTS)
	@cd $(TSAN_BUILD) && TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 \
	  suppressions=$(CURDIR)/tests/tsan.supp log_path=$(TSAN_REPORTS)/report" \
	  ctest --output-on-failure -j $(JOBS) -R '$(TSAN_TESTS)'; rc=$$?; \
	  if ls $(TSAN_REPORTS)/report.* >/dev/null 2>&1; then cat $(TSAN_REPORTS)/report.*; \
	    echo "test-tsan: ThreadSanitizer reports above (kept in $(TSAN_REPORTS))"; exit 1; fi; exit $$rc

test-fuzz:
	@CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DF5_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/run-fuzz.sh $(FUZZ_BUILD)

run: deps-run build
	@scripts/run-service.sh

bench: build
	@$(BUILD)/f5tts bench --preset v1_base --random-weights --ref-seconds 5 --gen-seconds 10 --nfe 32

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)
