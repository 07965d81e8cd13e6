# Molt.cmake — helpers shared by every directory's CMakeLists.txt.

# Flags for everything built for the host (compiler, host runtime, tests).
add_library(molt_host_flags INTERFACE)
target_compile_options(molt_host_flags INTERFACE
  -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -fno-exceptions -fno-rtti)
if(MOLT_SANITIZE)
  target_compile_options(molt_host_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(molt_host_flags INTERFACE -fsanitize=address,undefined)
endif()

# molt_stage_library(NAME dir_name DEPS ...): the library for one stage
# directory, from every .cc in it except *_test.cc and *_fuzz.cc.
function(molt_stage_library name)
  cmake_parse_arguments(ARG "" "" "DEPS;SOURCES" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  list(FILTER srcs EXCLUDE REGEX "(_(test|fuzz)|/main)\\.cc$")
  if(NOT srcs AND NOT ARG_SOURCES)
    # A stage with no code yet: an interface library keeps the graph intact.
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${CMAKE_SOURCE_DIR}/compiler)
    target_link_libraries(${name} INTERFACE molt_host_flags ${ARG_DEPS})
    return()
  endif()
  add_library(${name} STATIC ${srcs} ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR}/compiler)
  target_link_libraries(${name} PUBLIC molt_host_flags ${ARG_DEPS})
endfunction()

# molt_unit_tests(NAME DEPS ...): one GoogleTest binary from every *_test.cc
# in the current directory, registered with ctest under the label "unit".
function(molt_unit_tests name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  if(NOT srcs)
    return()
  endif()
  add_executable(${name} ${srcs})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest_main)
  add_test(NAME unit/${name} COMMAND ${name} --gtest_brief=1)
  set_tests_properties(unit/${name} PROPERTIES LABELS unit)
endfunction()
