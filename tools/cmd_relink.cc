// `ecg relink [ARTICLE...]`: re-links stored articles (all, or those whose
// keys are given) against the graph as it is now, after new lists, alias
// files, judgements or merges, and reports the links added, removed and
// retargeted. The change is one atomic batch (ingest/articles/relink.h).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/articles/relink.h"
#include "tools/commands.h"

namespace ecg::tools {

// Defined in tools/normalizer.cc.
const text::TextNormalizer* DefaultTextNormalizer();

namespace {

struct RelinkArgs {
  std::vector<std::string> articles;
  bool dry_run = false;
  std::string format = "text";
  std::string label = "relink";
};

const char* WhatName(ingest::LinkChange::What w) {
  switch (w) {
    case ingest::LinkChange::What::kAdded:
      return "added";
    case ingest::LinkChange::What::kRemoved:
      return "removed";
    case ingest::LinkChange::What::kRetargeted:
      return "retargeted";
  }
  return "?";
}

int RunRelink(const GlobalOptions& global, const RelinkArgs& args) {
  const text::TextNormalizer* normalizer = DefaultTextNormalizer();
  if (normalizer == nullptr) {
    return Fail(Status::Internal("relink needs the ICU text normalizer"));
  }
  auto store = OpenStore(global, /*write=*/!args.dry_run);
  if (!store.ok()) {
    return Fail(store.status());
  }
  ingest::RelinkOptions options;
  options.articles = args.articles;
  options.dry_run = args.dry_run;
  options.label = args.label;
  auto report = ingest::RelinkArticles(store->get(), normalizer, options);
  if (!report.ok()) {
    return Fail(report.status());
  }
  if (args.format == "json") {
    nlohmann::ordered_json j;
    j["articles"] = report->articles;
    j["added"] = report->added;
    j["removed"] = report->removed;
    j["retargeted"] = report->retargeted;
    j["unchanged"] = report->unchanged;
    j["candidates_changed"] = report->candidates_changed;
    j["dry_run"] = args.dry_run;
    j["changes"] = nlohmann::ordered_json::array();
    for (const ingest::LinkChange& c : report->changes) {
      j["changes"].push_back({{"change", WhatName(c.what)},
                              {"article", c.article},
                              {"offset", c.offset},
                              {"surface", c.surface},
                              {"from", c.from},
                              {"to", c.to}});
    }
    std::cout << j.dump() << "\n";
    return kExitOk;
  }
  for (const ingest::LinkChange& c : report->changes) {
    std::cout << WhatName(c.what) << "\t" << c.article << "\t@" << c.offset << "\t" << c.surface
              << "\t" << (c.from.empty() ? "-" : c.from) << " -> " << (c.to.empty() ? "-" : c.to)
              << "\n";
  }
  std::cout << (args.dry_run ? "would relink " : "relinked ") << report->articles
            << " article(s): " << report->added << " link(s) added, " << report->removed
            << " removed, " << report->retargeted << " retargeted, " << report->unchanged
            << " unchanged; " << report->candidates_changed << " candidate edge(s) changed\n";
  return kExitOk;
}

}  // namespace

void RegisterRelink(CLI::App* app, GlobalOptions* global) {
  auto args = std::make_shared<RelinkArgs>();
  auto* cmd = app->add_subcommand(
      "relink",
      "Re-link stored articles (all, or the given article keys: URLs or sha256:...) against the "
      "graph as it is now, after new lists, aliases, judgements or merges. Reports every link "
      "added, removed or retargeted; the change is one atomic batch. Exit 2 for an unknown "
      "article key.");
  cmd->add_option("articles", args->articles, "Article keys (default: every article)");
  cmd->add_flag("--dry-run", args->dry_run, "Report the changes, write nothing");
  cmd->add_option("--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--label", args->label, "Label of the run the changes are recorded in")
      ->capture_default_str();
  cmd->callback([global, args] { global->exit_code = RunRelink(*global, *args); });
}

}  // namespace ecg::tools
