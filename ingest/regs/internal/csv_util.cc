#include "ingest/regs/internal/csv_util.h"

#include <memory>

#include <csv.h>

namespace ecg::ingest::regs_internal {
namespace {

struct State {
  std::vector<Row> rows;
  Row current;
  size_t line = 1;         // line of the bytes being fed
  size_t record_line = 1;  // line where the current record started
  bool in_record = false;
};

void OnField(void* data, size_t len, void* ctx) {
  auto* st = static_cast<State*>(ctx);
  if (!st->in_record) {
    st->in_record = true;
    st->current.line = st->record_line;
  }
  st->current.fields.emplace_back(static_cast<const char*>(data), len);
}

void OnRecord(int /*terminator*/, void* ctx) {
  auto* st = static_cast<State*>(ctx);
  bool blank = st->current.fields.empty() ||
               (st->current.fields.size() == 1 && st->current.fields[0].empty());
  if (!blank) {
    st->rows.push_back(std::move(st->current));
  }
  st->current = Row();
  st->in_record = false;
  // The terminator is the last byte of the line being fed.
  st->record_line = st->line + 1;
}

struct CsvFree {
  void operator()(csv_parser* p) const {
    csv_free(p);
    delete p;
  }
};

}  // namespace

Result<std::vector<Row>> ReadDelimited(std::string_view bytes, char delimiter,
                                       std::string_view file_name) {
  std::unique_ptr<csv_parser, CsvFree> parser(new csv_parser);
  if (csv_init(parser.get(), CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return Status::Internal("libcsv: cannot initialise a parser");
  }
  csv_set_delim(parser.get(), static_cast<unsigned char>(delimiter));
  State st;
  // Feed line by line so that records know where they start.
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    size_t len = (end == std::string_view::npos ? bytes.size() : end + 1) - pos;
    if (csv_parse(parser.get(), bytes.data() + pos, len, OnField, OnRecord, &st) != len) {
      return Status::InvalidArgument(std::string(file_name) + ": line " +
                                     std::to_string(st.record_line) + ": " +
                                     csv_strerror(csv_error(parser.get())));
    }
    // libcsv skips empty lines without a callback.
    std::string_view chunk = bytes.substr(pos, len);
    if ((chunk == "\n" || chunk == "\r\n") && st.record_line == st.line) {
      ++st.record_line;
    }
    pos += len;
    ++st.line;
  }
  if (csv_fini(parser.get(), OnField, OnRecord, &st) != 0) {
    return Status::InvalidArgument(std::string(file_name) + ": line " +
                                   std::to_string(st.record_line) + ": quoted field never closes");
  }
  return std::move(st.rows);
}

}  // namespace ecg::ingest::regs_internal
