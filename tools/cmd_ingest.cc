// `ecg ingest FILE...`: ingests list (and, once registered, regulation and
// article) files in one run, each file one atomic batch. A rejected file is
// reported and the others still load; the exit code is then 2.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "ingest/run/ingest_run.h"
#include "tools/commands.h"

namespace ecg::tools {

// Defined in tools/normalizer.cc.
const text::TextNormalizer* DefaultTextNormalizer();

namespace {

struct IngestArgs {
  std::vector<std::string> files;
  std::string format;
  std::string report = "text";
  std::string label;
  std::vector<std::string> complete;
  std::string columns;
};

// README files that sit beside data files (demo/lists/README.md), so that
// `ecg ingest demo/lists/*` works; they are reported as skipped. Other
// Markdown files are data (Federal Register posts, articles).
bool IsDocumentation(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  return name == "README.md" || name == "README" || name == "SOURCES.md";
}

int RunIngest(const GlobalOptions& global, const IngestArgs& args) {
  const text::TextNormalizer* normalizer = DefaultTextNormalizer();
  if (normalizer == nullptr) {
    return Fail(Status::Internal("ingest needs the ICU text normalizer"));
  }
  auto store = OpenStore(global, /*write=*/true);
  if (!store.ok()) {
    return Fail(store.status());
  }
  ingest::Ingester ingester(store->get(), normalizer);
  ingester.RegisterDefaultHandlers();
  std::vector<std::string> paths;
  for (const auto& f : args.files) {
    if (IsDocumentation(f)) {
      std::cerr << "ecg ingest: skipping " << f << " (documentation, not a data file)\n";
      continue;
    }
    paths.push_back(f);
  }
  ingest::IngestOptions options;
  options.format = args.format;
  options.label = args.label;
  options.complete_lists = args.complete;
  auto columns = ingest::util::ParseColumnRenames(args.columns);
  if (!columns.ok()) {
    std::cerr << "ecg ingest: --columns: " << columns.status().message() << "\n";
    return kExitUsage;
  }
  options.columns = std::move(columns).value();
  const bool progress = isatty(STDERR_FILENO) != 0;
  if (progress) {
    options.on_file = [](const ingest::FileReport& f, size_t i, size_t n) {
      std::cerr << "\r\033[K[" << (i + 1) << "/" << n << "] " << f.path << ": "
                << ingest::FileStatusName(f.status) << (i + 1 == n ? "\n" : "") << std::flush;
    };
  }
  ingest::RunReport report;
  Status s = ingester.IngestFiles(paths, options, &report);
  if (!s.ok()) {
    return Fail(s);
  }
  if (args.report == "json") {
    std::cout << report.ToJson() << "\n";
  } else {
    std::cout << report.ToText();
  }
  for (const auto& f : report.files) {
    if (f.status == ingest::FileReport::Status::kRejected) {
      std::cerr << "ecg ingest: rejected " << f.error << "\n";
    } else if (f.status == ingest::FileReport::Status::kSkipped) {
      std::cerr << "ecg ingest: warning: " << f.error << "\n";
    }
  }
  return report.rejected() > 0 ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterIngest(CLI::App* app, GlobalOptions* global) {
  auto args = std::make_shared<IngestArgs>();
  auto* cmd = app->add_subcommand(
      "ingest",
      "Ingest source files, each as one atomic write: restricted-party lists, ownership files, "
      "the alias file, Federal Register documents, the Commerce Control List, technologies and "
      "articles (formats and order: docs/ingest.md). Files already recorded (same SHA-256) are "
      "skipped as unchanged. A file that cannot be parsed is rejected whole and the others "
      "still load; the exit code is then 2.");
  cmd->add_option("files", args->files, "Files to ingest (format detected by content)")->required();
  cmd->add_option("--format", args->format,
                  "Force this format for every file (csl-compact-json, csl-csv, ecfr-list-json, "
                  "cn-sanctions-csv, cn-json, ownership-csv, fr-post, fr-xml, fr-json, ccl, "
                  "article-md, ... see docs/ingest.md)");
  cmd->add_option("--report", args->report, "Report format")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--complete", args->complete,
                  "List codes (MEU,DPL,...) that these files hold completely although their "
                  "format is a sample (csl-csv): records gone since an earlier snapshot close")
      ->delimiter(',');
  cmd->add_option("--columns", args->columns,
                  "Column mapping for CSV files, NAME=COLUMN,...: read the file's column COLUMN "
                  "as the column NAME its format expects, e.g. --columns "
                  "pct=percentage,owner=parent_company,owned=company_name (ownership files "
                  "already accept percentage or share for pct, owner_country, owned_country, "
                  "owner_id, owned_id; docs/ingest.md)");
  cmd->add_option("--label", args->label, "Label of the ingest run");
  cmd->callback([global, args] { global->exit_code = RunIngest(*global, *args); });
}

}  // namespace ecg::tools
