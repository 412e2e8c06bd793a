// Loader for the curated technology mapping the project ships in
// ingest/data/technologies.csv (products and techniques with Chinese names,
// ECCNs, makers and a source note per row; the file's comment block documents
// the columns). Pure; thread-safe.
#ifndef ECG_INGEST_REGS_TECHNOLOGIES_H_
#define ECG_INGEST_REGS_TECHNOLOGIES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"

namespace ecg::ingest {

struct Technology {
  std::string code;                   // "H100", "EUV_LITHO"
  std::string name;                   // "NVIDIA H100"
  std::vector<std::string> name_zh;   // "EUV光刻机", "极紫外光刻机"; first is preferred
  std::vector<std::string> aliases;   // other spellings, any script
  std::vector<std::string> eccns;     // "3A090.a", "4A090.a"
  std::vector<std::string> makers;    // "NVIDIA"
  std::vector<std::string> maker_zh;  // "英伟达"; same order as makers, or empty
  std::string source_note;
  size_t line = 0;  // 1-based line in the file
};

// The header every technologies file starts with (after '#' comment lines).
inline constexpr std::string_view kTechnologiesHeader =
    "code,name,name_zh,aliases,eccns,makers,maker_zh,source_note";

// Parses the mapping. Lines starting with '#' are comments; multi-valued
// cells are '|'-separated. Errors (InvalidArgument "<file>: line N: ..."):
// a wrong header, a row without 8 fields, an empty code or name, a duplicate
// code, an ECCN that is not "<d><A-E><ddd>[.x...]", maker_zh whose count
// differs from makers, an empty source note, invalid UTF-8.
Result<std::vector<Technology>> LoadTechnologies(std::string_view bytes,
                                                 std::string_view file_name);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_TECHNOLOGIES_H_
