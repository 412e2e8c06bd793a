// libcurl's easy interface, one handle per attempt. Retries only what may
// succeed on a second try; a 404 or an oversized body will not.
#include "update/fetch.h"

#include <curl/curl.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

namespace ecg::update {

namespace {

// One attempt's outcome.
struct Attempt {
  enum class Kind : uint8_t { kOk, kNotModified, kTransient, kPermanent, kTooLarge, kGone };
  Kind kind = Kind::kOk;
  std::string reason;
};

struct Sink {
  FILE* out = nullptr;
  uint64_t bytes = 0;
  uint64_t max_bytes = 0;
  bool too_large = false;
};

size_t WriteBody(char* data, size_t size, size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t len = size * n;
  if (sink->bytes + len > sink->max_bytes) {
    sink->too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  sink->bytes += len;
  return std::fwrite(data, 1, len, sink->out);
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) {
    s.pop_back();
  }
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') {
    ++i;
  }
  return s.substr(i);
}

size_t ReadHeader(char* data, size_t size, size_t n, void* user) {
  auto* result = static_cast<FetchResult*>(user);
  std::string line(data, size * n);
  size_t colon = line.find(':');
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response (after a redirect): forget the previous one's headers.
    result->etag.clear();
    result->last_modified.clear();
    result->content_type.clear();
  } else if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) {
      c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    std::string value = Trim(line.substr(colon + 1));
    if (name == "etag") {
      result->etag = value;
    } else if (name == "last-modified") {
      result->last_modified = value;
    } else if (name == "content-type") {
      std::string type = Trim(value.substr(0, value.find(';')));
      for (char& c : type) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      }
      result->content_type = type;
    }
  }
  return size * n;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

Attempt Classify(CURLcode code, long http, const Sink& sink) {  // NOLINT(google-runtime-int)
  if (sink.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    return {Attempt::Kind::kTooLarge,
            "larger than the limit of " + std::to_string(sink.max_bytes) + " bytes"};
  }
  if (code != CURLE_OK) {
    return {Attempt::Kind::kTransient, curl_easy_strerror(code)};
  }
  if (http == 304) {
    return {Attempt::Kind::kNotModified, ""};
  }
  if (http >= 200 && http < 300) {
    return {Attempt::Kind::kOk, ""};
  }
  std::string reason = "HTTP " + std::to_string(http);
  if (http == 429 || http >= 500) {
    return {Attempt::Kind::kTransient, reason};
  }
  if (http == 404 || http == 410) {
    return {Attempt::Kind::kGone, reason};
  }
  return {Attempt::Kind::kPermanent, reason};
}

}  // namespace

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)) {
  // Idempotent after the first call; libcurl's global state for TLS.
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

Status Fetcher::Fetch(const std::string& url, const Validators& held, uint64_t max_bytes,
                      const std::string& dest, FetchResult* result) const {
  *result = FetchResult{};
  Attempt last;
  for (int attempt = 0; attempt <= options_.retries; ++attempt) {
    if (attempt > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(options_.backoff_ms) *
                                  (int64_t{1} << (attempt - 1)));
    }
    ++result->attempts;
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
      return Status::Internal("libcurl could not start a transfer");
    }
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(dest.c_str(), "wb"), &std::fclose);
    if (!out) {
      return Status::IOError(dest + ": cannot create the download file");
    }
    Sink sink{out.get(), 0, max_bytes, false};
    std::unique_ptr<curl_slist, SlistDeleter> headers;
    auto add_header = [&headers](const std::string& h) {
      headers.reset(curl_slist_append(headers.release(), h.c_str()));
    };
    if (!held.etag.empty()) {
      add_header("If-None-Match: " + held.etag);
    }
    if (!held.last_modified.empty()) {
      add_header("If-Modified-Since: " + held.last_modified);
    }
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip and deflate, decoded by curl
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(max_bytes));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &WriteBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &ReadHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, result);
    CURLcode code = curl_easy_perform(c);
    long http = 0;  // NOLINT(google-runtime-int)
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &http);
    result->http_code = http;
    const bool flushed = std::fflush(out.get()) == 0;
    out.reset();
    last = Classify(code, http, sink);
    if (last.kind == Attempt::Kind::kOk && !flushed) {
      last = {Attempt::Kind::kPermanent, dest + ": write error"};
    }
    if (last.kind == Attempt::Kind::kOk || last.kind == Attempt::Kind::kNotModified) {
      result->not_modified = last.kind == Attempt::Kind::kNotModified;
      result->bytes = result->not_modified ? 0 : sink.bytes;
      if (result->not_modified) {
        std::error_code ec;
        std::filesystem::remove(dest, ec);
      }
      return Status::OK();
    }
    result->failures.push_back(last.reason);
    if (last.kind != Attempt::Kind::kTransient) {
      break;
    }
  }
  std::error_code ec;
  std::filesystem::remove(dest, ec);
  std::string msg = url + ": " + last.reason + " (" + std::to_string(result->attempts) +
                    (result->attempts == 1 ? " attempt)" : " attempts)");
  switch (last.kind) {
    case Attempt::Kind::kTooLarge:
      return Status::ResourceExhausted(msg);
    case Attempt::Kind::kGone:
      return Status::NotFound(msg);
    case Attempt::Kind::kPermanent:
      return Status::InvalidArgument(msg);
    default:
      return Status::IOError(msg);
  }
}

}  // namespace ecg::update
