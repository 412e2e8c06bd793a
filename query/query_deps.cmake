# Extra link dependencies of ecg_query: ICU for display widths, nlohmann_json
# for the JSON-lines formatter.
target_link_libraries(ecg_query PRIVATE ICU::uc ICU::i18n nlohmann_json::nlohmann_json)

# libFuzzer target for the query front end (cmake -DECG_FUZZ=ON, clang only):
#   build/ecg_query_fuzz -max_total_time=600 tests/query/fuzz_corpus
if(ECG_FUZZ)
  add_executable(ecg_query_fuzz ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/parse_fuzzer.cc)
  target_compile_definitions(ecg_query_fuzz PRIVATE ECG_QUERY_FUZZ_TARGET)
  target_compile_options(ecg_query_fuzz PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(ecg_query_fuzz PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(ecg_query_fuzz PRIVATE ecg_query ecg_store ecg_schema)
endif()
