// The HTTP side of `ecg serve` (cpp-httplib): routes, the bearer token,
// body size and read timeouts, JSON errors for everything the library
// rejects itself (404, 413, ...), and one access-log line per request. The
// endpoints live in serve/handle_*.cc.
#include "serve/server.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include <httplib.h>

#include "serve/follower.h"
#include "serve/handlers.h"
#include "serve/static_files.h"

namespace ecg::serve {
namespace {

// Compares without an early exit, so the time taken says nothing about
// where a guessed token first differs.
bool SameSecret(std::string_view a, std::string_view b) {
  unsigned diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

void Send(const Reply& r, httplib::Response* res) {
  res->status = r.status;
  res->set_content(r.body, r.content_type.c_str());
}

std::string ReasonFor(const httplib::Request& req, int status, size_t max_body) {
  switch (status) {
    case 400:
      return "malformed HTTP request";
    case 404:
      return "no such endpoint: " + req.method + " " + req.path + " (see GET /openapi.json)";
    case 405:
      return "method not allowed: the server is read-only (GET, HEAD and POST only)";
    case 408:
      return "the request took too long to arrive";
    case 413:
      return "request body larger than " + std::to_string(max_body) + " bytes";
    case 414:
      return "request URI too long";
    default:
      return "HTTP error " + std::to_string(status);
  }
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  std::unique_ptr<Follower> follower;
  httplib::Server http;
  std::atomic<bool> run_started{false};
  std::atomic<bool> run_done{false};
  std::atomic<bool> stop_requested{false};
  std::mutex log_mu;

  void Log(const std::string& line) {
    if (options.log != nullptr) {
      std::lock_guard<std::mutex> lock(log_mu);
      *options.log << line << "\n" << std::flush;
    }
  }

  std::string BaseUrl(const httplib::Request& req) const {
    std::string host = req.get_header_value("Host");
    if (host.empty()) {
      host = options.host + ":" + std::to_string(options.port);
    }
    return "http://" + host;
  }

  // Runs `fn` against the newest snapshot, held for the whole request.
  template <typename Fn>
  httplib::Server::Handler Route(Fn fn) {
    return [this, fn](const httplib::Request& req, httplib::Response& res) {
      std::shared_ptr<const Snapshot> snap = follower->Current();
      Context ctx{*snap, options, BaseUrl(req)};
      Send(fn(ctx, req), &res);
    };
  }

  bool Authorized(const httplib::Request& req) const {
    if (options.token.empty() || req.path == "/healthz" ||
        (req.method != "POST" && (req.path == "/" || req.path == "/index.html"))) {
      return true;
    }
    const std::string auth = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    return auth.size() > kBearer.size() && auth.compare(0, kBearer.size(), kBearer) == 0 &&
           SameSecret(std::string_view(auth).substr(kBearer.size()), options.token);
  }

  void SetUp();
};

void Server::Impl::SetUp() {
  const int threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(options.read_timeout);
  http.set_write_timeout(options.write_timeout);
  // httplib writes a response's head and body separately: without
  // TCP_NODELAY, Nagle and the client's delayed ACK add ~40 ms to each.
  http.set_tcp_nodelay(true);
  // httplib serves a connection on one worker for as long as it is kept
  // alive, so an idle one blocks a worker: let it go after a second.
  http.set_keep_alive_timeout(1);
  http.set_keep_alive_max_count(1000);

  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD" && req.method != "POST") {
      Send(ErrorReply(405, ReasonFor(req, 405, 0)), &res);
      res.set_header("Allow", "GET, HEAD, POST");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!Authorized(req)) {
      Send(ErrorReply(401, "missing or wrong bearer token (Authorization: Bearer TOKEN)"), &res);
      res.set_header("WWW-Authenticate", "Bearer realm=\"ecgraph\"");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty()) {
      Send(ErrorReply(res.status, ReasonFor(req, res.status, options.max_body_bytes)), &res);
    }
  });
  http.set_exception_handler(
      [this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        Log("ecg serve: internal error on " + req.method + " " + req.path + ": " + what);
        Send(ErrorReply(500, "internal error (logged by the server)"), &res);
      });
  http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    Log(req.method + " " + req.path + " " + std::to_string(res.status) + " " +
        std::to_string(res.body.size()));
  });

  http.Get("/healthz",
           Route([](const Context& c, const httplib::Request&) { return HandleHealth(c); }));
  http.Get("/version",
           Route([](const Context& c, const httplib::Request&) { return HandleVersion(c); }));
  http.Get("/openapi.json",
           Route([](const Context& c, const httplib::Request&) { return HandleOpenApi(c); }));
  http.Post("/query", Route([](const Context& c, const httplib::Request& req) {
              return HandleQuery(c, req.body);
            }));
  // yente serves /match/{dataset}; this server has one dataset, so any name
  // is accepted.
  http.Post(R"(/match(/[A-Za-z0-9_.-]+)?)",
            Route([](const Context& c, const httplib::Request& req) {
              return HandleMatch(c, req.body, req.params);
            }));
  http.Get("/search", Route([](const Context& c, const httplib::Request& req) {
             return HandleSearch(c, req.params);
           }));
  http.Get(R"(/entities/(.+))", Route([](const Context& c, const httplib::Request& req) {
             return HandleEntity(c, req.matches[1].str(), req.params);
           }));
  http.Get(R"(/lists/([^/]+)/changes)", Route([](const Context& c, const httplib::Request& req) {
             return HandleListChanges(c, req.matches[1].str(), req.params);
           }));
  auto reconcile = Route(
      [](const Context& c, const httplib::Request& req) { return HandleReconcile(c, req.params); });
  http.Get("/reconcile", reconcile);
  http.Post("/reconcile", reconcile);
  http.Get("/reconcile/preview", Route([](const Context& c, const httplib::Request& req) {
             return HandleReconcilePreview(c, req.params);
           }));
  http.Get(R"(/(index\.html)?)", [](const httplib::Request&, httplib::Response& res) {
    const StaticFile* f = FindStaticFile("/");
    res.set_content(std::string(f->body), std::string(f->content_type).c_str());
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  Stop();
}

Result<std::unique_ptr<Server>> Server::Create(const std::string& db_path, ServeOptions options) {
  if (options.threads < 1 || options.threads > 256) {
    return Status::InvalidArgument("--threads must be from 1 to 256");
  }
  if (options.host.empty()) {
    return Status::InvalidArgument("--listen needs a host");
  }
  if (options.port < 0 || options.port > 65535) {
    return Status::InvalidArgument("port must be from 0 to 65535");
  }
  if (options.max_body_bytes == 0) {
    return Status::InvalidArgument("the largest request body must be at least one byte");
  }
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  FollowerOptions fo;
  fo.refresh_interval = impl->options.refresh_interval;
  fo.query_limits = impl->options.query_limits;
  fo.name_normalizer = impl->options.name_normalizer;
  fo.text_normalizer = impl->options.text_normalizer;
  fo.log = impl->options.log;
  ECG_ASSIGN_OR_RETURN(impl->follower, Follower::Create(db_path, fo));
  impl->SetUp();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Result<int> Server::Bind() {
  const ServeOptions& o = impl_->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
  } else if (!impl_->http.bind_to_port(o.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    return Status::IOError("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                           " (address in use, or not an address of this machine)");
  }
  impl_->options.port = port;
  return port;
}

Status Server::Run() {
  impl_->run_started = true;
  if (impl_->stop_requested) {
    impl_->run_done = true;
    return Status::OK();
  }
  const bool ok = impl_->http.listen_after_bind();
  impl_->run_done = true;
  if (!ok && !impl_->stop_requested) {
    return Status::IOError("the server stopped accepting connections");
  }
  return Status::OK();
}

void Server::Stop() {
  impl_->stop_requested = true;
  if (!impl_->run_started) {
    return;
  }
  // httplib ignores stop() until its accept loop runs: wait for it.
  while (!impl_->run_done && !impl_->http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->http.stop();
}

bool Server::running() const {
  return impl_->http.is_running();
}

}  // namespace ecg::serve
