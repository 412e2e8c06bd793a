#include "ingest/util/csv.h"

#include <algorithm>
#include <cstdio>

#include <csv.h>

#include "ingest/util/fields.h"

#include "text/ascii.h"

namespace ecg::ingest::util {
namespace {

// libcsv's parser states (libcsv.c): between rows, and inside a field.
constexpr int kRowNotBegun = 0;
constexpr int kFieldBegun = 2;

}  // namespace

struct CsvReader::State {
  CsvOptions options;
  RecordFn on_record;
  csv_parser parser{};
  bool init_ok = false;
  CsvRecord current;
  bool open = false;           // a record has started (fields seen or bytes fed)
  bool at_line_start = true;   // the next byte fed starts a line
  bool finishing = false;      // inside csv_fini
  bool quoted_open = false;    // csv_fini finds a quoted field open
  uint64_t line_no = 0;        // lines started so far
  uint64_t consumed = 0;       // bytes fed so far
  uint64_t record_line = 0;    // where the open record started
  uint64_t record_offset = 0;  //
  Status status;               // the first error of `on_record`

  static void OnField(void* field, size_t len, void* data) {
    auto* st = static_cast<State*>(data);
    st->current.fields.emplace_back(field == nullptr ? "" : static_cast<const char*>(field), len);
  }

  static void OnRecordEnd(int /*terminator*/, void* data) {
    auto* st = static_cast<State*>(data);
    CsvRecord& r = st->current;
    r.line = st->record_line;
    r.offset = st->record_offset;
    r.at_eof_without_newline = st->finishing;
    r.unterminated = st->finishing && st->quoted_open;
    const bool blank = r.fields.empty() || (r.fields.size() == 1 && r.fields[0].empty());
    if (st->status.ok() && !(st->options.skip_blank_records && blank)) {
      st->status = st->on_record(&r);
    }
    r = CsvRecord();
    st->open = false;
  }
};

CsvReader::CsvReader(CsvOptions options, RecordFn on_record) : state_(std::make_unique<State>()) {
  state_->options = options;
  state_->on_record = std::move(on_record);
  const unsigned char flags =
      options.strict ? static_cast<unsigned char>(CSV_STRICT | CSV_STRICT_FINI) : 0;
  state_->init_ok = csv_init(&state_->parser, flags) == 0;
  csv_set_delim(&state_->parser, static_cast<unsigned char>(options.delimiter));
}

CsvReader::~CsvReader() {
  csv_free(&state_->parser);
}

Status CsvReader::Feed(std::string_view bytes) {
  // Feed one physical line at a time so that each record knows the line and
  // offset where it starts: a record starts on a line fed while libcsv is
  // between rows.
  size_t pos = 0;
  while (pos < bytes.size()) {
    const size_t nl = bytes.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? bytes.size() : nl + 1;
    ECG_RETURN_IF_ERROR(FeedLine(bytes.substr(pos, end - pos), nl != std::string_view::npos));
    pos = end;
  }
  return Status::OK();
}

Status CsvReader::FeedLine(std::string_view piece, bool ends_line) {
  State& st = *state_;
  if (!st.init_ok) {
    return Status::Internal("libcsv: cannot initialise a parser");
  }
  ECG_RETURN_IF_ERROR(st.status);
  if (st.at_line_start) {
    ++st.line_no;
    if (st.parser.pstate == kRowNotBegun && !st.open) {
      st.record_line = st.line_no;
      st.record_offset = st.consumed;
    }
  }
  const size_t done =
      csv_parse(&st.parser, piece.data(), piece.size(), &State::OnField, &State::OnRecordEnd, &st);
  if (done != piece.size()) {
    error_ = {st.line_no, st.record_line, st.consumed + done, false,
              csv_strerror(csv_error(&st.parser))};
    return Status::InvalidArgument("line " + std::to_string(error_.line) + " (byte " +
                                   std::to_string(error_.offset) + "): " + error_.reason);
  }
  ECG_RETURN_IF_ERROR(st.status);
  if (st.parser.pstate != kRowNotBegun) {
    st.open = true;
  }
  st.consumed += piece.size();
  st.at_line_start = ends_line;
  return Status::OK();
}

Status CsvReader::Finish() {
  State& st = *state_;
  if (!st.init_ok) {
    return Status::Internal("libcsv: cannot initialise a parser");
  }
  ECG_RETURN_IF_ERROR(st.status);
  // A quoted field still open at the end means the input was cut inside it.
  // Without strict mode libcsv hands the partial record over at csv_fini.
  st.quoted_open = st.parser.quoted != 0 && st.parser.pstate == kFieldBegun;
  st.finishing = true;
  if (csv_fini(&st.parser, &State::OnField, &State::OnRecordEnd, &st) != 0) {
    error_ = {st.line_no, st.record_line, st.consumed, true, csv_strerror(csv_error(&st.parser))};
    return Status::InvalidArgument("line " + std::to_string(error_.record_line) + " (byte " +
                                   std::to_string(error_.offset) + "): " + error_.reason);
  }
  return st.status;
}

Result<std::vector<CsvRecord>> ReadCsv(std::string_view bytes, std::string_view file_label,
                                       const CsvOptions& options, CsvSyntaxError* error) {
  std::vector<CsvRecord> records;
  CsvReader reader(options, [&records](CsvRecord* r) {
    records.push_back(std::move(*r));
    return Status::OK();
  });
  Status s = reader.Feed(bytes);
  if (s.ok()) {
    s = reader.Finish();
  }
  if (!s.ok()) {
    if (error != nullptr) {
      *error = reader.error();
    }
    if (s.code() != StatusCode::kInvalidArgument) {
      return s;
    }
    const CsvSyntaxError& e = reader.error();
    return Status::InvalidArgument(Where(file_label, e.at_end ? e.record_line : e.line, e.offset) +
                                   ": CSV error: " + e.reason);
  }
  return records;
}

Status ForEachCsvFileRecord(const std::string& path, const CsvOptions& options,
                            const CsvReader::RecordFn& on_record, CsvSyntaxError* error) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    return Status::NotFound("cannot open '" + path + "'");
  }
  CsvReader reader(options, on_record);
  std::vector<char> buf(1 << 20);
  size_t n = 0;
  Status s;
  while (s.ok() && (n = std::fread(buf.data(), 1, buf.size(), f.get())) > 0) {
    s = reader.Feed(std::string_view(buf.data(), n));
  }
  if (s.ok() && std::ferror(f.get()) != 0) {
    return Status::IOError("cannot read '" + path + "'");
  }
  if (s.ok()) {
    s = reader.Finish();
  }
  if (!s.ok() && error != nullptr) {
    *error = reader.error();
  }
  return s;
}

