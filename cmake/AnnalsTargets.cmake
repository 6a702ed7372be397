# Shared per-target settings and helpers for tests, fuzzers and benchmarks.

# Warnings and sanitizer flags, applied per target (never globally).
function(annals_target_settings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers)
  if(ANNALS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(ANNALS_SANITIZE)
    target_compile_options(${target} PUBLIC -fsanitize=address,undefined -fno-omit-frame-pointer
                                            -fno-sanitize-recover=undefined)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
  if(ANNALS_FUZZ)
    target_compile_options(${target} PUBLIC -fsanitize=fuzzer-no-link,address,undefined)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()

# annals_add_test(name src...): a GoogleTest executable registered with ctest. Tests run from the
# source root so golden files are found as src/<component>/testdata/...; ANNALS_SHARED points at
# ../shared (tests that need it skip, saying so, when it is absent).
function(annals_add_test name)
  if(NOT ANNALS_TESTS)
    return()
  endif()
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE annals GTest::gtest GTest::gtest_main GTest::gmock)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  annals_target_settings(${name})
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "ANNALS_SHARED=${PROJECT_SOURCE_DIR}/../shared;ANNALS_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()

# annals_add_fuzzer(name src): a libFuzzer target, built only with -DANNALS_FUZZ=ON (clang).
function(annals_add_fuzzer name src)
  if(ANNALS_FUZZ)
    add_executable(${name} ${src})
    target_link_libraries(${name} PRIVATE annals)
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    annals_target_settings(${name})
    set_property(GLOBAL APPEND PROPERTY ANNALS_FUZZERS ${name})
  endif()
endfunction()

# annals_add_benchmark(name src...): a Google Benchmark executable (not run by ctest).
function(annals_add_benchmark name)
  if(ANNALS_BENCH)
    add_executable(${name} ${ARGN})
    target_link_libraries(${name} PRIVATE annals benchmark::benchmark benchmark::benchmark_main)
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
    annals_target_settings(${name})
  endif()
endfunction()

# annals_component(): the conventional component directory. Every *.cc that is not a *_test.cc goes
# into the `annals` library; every *_test.cc becomes a ctest test of the same name. Adding a file
# needs no CMake edit (re-run cmake, or let CONFIGURE_DEPENDS notice).
function(annals_component)
  file(GLOB all_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  foreach(src ${all_sources})
    if(src MATCHES "_test\\.cc$")
      get_filename_component(name ${src} NAME_WE)
      annals_add_test(${name} ${src})
    else()
      target_sources(annals PRIVATE ${src})
    endif()
  endforeach()
endfunction()
