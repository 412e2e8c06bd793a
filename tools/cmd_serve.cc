// `ecg serve`: the read-only HTTP API and web page over the database
// (serve/server.h, docs/serve.md). Listens on loopback unless --listen names
// another address; SIGINT or SIGTERM stop it after the requests in flight.
#include <pthread.h>
#include <signal.h>

#include <charconv>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "tools/commands.h"

#include "serve/server.h"

namespace ecg::tools {

// Defined in tools/normalizer.cc.
const text::TextNormalizer* DefaultTextNormalizer();

namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  int threads = 4;
  std::string token_file;
  size_t max_body_bytes = size_t{1} << 20;
  int read_timeout_s = 5;
  int64_t request_timeout_ms = 10'000;
  int64_t refresh_ms = 2'000;
  size_t max_rows = 10'000;
  bool quiet = false;
};

// "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback).
Status ParseListen(const std::string& s, std::string* host, int* port) {
  const auto colon = s.rfind(':');
  if (colon == std::string::npos) {
    return Status::InvalidArgument("--listen expects HOST:PORT, got '" + s + "'");
  }
  std::string h = s.substr(0, colon);
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') {
    h = h.substr(1, h.size() - 2);
  }
  const std::string p = s.substr(colon + 1);
  int n = -1;
  auto r = std::from_chars(p.data(), p.data() + p.size(), n);
  if (p.empty() || r.ec != std::errc() || r.ptr != p.data() + p.size() || n < 0 || n > 65535) {
    return Status::InvalidArgument("--listen: bad port '" + p + "'");
  }
  *host = h.empty() ? "127.0.0.1" : h;
  *port = n;
  return Status::OK();
}

Result<std::string> ReadToken(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound("cannot read --token-file '" + path + "'");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string t = ss.str();
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) {
    t.pop_back();
  }
  if (t.size() < 16) {
    return Status::InvalidArgument("the token in '" + path + "' is shorter than 16 characters");
  }
  return t;
}

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

int RunServe(const GlobalOptions& global, const ServeArgs& args) {
  serve::ServeOptions o;
  if (Status s = ParseListen(args.listen, &o.host, &o.port); !s.ok()) {
    return Fail(s);
  }
  if (!args.token_file.empty()) {
    auto token = ReadToken(args.token_file);
    if (!token.ok()) {
      return Fail(token.status());
    }
    o.token = *token;
  }
  if (!IsLoopback(o.host) && o.token.empty()) {
    std::cerr << "ecg serve: warning: listening on " << o.host
              << " without --token-file; anyone who can reach it can read the graph\n";
  }
  o.threads = args.threads;
  o.max_body_bytes = args.max_body_bytes;
  o.read_timeout = std::chrono::seconds(args.read_timeout_s);
  o.write_timeout = std::chrono::seconds(args.read_timeout_s);
  o.request_timeout = std::chrono::milliseconds(args.request_timeout_ms);
  o.refresh_interval = std::chrono::milliseconds(args.refresh_ms);
  o.query_limits.max_rows = args.max_rows;
  o.query_limits.timeout = o.request_timeout;
  o.name_normalizer = DefaultNormalizer();
  o.text_normalizer = DefaultTextNormalizer();
  if (o.text_normalizer == nullptr) {
    return Fail(Status::Internal("serve needs the ICU text normalizer"));
  }
  o.log = args.quiet ? nullptr : &std::cerr;

  // Signals go to one waiting thread, not to whichever worker happens to run.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto server = serve::Server::Create(global.db, o);
  if (!server.ok()) {
    return Fail(server.status());
  }
  auto port = (*server)->Bind();
  if (!port.ok()) {
    return Fail(port.status());
  }
  std::cerr << "ecg serve: " << global.db << " on http://"
            << (o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host) << ":" << *port
            << "/ (" << o.threads << " threads" << (o.token.empty() ? "" : ", token") << ")\n";
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (sig == SIGINT || sig == SIGTERM) {
      (*server)->Stop();
    }
  });
  Status run = (*server)->Run();
  // Wake the waiter when Run ended for another reason.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!run.ok()) {
    return Fail(run);
  }
  std::cerr << "ecg serve: stopped\n";
  return kExitOk;
}

}  // namespace

void RegisterServe(CLI::App* app, GlobalOptions* global) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app->add_subcommand(
      "serve",
      "Serve the database read-only over HTTP (docs/serve.md): GET /healthz, /version, "
      "/openapi.json, /search?q=, /entities/{id}, /lists/{key}/changes?from=&to=, "
      "/reconcile (OpenRefine); POST /query (the query language) and /match (yente's "
      "request and response shape); a web page at /. Follows a concurrent `ecg ingest`: new "
      "batches become visible within --refresh-ms, each request sees whole batches only.");
  cmd->add_option("--listen", args->listen,
                  "HOST:PORT to listen on; other than loopback only when given")
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_option("--token-file", args->token_file,
                  "require 'Authorization: Bearer TOKEN' (the file's first line, 16+ chars)");
  cmd->add_option("--max-body-bytes", args->max_body_bytes, "largest request body (413 above)")
      ->capture_default_str();
  cmd->add_option("--read-timeout-s", args->read_timeout_s,
                  "drop a client that sends nothing for this long")
      ->check(CLI::Range(1, 300))
      ->capture_default_str();
  cmd->add_option("--request-timeout-ms", args->request_timeout_ms,
                  "wall time a query may run (429 when exceeded)")
      ->check(CLI::Range(int64_t{1}, int64_t{600'000}))
      ->capture_default_str();
  cmd->add_option("--refresh-ms", args->refresh_ms,
                  "how often to look for a newer ingest (0: never)")
      ->check(CLI::Range(int64_t{0}, int64_t{3'600'000}))
      ->capture_default_str();
  cmd->add_option("--max-rows", args->max_rows, "most rows a query returns")->capture_default_str();
  cmd->add_flag("--quiet", args->quiet, "no access log on stderr");
  cmd->callback([global, args] { global->exit_code = RunServe(*global, *args); });
}

}  // namespace ecg::tools
