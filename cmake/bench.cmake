# Kernel micro-benchmarks (bench/*.c, one executable each; not tests).
# Run e.g. build/bench_kernels --threads 2 --frames 1406.
file(GLOB F5_BENCH_SRCS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/bench/*.c)
foreach(src ${F5_BENCH_SRCS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_include_directories(${name} PRIVATE ${F5_INC})
  target_link_libraries(${name} PRIVATE ${F5_ENGINE_LIBS} ${OPENBLAS_LIB})
  if(name STREQUAL "bench_obs")
    target_link_libraries(${name} PRIVATE f5_service) # metrics + tracing cost (service/obs)
  endif()
endforeach()
