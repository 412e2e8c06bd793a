// `ecg changes --since RUN|DATE`: the change feed of the runs after RUN (or
// of the runs that started on or after DATE), per entity, as a readable
// summary or as JSON lines (docs/update.md).
#include <charconv>
#include <iostream>
#include <map>

#include "tools/commands.h"

#include "exchange/changes.h"

namespace ecg::tools {

// Defined in tools/normalizer.cc.
const text::TextNormalizer* DefaultTextNormalizer();

namespace {

struct ChangesArgs {
  std::string since;
  std::string format = "text";
};

// The last run the feed does not show: RUN itself, or the last run that
// started before DATE. An invalid RunId shows every run.
Result<RunId> SinceRun(const store::GraphStore& store, const std::string& since) {
  if (since.find('-') != std::string::npos) {
    ECG_ASSIGN_OR_RETURN(Date d, Date::Parse(since));
    return store.RunAt(d.AddDays(-1));
  }
  uint64_t run = 0;
  auto [end, ec] = std::from_chars(since.data(), since.data() + since.size(), run);
  if (ec != std::errc() || end != since.data() + since.size()) {
    return Status::InvalidArgument("--since '" + since +
                                   "' is neither a run id (ecg stats lists runs) nor a date "
                                   "YYYY-MM-DD");
  }
  return RunId(run);
}

int RunChanges(const GlobalOptions& global, const ChangesArgs& args) {
  const text::TextNormalizer* normalizer = DefaultTextNormalizer();
  if (normalizer == nullptr) {
    return Fail(Status::Internal("changes needs the ICU text normalizer"));
  }
  auto store = OpenStore(global, /*write=*/false);
  if (!store.ok()) {
    return Fail(store.status());
  }
  auto since = SinceRun(**store, args.since);
  if (!since.ok()) {
    return Fail(since.status());
  }
  auto view = (*store)->NewReadView();
  std::map<std::string, uint64_t> counts;
  std::map<uint64_t, uint64_t> per_run;
  uint64_t entities = 0;
  uint64_t last_entity = 0;
  Status s =
      exchange::ForEachChange(*view, *normalizer, *since, [&](const exchange::EntityChange& c) {
        if (args.format == "jsonl") {
          std::cout << exchange::ChangeToJson(c) << "\n";
        } else {
          std::cout << exchange::ChangeToText(c) << "\n";
        }
        ++counts[std::string(exchange::ChangeKindName(c.kind))];
        ++per_run[c.run];
        if (c.entity.value() != last_entity) {
          ++entities;
          last_entity = c.entity.value();
        }
        return true;
      });
  if (!s.ok()) {
    return Fail(s);
  }
  if (args.format == "text") {
    std::cout << "changes since "
              << (since->valid() ? "run " + std::to_string(since->value())
                                 : std::string("the start"))
              << ": " << entities << " entities;";
    for (const auto& [kind, n] : counts) {
      std::cout << " " << kind << " " << n;
    }
    std::cout << (counts.empty() ? " none" : "") << "\n";
    for (const auto& [run, n] : per_run) {
      std::cout << "  run " << run << ": " << n << " change(s)\n";
    }
  }
  return kExitOk;
}

}  // namespace

void RegisterChanges(CLI::App* app, GlobalOptions* global) {
  auto args = std::make_shared<ChangesArgs>();
  auto* cmd = app->add_subcommand(
      "changes",
      "What the ingest runs after RUN (or since DATE) changed, per entity: listed, delisted, "
      "revised (old and new values), renamed, merged. Differences of wording or encoding only "
      "(whitespace, case, punctuation, full-width forms, Traditional/Simplified) are not "
      "changes. Text by default, JSON lines with --format jsonl.");
  cmd->add_option("--since", args->since,
                  "A run id (changes of the later runs) or a date YYYY-MM-DD (changes of the "
                  "runs that started on or after it); 0 for every run")
      ->required();
  cmd->add_option("--format", args->format, "text (default) or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  cmd->callback([global, args] { global->exit_code = RunChanges(*global, *args); });
}

}  // namespace ecg::tools
