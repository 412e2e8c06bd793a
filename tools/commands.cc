#include "tools/commands.h"

#include <iostream>

namespace ecg::tools {

int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kAlreadyExists:
      return kExitBadInput;
    case StatusCode::kCorruption:
      return kExitIntegrity;
    case StatusCode::kBusy:
    case StatusCode::kNotFound:
    case StatusCode::kNotSupported:
    case StatusCode::kIOError:
      return kExitUnavailable;
    case StatusCode::kResourceExhausted:
      return kExitLimit;
    case StatusCode::kNoSpace:
      return kExitNoSpace;
    default:
      return kExitInternal;
  }
}

int Fail(const Status& s) {
  std::cerr << "ecg: " << s.message() << "\n";
  return ExitCodeFor(s);
}

Result<std::unique_ptr<store::GraphStore>> OpenStore(const GlobalOptions& opts, bool write) {
  store::Options options;
  options.read_only = !write;
  options.create_if_missing = write;
  options.normalizer = DefaultNormalizer();
  options.min_free_bytes = opts.min_free_mb << 20;
  return store::GraphStore::Open(opts.db, options);
}

namespace {

// A repeatable option starts empty: "--param TEXT ..." says it better than
// the captured "--param TEXT=[] ...".
void HideEmptyListDefaults(CLI::App* app) {
  for (CLI::Option* opt : app->get_options()) {
    if (opt->get_default_str() == "[]") {
      opt->default_str("");
    }
  }
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) {
    HideEmptyListDefaults(sub);
  }
}

}  // namespace

void RegisterCommands(CLI::App* app, GlobalOptions* global) {
  // Every option added from here on shows its default in --help
  // ("--limit UINT=10"); subcommands inherit the setting.
  app->option_defaults()->always_capture_default();
  RegisterStats(app, global);
  RegisterCheck(app, global);
  RegisterLoadCsv(app, global);
  RegisterIngest(app, global);
  RegisterQuery(app, global);
  RegisterScreen(app, global);
  RegisterServe(app, global);
  RegisterSnapshot(app, global);
  RegisterResolve(app, global);
  RegisterRelink(app, global);
  RegisterUpdate(app, global);
  RegisterChanges(app, global);
  RegisterExport(app, global);
  HideEmptyListDefaults(app);
}

}  // namespace ecg::tools
