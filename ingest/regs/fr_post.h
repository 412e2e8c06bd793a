// Parser for the Federal Register posts in fr_metadata_deepseek_news/_posts:
// YAML front matter (title, item_id "federal_register:<document number>",
// original_published = the FR date) plus a "## Summary" section holding the
// FR API abstract verbatim. Pure: bytes in, FrDocument out. Thread-safe.
#ifndef ECG_INGEST_REGS_FR_POST_H_
#define ECG_INGEST_REGS_FR_POST_H_

#include <string_view>

#include "ingest/regs/fr_document.h"
#include "schema/result.h"

namespace ecg::ingest {

// Parses one post. `file_name` is used in error messages and recorded in
// FrDocument::source_files. The publication date is `original_published`
// (the front matter `date` is the blog's own time and is ignored). The
// abstract is typography-cleaned and analysed with AnalyzeFrText; `action` is
// taken from the abstract's own words ("In this final rule" -> "Final rule")
// when it says so.
// Errors (InvalidArgument, naming the file and line): no front matter, YAML
// syntax errors (with the YAML line and column), an item_id that is not
// "federal_register:<number>", a missing title, an unparsable date.
Result<FrDocument> ParseFrPost(std::string_view bytes, std::string_view file_name);

// True when `bytes` start with YAML front matter whose item_id names a
// Federal Register document. Cheap; used by format detection.
bool LooksLikeFrPost(std::string_view bytes);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_REGS_FR_POST_H_
