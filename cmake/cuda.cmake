# CUDA backend (src/kernels/cuda/*.cu ${CMAKE_SOURCE_DIR}/src/kernels/cuda/*.c). F5_CUDA=AUTO builds it when nvcc is
# found (sanitizer and fuzz builds excepted: the CUDA runtime is not made
# for them), ON requires it, OFF leaves it out; without it
# src/kernels/nocuda/ provides the same entry points, which fail with
# "built without CUDA". F5_CUDA_ARCHS picks the GPU architectures
# (default 75;80;89;90: T4, A100, L4/A10-class Ada, H100/H200).
string(TOUPPER "${F5_CUDA}" F5_CUDA_MODE)
if(F5_CUDA_MODE STREQUAL "TRUE" OR F5_CUDA_MODE STREQUAL "1" OR F5_CUDA_MODE STREQUAL "YES")
  set(F5_CUDA_MODE ON)
elseif(F5_CUDA_MODE STREQUAL "FALSE" OR F5_CUDA_MODE STREQUAL "0" OR F5_CUDA_MODE STREQUAL "NO")
  set(F5_CUDA_MODE OFF)
endif()
if(NOT F5_CUDA_MODE MATCHES "^(AUTO|ON|OFF)$")
  message(FATAL_ERROR "F5_CUDA must be AUTO, ON or OFF (got '${F5_CUDA}')")
endif()
set(F5_CUDA_ARCHS "75;80;89;90" CACHE STRING "CUDA architectures of the CUDA backend")

set(F5_HAVE_CUDA OFF)
if(F5_CUDA_MODE STREQUAL "AUTO" AND (F5_SANITIZE OR F5_TSAN OR F5_FUZZ))
  message(STATUS "CUDA backend: off (AUTO skips sanitizer/fuzz builds; -DF5_CUDA=ON forces it)")
elseif(NOT F5_CUDA_MODE STREQUAL "OFF")
  if(NOT CMAKE_CUDA_COMPILER)
    find_program(F5_NVCC nvcc HINTS $ENV{CUDA_HOME}/bin $ENV{CUDA_PATH}/bin /usr/local/cuda/bin)
    if(F5_NVCC)
      set(CMAKE_CUDA_COMPILER ${F5_NVCC})
    endif()
  endif()
  if(CMAKE_CUDA_COMPILER)
    set(CMAKE_CUDA_ARCHITECTURES ${F5_CUDA_ARCHS})
    enable_language(CUDA)
    find_package(CUDAToolkit)
  endif()
  if(CMAKE_CUDA_COMPILER AND CUDAToolkit_FOUND AND TARGET CUDA::cublasLt)
    set(F5_HAVE_CUDA ON)
  elseif(F5_CUDA_MODE STREQUAL "ON")
    message(FATAL_ERROR "F5_CUDA=ON but nvcc, the CUDA runtime or cuBLASLt was not found")
  else()
    message(STATUS "CUDA backend: off (nvcc or cuBLASLt not found)")
  endif()
endif()

if(F5_HAVE_CUDA)
  message(STATUS "CUDA backend: on (nvcc ${CMAKE_CUDA_COMPILER_VERSION}, archs ${F5_CUDA_ARCHS})")
  file(GLOB F5_CUDA_SRCS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/kernels/cuda/*.cu ${CMAKE_SOURCE_DIR}/src/kernels/cuda/*.c)
  target_sources(f5_kernels PRIVATE ${F5_CUDA_SRCS})
  # targets made before CUDA was enabled need the architectures too
  get_property(f5_targets DIRECTORY ${CMAKE_SOURCE_DIR} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(t ${f5_targets})
    set_target_properties(${t} PROPERTIES CUDA_ARCHITECTURES "${F5_CUDA_ARCHS}")
  endforeach()
  set_target_properties(f5_kernels PROPERTIES CUDA_STANDARD 17 CUDA_STANDARD_REQUIRED ON)
  # -Werror equivalent for device and host code: every warning nvcc or the
  # host compiler gives fails the build.
  target_compile_options(f5_kernels PRIVATE
    $<$<COMPILE_LANGUAGE:CUDA>:-Werror=all-warnings -Xcompiler=-Wall,-Wextra,-Wno-unused-parameter,-Werror -O3>)
  target_link_libraries(f5_kernels PUBLIC CUDA::cudart CUDA::cublasLt)
  target_link_libraries(f5tts PRIVATE CUDA::cudart CUDA::cublasLt)
  set_target_properties(f5_kernels PROPERTIES CUDA_SEPARABLE_COMPILATION OFF)
else()
  file(GLOB F5_NOCUDA_SRCS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/kernels/nocuda/*.c)
  target_sources(f5_kernels PRIVATE ${F5_NOCUDA_SRCS})
endif()
