# Extra link dependencies of ecg_query: ICU for display widths, nlohmann_json
# for the JSON-lines formatter.
target_link_libraries(ecg_query PRIVATE ICU::uc ICU::i18n nlohmann_json::nlohmann_json)
