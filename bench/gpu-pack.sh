#!/usr/bin/env bash
# gpu-pack.sh - run HERE (the development machine, no GPU needed) before
# bench/gpu-check.sh runs on a GPU machine. That machine has nvcc and the
# CUDA libraries but none of our Debian dependencies (jansson, sndfile,
# oneDNN, ...) and no network, so the engine is built here with the CUDA
# backend and packed with everything it links except the CUDA libraries
# and the driver (taken from the GPU machine): the binaries, their shared
# libraries, this machine's dynamic loader (so this glibc travels too) and
# the DiT/sampler golden cases. Output: .gpu/ (ignored by git), to be
# carried: run(command="bench/gpu-check.sh", carry=[".gpu"]).
#   BUILD=build-gpu  F5_CUDA_ARCHS="80;89;90"  GOLDEN=../shared/golden
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-gpu}
ARCHS=${F5_CUDA_ARCHS:-80;89;90}
GOLDEN=${GOLDEN:-../shared/golden}
OUTD=.gpu
EXCL=$(git rev-parse --git-path info/exclude)
grep -qxF '/.gpu/' "$EXCL" 2>/dev/null || echo '/.gpu/' >>"$EXCL"
echo "gpu-pack: building with CUDA (archs $ARCHS) in $BUILD"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DF5_CUDA=ON "-DF5_CUDA_ARCHS=$ARCHS" >/dev/null
BINS=(f5tts_cli unit_kernels_test_cuda unit_kernels_test_backend_mem unit_pipeline_test_device unit_kernels_test_colmm)
cmake --build "$BUILD" -j "${JOBS:-$(nproc)}" --target "${BINS[@]}"
rm -rf "$OUTD" && mkdir -p "$OUTD/pack/bin" "$OUTD/pack/lib"
cp "$BUILD/f5tts" "$BUILD/unit_kernels_test_cuda" "$BUILD/unit_kernels_test_backend_mem" \
   "$BUILD/unit_pipeline_test_device" "$BUILD/unit_kernels_test_colmm" "$OUTD/pack/bin/"
# shared libraries: everything but the CUDA runtime libraries and the driver
for b in "$OUTD"/pack/bin/*; do ldd "$b"; done | awk '/=> \//{print $3} /^\t\/lib/{print $1}' | sort -u |
  while read -r lib; do
    case "$(basename "$lib")" in
      libcuda.so*|libcudart.so*|libcublas*.so*|libnvidia*) continue ;;
    esac
    cp -L "$lib" "$OUTD/pack/lib/"
  done
cp -L /lib64/ld-linux-x86-64.so.2 "$OUTD/pack/lib/" 2>/dev/null || cp -L "$(ldd "$BUILD/f5tts" | awk '/ld-linux/{print $1}')" "$OUTD/pack/lib/"
# the golden cases the CUDA backend runs (DiT and sampler) + the manifest
mkdir -p "$OUTD/pack/golden"
cp "$GOLDEN/manifest.json" "$OUTD/pack/golden/"
for d in "$GOLDEN"/dit_* "$GOLDEN"/sample_*; do [ -d "$d" ] && cp -r "$d" "$OUTD/pack/golden/"; done
git rev-parse --short HEAD >"$OUTD/pack/REVISION"
tar -C "$OUTD" -cf - pack | xz -T0 -6 >"$OUTD/f5-gpu.tar.xz"
rm -rf "$OUTD/pack"
ls -la "$OUTD"
echo "gpu-pack: done; now run on the GPU machine: bench/gpu-check.sh (carry .gpu)"
