// `ecg update MANIFEST`: the nightly job. Takes the update lock, fetches each
// source of the manifest (conditional GET for URLs, into the download
// cache), ingests what changed in manifest order and prints one report.
// Exit 0 when every source is fine, 2 when any was rejected, 4 when another
// update (or writer) holds the database.
#include <iostream>

#include "ingest/run/ingest_run.h"
#include "tools/commands.h"

#include "update/lock.h"
#include "update/manifest.h"
#include "update/updater.h"

namespace ecg::tools {

// Defined in tools/normalizer.cc.
const text::TextNormalizer* DefaultTextNormalizer();

namespace {

struct UpdateArgs {
  std::string manifest;
  std::string cache;
  bool json = false;
  bool fetch_only = false;
  double timeout_s = 300;
  double connect_timeout_s = 15;
  int retries = 3;
  int backoff_ms = 2000;
  std::string label = "update";
};

int RunUpdate(const GlobalOptions& global, const UpdateArgs& args) {
  auto manifest = update::LoadManifest(args.manifest);
  if (!manifest.ok()) {
    return Fail(manifest.status());
  }
  update::UpdateOptions options;
  options.cache_dir = args.cache.empty() ? global.db + ".cache" : args.cache;
  options.fetch.timeout_ms = static_cast<long>(args.timeout_s * 1000);                  // NOLINT
  options.fetch.connect_timeout_ms = static_cast<long>(args.connect_timeout_s * 1000);  // NOLINT
  options.fetch.retries = args.retries;
  options.fetch.backoff_ms = args.backoff_ms;
  options.label = args.label;
  options.fetch_only = args.fetch_only;
  auto lock = update::UpdateLock::Acquire(options.cache_dir);
  if (!lock.ok()) {
    return Fail(lock.status());
  }
  const text::TextNormalizer* normalizer = DefaultTextNormalizer();
  if (normalizer == nullptr) {
    return Fail(Status::Internal("update needs the ICU text normalizer"));
  }
  update::Updater updater(&*manifest, options);
  update::UpdateReport report;
  if (Status s = updater.Fetch(&report); !s.ok()) {
    return Fail(s);
  }
  // The database is opened (and its writer's lock taken) only once the
  // downloads are done, so a slow server does not hold up other writers.
  if (!args.fetch_only) {
    auto store = OpenStore(global, /*write=*/true);
    if (!store.ok()) {
      return Fail(store.status());
    }
    ingest::Ingester ingester(store->get(), normalizer);
    ingester.RegisterDefaultHandlers();
    if (Status s = updater.Ingest(&ingester, &report); !s.ok()) {
      return Fail(s);
    }
  }
  std::cout << (args.json ? report.ToJson() + "\n" : report.ToText());
  for (const auto& s : report.sources) {
    if (s.outcome == update::Outcome::kRejected) {
      std::cerr << "ecg update: " << s.name << " rejected: " << s.error << "\n";
    }
  }
  return report.count(update::Outcome::kRejected) > 0 ? kExitBadInput : kExitOk;
}

}  // namespace

void RegisterUpdate(CLI::App* app, GlobalOptions* global) {
  auto args = std::make_shared<UpdateArgs>();
  auto* cmd = app->add_subcommand(
      "update",
      "Bring the graph up to date with a manifest of sources (docs/update.md): fetch each URL "
      "with a conditional GET into the download cache (the last N versions with their SHA-256), "
      "read each local path or glob, then ingest what changed in manifest order. One report per "
      "source: not-modified / fetched / ingested / unchanged / rejected. A failed source leaves "
      "the graph as it was and the others still load (exit 2); a second update while one runs "
      "exits 4.");
  cmd->add_option("manifest", args->manifest,
                  "The manifest (YAML), e.g. manifests/shared-data.yaml")
      ->required();
  cmd->add_option("--cache", args->cache,
                  "Download cache and lock folder (default: the database path + .cache)");
  cmd->add_flag("--json", args->json, "Print the report as one JSON object");
  cmd->add_flag("--fetch-only", args->fetch_only, "Fetch into the cache; ingest nothing");
  cmd->add_option("--timeout", args->timeout_s, "Seconds a download may take");
  cmd->add_option("--connect-timeout", args->connect_timeout_s, "Seconds to connect");
  cmd->add_option("--retries", args->retries,
                  "Retries of a transient failure: timeout, truncated body, HTTP 429 or 5xx")
      ->check(CLI::Range(0, 20));
  cmd->add_option("--backoff-ms", args->backoff_ms,
                  "Wait before the first retry, doubled for each further one")
      ->check(CLI::Range(0, 600000));
  cmd->add_option("--label", args->label, "Label of the ingest run");
  cmd->callback([global, args] { global->exit_code = RunUpdate(*global, *args); });
}

}  // namespace ecg::tools
