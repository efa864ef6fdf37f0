# Unit tests: every tests/unit/<module>/test_*.c is one executable and one
# ctest test, linked against the whole engine (and the service for
# tests/unit/service). Tests find the golden data through F5_GOLDEN_DIR.
if(DEFINED ENV{F5_GOLDEN_DIR})
  set(F5_GOLDEN_DIR $ENV{F5_GOLDEN_DIR})
else()
  get_filename_component(F5_GOLDEN_DIR ${CMAKE_SOURCE_DIR}/../shared/golden ABSOLUTE)
endif()

file(GLOB F5_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/*/test_*.c)
foreach(src ${F5_UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  get_filename_component(dir ${src} DIRECTORY)
  get_filename_component(mod ${dir} NAME)
  set(tgt unit_${mod}_${name})
  add_executable(${tgt} ${src})
  target_include_directories(${tgt} PRIVATE ${F5_INC} ${CMAKE_SOURCE_DIR}/tests/unit)
  if(mod STREQUAL "service")
    target_link_libraries(${tgt} PRIVATE f5_service ${F5_ENGINE_LIBS})
  else()
    target_link_libraries(${tgt} PRIVATE ${F5_ENGINE_LIBS})
  endif()
  add_test(NAME ${mod}/${name} COMMAND ${tgt})
  set_tests_properties(${mod}/${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600
    ENVIRONMENT "F5_GOLDEN_DIR=${F5_GOLDEN_DIR};F5_BUILD_DIR=${CMAKE_BINARY_DIR};F5_SOURCE_DIR=${CMAKE_SOURCE_DIR};F5_BIN=$<TARGET_FILE:f5tts_cli>")
endforeach()
# Regenerates and hashes the full-size release tables (337 M values): 20 s
# in Release, ~330 s of CPU under ASan+UBSan on a 2-core Zen 3.
set_tests_properties(model/test_procedural PROPERTIES TIMEOUT 1200)

# The public header must compile as plain C (and C++ would be nice, but the
# project is C only): a C file that includes nothing else.
add_library(header_c_check OBJECT ${CMAKE_SOURCE_DIR}/tests/unit/header_check.c)
target_include_directories(header_c_check PRIVATE ${CMAKE_SOURCE_DIR}/include)
target_compile_options(header_c_check PRIVATE -std=c99 -pedantic)

# Golden: the whole shared set through the CLI (skips when absent, fails under CI=true).
add_test(NAME golden/shared COMMAND ${CMAKE_SOURCE_DIR}/tests/golden/run_golden.sh $<TARGET_FILE:f5tts_cli> ${F5_GOLDEN_DIR})
set_tests_properties(golden/shared PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1200 LABELS golden)

# Shell/Node-driven tests: tests/golden/*.test.sh, tests/service/*.test.sh (each one ctest test).
file(GLOB F5_SCRIPT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/*/*.test.sh)
foreach(script ${F5_SCRIPT_TESTS})
  get_filename_component(name ${script} NAME_WE)
  get_filename_component(dir ${script} DIRECTORY)
  get_filename_component(mod ${dir} NAME)
  add_test(NAME ${mod}/${name} COMMAND bash ${script})
  set_tests_properties(${mod}/${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900
    ENVIRONMENT "F5_GOLDEN_DIR=${F5_GOLDEN_DIR};F5_BUILD_DIR=${CMAKE_BINARY_DIR};F5_SOURCE_DIR=${CMAKE_SOURCE_DIR};F5_BIN=$<TARGET_FILE:f5tts_cli>")
endforeach()

# A CUDA build links cuBLASLt (~540 MB): valgrind reads it at every start
# (about 30 s instead of 2 s per run here), so the valgrind test needs longer.
if(F5_HAVE_CUDA AND TEST golden/valgrind)
  set_tests_properties(golden/valgrind PROPERTIES TIMEOUT 2400)
endif()
