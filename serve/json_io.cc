// JSON in and out for the handlers: error bodies, Status to HTTP status,
// request parsing without exceptions (nlohmann's SAX interface reports the
// error and its position as a value).
#include <string>
#include <utility>

#include "query/error.h"
#include "query/format.h"

#include "serve/handlers.h"

namespace ecg::serve {
namespace {

// Records the first parse error; builds nothing (the DOM comes from a second,
// non-throwing parse once the text is known to be valid).
class ErrorSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    message_ = ex.what();
    return false;
  }
  const std::string& message() const { return message_; }

 private:
  std::string message_;
};

// nlohmann's messages start with "[json.exception.parse_error.101] ".
std::string CleanMessage(std::string m) {
  if (!m.empty() && m[0] == '[') {
    auto close = m.find("] ");
    if (close != std::string::npos) {
      m = m.substr(close + 2);
    }
  }
  return m;
}

}  // namespace

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Reply JsonReply(const nlohmann::json& j, int status) {
  Reply r;
  r.status = status;
  r.body = Dump(j);
  r.body += "\n";
  return r;
}

Reply ErrorReply(int status, std::string_view message) {
  return JsonReply({{"error", {{"status", status}, {"message", std::string(message)}}}}, status);
}

Reply StatusReply(const Status& s) {
  int status = 500;
  switch (s.code()) {
    case StatusCode::kOk:
      status = 200;
      break;
    case StatusCode::kInvalidArgument:
      status = 400;
      break;
    case StatusCode::kNotFound:
      status = 404;
      break;
    case StatusCode::kAlreadyExists:
      status = 409;
      break;
    case StatusCode::kBusy:
      status = 503;
      break;
    case StatusCode::kResourceExhausted:
    case StatusCode::kAborted:
      status = 429;
      break;
    case StatusCode::kNotSupported:
      status = 501;
      break;
    case StatusCode::kNoSpace:
      status = 507;  // Insufficient Storage
      break;
    default:
      status = 500;
      break;
  }
  nlohmann::json err = {{"status", status}, {"message", s.message()}};
  if (auto pos = query::ErrorPosition(s)) {
    err["position"] = {{"line", pos->line}, {"column", pos->column}};
  }
  if (std::string limit = query::StoppedBy(s); !limit.empty()) {
    err["stopped_by"] = limit;
  }
  return JsonReply({{"error", std::move(err)}}, status);
}

Result<nlohmann::json> ParseJsonObject(std::string_view body, std::string_view what) {
  if (body.empty()) {
    return Status::InvalidArgument(std::string(what) + ": empty body; expected a JSON object");
  }
  nlohmann::json j = nlohmann::json::parse(body.begin(), body.end(), nullptr,
                                           /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    ErrorSax sax;
    (void)nlohmann::json::sax_parse(body.begin(), body.end(), &sax);
    return Status::InvalidArgument(std::string(what) +
                                   ": invalid JSON: " + CleanMessage(sax.message()));
  }
  if (!j.is_object()) {
    return Status::InvalidArgument(std::string(what) + ": the body must be a JSON object");
  }
  return j;
}

Status CheckFields(const nlohmann::json& obj, const std::vector<std::string_view>& allowed,
                   std::string_view where) {
  for (const auto& item : obj.items()) {
    bool ok = false;
    for (std::string_view a : allowed) {
      ok = ok || item.key() == a;
    }
    if (!ok) {
      std::string names;
      for (std::string_view a : allowed) {
        names += names.empty() ? "" : ", ";
        names += a;
      }
      return Status::InvalidArgument("unknown field '" + item.key() + "' in " + std::string(where) +
                                     " (expected: " + names + ")");
    }
  }
  return Status::OK();
}

std::string Param(const UrlParams& params, const std::string& name, std::string fallback) {
  auto it = params.find(name);
  return it == params.end() ? fallback : it->second;
}

nlohmann::json ValueJson(const Value& v) {
  return query::ValueToJson(v);
}

nlohmann::json DateJson(Date d, bool is_end) {
  if ((is_end && d == Date::Max()) || (!is_end && d == Date::Min())) {
    return nullptr;
  }
  return d.ToString();
}

}  // namespace ecg::serve
