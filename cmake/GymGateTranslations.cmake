# gymgate_add_translations(<target> TARGETS <t>... TS_FILES <ts>...)
# Runs qt_add_translations on <target> with the C++ sources of all TARGETS (absolute paths),
# and registers the CTest check that the .ts files are complete and up to date.
function(gymgate_add_translations target)
  cmake_parse_arguments(A "" "" "TARGETS;TS_FILES" ${ARGN})
  set(sources "")
  foreach(t IN LISTS A_TARGETS)
    if(NOT TARGET ${t})
      continue()
    endif()
    get_target_property(dir ${t} SOURCE_DIR)
    get_target_property(list ${t} SOURCES)
    foreach(src IN LISTS list)
      if(src MATCHES "\\.(cpp|h)$")
        cmake_path(ABSOLUTE_PATH src BASE_DIRECTORY "${dir}" NORMALIZE OUTPUT_VARIABLE abs)
        list(APPEND sources "${abs}")
      endif()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES sources)
  qt_add_translations(${target}
    TS_FILES ${A_TS_FILES}
    SOURCES ${sources}
    LUPDATE_OPTIONS -no-obsolete -locations none
    RESOURCE_PREFIX /i18n)

  # The test re-runs lupdate on copies of the .ts files: a message missing from them or left
  # unfinished fails it, so a new tr() string cannot land untranslated.
  string(REPLACE ";" "\n" source_lines "${sources}")
  file(WRITE "${CMAKE_BINARY_DIR}/translation_sources.txt" "${source_lines}\n")
  if(GYMGATE_BUILD_TESTS)
    add_test(NAME translations_complete
             COMMAND ${CMAKE_COMMAND} -DLUPDATE=$<TARGET_FILE:Qt6::lupdate>
                     "-DTS_FILES=${A_TS_FILES}" -DSOURCES_FILE=${CMAKE_BINARY_DIR}/translation_sources.txt
                     -DWORK_DIR=${CMAKE_BINARY_DIR}/translation_check -DINCLUDE_DIR=${PROJECT_SOURCE_DIR}/app
                     -P ${PROJECT_SOURCE_DIR}/cmake/CheckTranslations.cmake)
    set_tests_properties(translations_complete PROPERTIES LABELS i18n)
  endif()
endfunction()