std::vector<std::string> ReadCsvHeader(std::string_view bytes) {
  bytes = text::StripBom(bytes);
  // The header is the first line unless it holds a quoted newline; 64 KiB is plenty.
  const std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 64 * 1024));
  std::vector<std::string> header;
  bool got = false;
  CsvReader reader({}, [&](CsvRecord* r) {
    if (!got) {
      header = std::move(r->fields);
      got = true;
    }
    return Status::OK();
  });
  // Only the first record matters: an error after it (or a record that the
  // 64 KiB cut leaves open) leaves `header` as it is.
  (void)reader.Feed(head);
  return header;
}

std::string SuspectBytes(const CsvRecord& record, const std::vector<std::string>& header) {
  for (size_t i = 0; i < record.fields.size(); ++i) {
    const std::string& f = record.fields[i];
    const std::string column = i < header.size() ? "`" + header[i] + "`" : std::to_string(i + 1);
    if (size_t nul = f.find('\0'); nul != std::string::npos) {
      return "field " + column + " holds a NUL byte (byte " + std::to_string(nul) +
             " of the field); expected text";
    }
    if (size_t bom = f.find("\xEF\xBB\xBF"); bom != std::string::npos) {
      return "field " + column + " holds a byte-order mark (U+FEFF) at byte " +
             std::to_string(bom) +
             " of the field: a BOM belongs only at the start of a file (two files joined?)";
    }
  }
  return {};
}

Result<std::vector<ColumnRename>> ParseColumnRenames(std::string_view spec) {
  std::vector<ColumnRename> out;
  size_t pos = 0;
  while (pos <= spec.size()) {
    const size_t comma = std::min(spec.find(',', pos), spec.size());
    const std::string item = CleanText(spec.substr(pos, comma - pos));
    pos = comma + 1;
    if (item.empty()) {
      continue;
    }
    const size_t eq = item.find('=');
    ColumnRename r;
    if (eq != std::string::npos) {
      r.name = CleanText(item.substr(0, eq));
      r.column = CleanText(item.substr(eq + 1));
    }
    if (r.name.empty() || r.column.empty()) {
      return Status::InvalidArgument("column mapping '" + item +
                                     "': expected NAME=COLUMN (the name the format expects, "
                                     "then the file's column), e.g. pct=percentage");
    }
    for (const ColumnRename& o : out) {
      if (o.name == r.name) {
        return Status::InvalidArgument("column mapping: '" + r.name + "' is mapped twice");
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::string RenameCsvHeader(std::string_view text, const std::vector<ColumnRename>& renames) {
  const std::string_view body = text::StripBom(text);
  const size_t bom = text.size() - body.size();
  if (renames.empty() || body.empty() || body.front() == '{' || body.front() == '[' ||
      body.front() == '<') {
    return std::string(text);
  }
  // The end of the header record: the first line break outside quotes.
  size_t end = 0;
  bool quoted = false;
  while (end < body.size() && (quoted || (body[end] != '\n' && body[end] != '\r'))) {
    quoted ^= body[end] == '"';
    ++end;
  }
  auto rows = ReadCsv(body.substr(0, end), "header");
  if (!rows.ok() || rows->size() != 1) {
    return std::string(text);
  }
  std::vector<std::string> cells = std::move(rows->front().fields);
  bool changed = false;
  for (std::string& cell : cells) {
    for (const ColumnRename& r : renames) {
      if (CleanText(cell) == r.column) {
        cell = r.name;
        changed = true;
        break;
      }
    }
  }
  if (!changed) {
    return std::string(text);
  }
  std::string out(text.substr(0, bom));
  for (size_t i = 0; i < cells.size(); ++i) {
    out += i == 0 ? "" : ",";
    if (cells[i].find_first_of(",\"\r\n") == std::string::npos) {
      out += cells[i];
    } else {
      out += '"';
      for (char c : cells[i]) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
      }
      out += '"';
    }
  }
  out.append(body.substr(end));
  return out;
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
  const std::string_view body = text::StripBom(bytes);
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
    if (std::string why = SuspectBytes(row, t.header); !why.empty()) {
      t.quarantined.push_back({row.line, row.offset, std::move(why)});
      continue;
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace ecg::ingest::util
