# fd_add_area(<area> [USES <area>...] [LINKS <target>...] SOURCES <file>...)
#
# Builds one regulation area as the library fd_<area>: its sources, and as resources its
# migrations (resources/sql/<area>/NNN_*.sql) and its policy fragment
# (resources/policy/<area>.json). The area's module function is fd::<area>Module(), which
# src/modules/all_modules.cpp.in calls in the order of FD_AREAS.
#
# USES: areas this one reads when they are built (fd_<used> is linked and
# FD_<AREA>_WITH_<USED> is defined); LINKS: other libraries, privately.
function(fd_add_area area)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "USES;LINKS;SOURCES")
  set(target fd_${area})
  add_library(${target} STATIC ${ARG_SOURCES})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src/modules)
  target_link_libraries(${target} PUBLIC fd_core PRIVATE fd_common_cfg ${ARG_LINKS})
  string(TOUPPER ${area} AREA)
  foreach(used IN LISTS ARG_USES)
    if(TARGET fd_${used})
      string(TOUPPER ${used} USED)
      target_link_libraries(${target} PUBLIC fd_${used})
      target_compile_definitions(${target} PRIVATE FD_${AREA}_WITH_${USED})
    endif()
  endforeach()
  file(GLOB migrations CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/resources/sql/${area}/*.sql)
  set(resources ${migrations})
  if(EXISTS ${PROJECT_SOURCE_DIR}/resources/policy/${area}.json)
    list(APPEND resources ${PROJECT_SOURCE_DIR}/resources/policy/${area}.json)
  endif()
  if(resources)
    qt_add_resources(${target} ${target}_resources
      PREFIX /
      BASE ${PROJECT_SOURCE_DIR}/resources
      FILES ${resources})
  endif()
endfunction()
