#include "ingest/lists/csv_reader.h"

#include <csv.h>

#include "ingest/lists/list_util.h"

namespace ecg::ingest::lists {
namespace {

// libcsv's parser states (libcsv.c): between rows, and inside a field.
constexpr int kRowNotBegun = 0;
constexpr int kFieldBegun = 2;

struct ReadState {
  std::vector<CsvRecord> records;
  CsvRecord current;
  bool open = false;       // a record has started (fields seen or bytes fed)
  uint64_t line = 0;       // line where the open record started
  uint64_t offset = 0;     // offset where the open record started
  size_t max_records = 0;  // 0 = no limit
};

void OnField(void* field, size_t len, void* data) {
  auto* st = static_cast<ReadState*>(data);
  st->current.fields.emplace_back(field == nullptr ? "" : static_cast<const char*>(field), len);
}

void OnRecordEnd(int /*terminator*/, void* data) {
  auto* st = static_cast<ReadState*>(data);
  st->current.line = st->line;
  st->current.offset = st->offset;
  st->records.push_back(std::move(st->current));
  st->current = CsvRecord();
  st->open = false;
}

// Owns a csv_parser and frees its buffer on every path.
class CsvParser {
 public:
  explicit CsvParser(unsigned char options) { ok_ = csv_init(&p_, options) == 0; }
  ~CsvParser() { csv_free(&p_); }
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;
  bool ok() const { return ok_; }
  csv_parser* get() { return &p_; }

 private:
  csv_parser p_{};
  bool ok_ = false;
};

}  // namespace

Result<std::vector<CsvRecord>> ReadCsv(std::string_view bytes, std::string_view file_label) {
  CsvParser parser(0);
  if (!parser.ok()) {
    return Status::Internal("libcsv: cannot initialise a parser");
  }
  ReadState st;
  // Feed one physical line at a time so that each record knows the line and
  // offset where it starts: a record starts on a line fed while libcsv is
  // between rows.
  uint64_t line_no = 0;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? bytes.size() : nl + 1;
    ++line_no;
    if (parser.get()->pstate == kRowNotBegun && !st.open) {
      st.line = line_no;
      st.offset = pos;
    }
    const size_t n = end - pos;
    const size_t done = csv_parse(parser.get(), bytes.data() + pos, n, OnField, OnRecordEnd, &st);
    if (done != n) {
      return Status::InvalidArgument(Where(file_label, line_no, pos + done) +
                                     ": CSV error: " + csv_strerror(csv_error(parser.get())));
    }
    if (parser.get()->pstate != kRowNotBegun) {
      st.open = true;
    }
    pos = end;
  }
  // A quoted field still open at the end means the file was cut inside it.
  // libcsv hands the partial record over at csv_fini; mark it for quarantine.
  const bool quoted_open = parser.get()->quoted != 0 && parser.get()->pstate == kFieldBegun;
  const size_t before_fini = st.records.size();
  csv_fini(parser.get(), OnField, OnRecordEnd, &st);
  if (st.records.size() > before_fini) {
    st.records.back().at_eof_without_newline = true;
  }
  if (quoted_open && !st.records.empty()) {
    st.records.back().unterminated = true;
  }
  return std::move(st.records);
}

std::vector<std::string> ReadCsvHeader(std::string_view bytes) {
  bytes = StripBom(bytes);
  // The header is the first line unless it holds a quoted newline; 64 KiB is plenty.
  std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 64 * 1024));
  CsvParser parser(0);
  if (!parser.ok()) {
    return {};
  }
  ReadState st;
  size_t pos = 0;
  while (pos < head.size() && st.records.empty()) {
    size_t nl = head.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? head.size() : nl + 1;
    csv_parse(parser.get(), head.data() + pos, end - pos, OnField, OnRecordEnd, &st);
    pos = end;
  }
  if (st.records.empty()) {
    return {};
  }
  return std::move(st.records.front().fields);
}

int ColumnIndex(const std::vector<std::string>& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

Result<CsvTable> ReadCsvTable(std::string_view bytes, std::string_view file_label,
                              const std::vector<std::string_view>& required,
                              std::string_view what) {
  ECG_RETURN_IF_ERROR(ValidateUtf8(bytes, file_label));
  const std::string_view body = StripBom(bytes);
  const uint64_t bom = bytes.size() - body.size();
  ECG_ASSIGN_OR_RETURN(std::vector<CsvRecord> rows, ReadCsv(body, file_label));
  CsvTable t;
  if (rows.empty()) {
    return Status::InvalidArgument(Where(file_label, 1, 0) + ": empty file, expected " +
                                   std::string(what));
  }
  t.header = std::move(rows.front().fields);
  for (std::string& h : t.header) {
    h = CleanText(h);
  }
  for (std::string_view col : required) {
    if (t.Col(col) < 0) {
      return Status::InvalidArgument(Where(file_label, 1, 0) + ": not a " + std::string(what) +
                                     " header: column `" + std::string(col) + "` is missing");
    }
  }
  for (size_t i = 1; i < rows.size(); ++i) {
    CsvRecord& row = rows[i];
    row.offset += bom;
    if (row.unterminated || (row.at_eof_without_newline && row.fields.size() < t.header.size())) {
      t.quarantined.push_back({row.line, row.offset,
                               "record cut off at the end of the file (" +
                                   std::to_string(row.fields.size()) + " of " +
                                   std::to_string(t.header.size()) + " columns)"});
      continue;
    }
    if (row.fields.size() != t.header.size()) {
      return Status::InvalidArgument(Where(file_label, row.line, row.offset) + ": record has " +
                                     std::to_string(row.fields.size()) + " columns, header has " +
                                     std::to_string(t.header.size()));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace ecg::ingest::lists
