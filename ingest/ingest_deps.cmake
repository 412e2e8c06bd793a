# Extra dependencies of ecg_ingest, included at the end of ingest/CMakeLists.txt.
# Owned by the text pipeline (ingest/text).

# libcsv (Debian libcsv-dev) has no CMake or pkg-config file.
find_path(ECG_CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(ECG_CSV_LIBRARY csv REQUIRED)
target_include_directories(ecg_ingest PRIVATE ${ECG_CSV_INCLUDE_DIR})
target_link_libraries(ecg_ingest PRIVATE ${ECG_CSV_LIBRARY})

# Build-time generators live in ingest/text/gen/ and are not library sources
# (the glob in ingest/CMakeLists.txt picks them up, so take them out again).
get_target_property(ECG_INGEST_ALL_SOURCES ecg_ingest SOURCES)
list(FILTER ECG_INGEST_ALL_SOURCES EXCLUDE REGEX "/ingest/text/gen/")
set_property(TARGET ecg_ingest PROPERTY SOURCES ${ECG_INGEST_ALL_SOURCES})

# The pinyin reading table, generated from Debian's unicode-data Unihan file.
# Nothing under /usr/share is read at run time, and the table is never committed.
set(ECG_UNIHAN_READINGS "/usr/share/unicode/Unihan_Readings.txt.bz2"
    CACHE FILEPATH "Unihan_Readings.txt.bz2 (Debian package unicode-data)")
if(NOT EXISTS "${ECG_UNIHAN_READINGS}")
  message(FATAL_ERROR "${ECG_UNIHAN_READINGS} not found: install unicode-data or set "
                      "ECG_UNIHAN_READINGS")
endif()
find_program(ECG_BZIP2 bzip2 REQUIRED)
add_executable(ecg_unihan_pinyin_gen ${CMAKE_CURRENT_SOURCE_DIR}/text/gen/unihan_pinyin_gen.cc)
target_link_libraries(ecg_unihan_pinyin_gen PRIVATE ICU::uc ICU::i18n ICU::data)
set(ECG_PINYIN_TABLE_CC ${CMAKE_CURRENT_BINARY_DIR}/generated/pinyin_table.cc)
add_custom_command(
  OUTPUT ${ECG_PINYIN_TABLE_CC}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/generated
  COMMAND sh -c "'${ECG_BZIP2}' -dc '${ECG_UNIHAN_READINGS}' | '$<TARGET_FILE:ecg_unihan_pinyin_gen>' > '${ECG_PINYIN_TABLE_CC}.tmp'"
  COMMAND ${CMAKE_COMMAND} -E rename ${ECG_PINYIN_TABLE_CC}.tmp ${ECG_PINYIN_TABLE_CC}
  DEPENDS ecg_unihan_pinyin_gen ${ECG_UNIHAN_READINGS}
  COMMENT "Generating the pinyin table from Unihan_Readings"
  VERBATIM)
target_sources(ecg_ingest PRIVATE ${ECG_PINYIN_TABLE_CC})

# The curated alias file the project ships (ingest/data/aliases.csv). Programs
# get its installed path at run time; tests use the source copy.
target_compile_definitions(ecg_ingest
  INTERFACE ECG_ALIAS_FILE="${CMAKE_CURRENT_SOURCE_DIR}/data/aliases.csv")
install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/data/aliases.csv DESTINATION share/ecgraph)
