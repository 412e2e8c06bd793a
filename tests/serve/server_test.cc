// `ecg serve` end to end: a real server on a loopback port over the demo
// graph that `ecg ingest` built, asked over real HTTP (cpp-httplib's client).
#include "serve/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/serve/serve_test_util.h"
#include "tests/testutil/testutil.h"

namespace ecg::serve {
namespace {

using testing::DemoDb;
using testing::RunningServer;
using testing::TestOptions;

nlohmann::json Json(const httplib::Result& r) {
  if (!r) {
    ADD_FAILURE() << "no response: " << httplib::to_string(r.error());
    return nlohmann::json();
  }
  auto j = nlohmann::json::parse(r->body, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << r->body;
  return j;
}

// An error body has the documented shape and says something.
void ExpectError(const httplib::Result& r, int status, const std::string& needle) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, status) << r->body;
  auto j = Json(r);
  ASSERT_TRUE(j.contains("error")) << r->body;
  EXPECT_EQ(j["error"]["status"], status);
  const std::string message = j["error"]["message"].get<std::string>();
  EXPECT_NE(message.find(needle), std::string::npos) << message;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<RunningServer>(DemoDb(), TestOptions());
    ASSERT_TRUE(server_->ok());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  httplib::Result PostJson(const std::string& path, const nlohmann::json& body) {
    return client_->Post(path.c_str(), body.dump(), "application/json");
  }
  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, HealthzAndVersion) {
  auto h = client_->Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  EXPECT_EQ(Json(h)["status"], "ok");
  auto v = client_->Get("/version");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->status, 200);
  auto j = Json(v);
  EXPECT_EQ(j["format_version"], 1);
  EXPECT_GE(j["runs"].get<int>(), 1);
  ASSERT_TRUE(j["last_run"].is_object()) << v->body;
  EXPECT_GT(j["last_run"]["started_unix_seconds"].get<int64_t>(), 0);
}

TEST_F(ServerTest, OpenApiNamesEveryEndpoint) {
  auto r = client_->Get("/openapi.json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto j = Json(r);
  EXPECT_EQ(j["openapi"], "3.0.3");
  for (const char* path : {"/healthz", "/version", "/query", "/match/{dataset}", "/search",
                           "/entities/{id}", "/lists/{key}/changes", "/reconcile"}) {
    EXPECT_TRUE(j["paths"].contains(path)) << path;
  }
}

TEST_F(ServerTest, QueryReturnsColumnsAndRowsWithParameters) {
  auto r = PostJson("/query", {{"query", "entity ~$name | select name, country"},
                               {"params", {{"name", "華為"}}}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = Json(r);
  EXPECT_EQ(j["columns"], nlohmann::json({"name", "country"}));
  bool huawei = false;
  for (const auto& row : j["rows"]) {
    huawei = huawei || row[0] == "Huawei Technologies Co., Ltd.";
  }
  EXPECT_TRUE(huawei) << r->body;
}

TEST_F(ServerTest, QueryLimitsCutRowsAndFormatsRender) {
  auto r = PostJson("/query", {{"query", "entity | select name"}, {"limits", {{"max_rows", 2}}}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = Json(r);
  EXPECT_EQ(j["row_count"], 2);
  EXPECT_EQ(j["truncated"], true);
  EXPECT_EQ(j["stopped_by"], "max_rows");
  auto csv = PostJson("/query", {{"query", "list | select key | sort key"}, {"format", "csv"}});
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type").rfind("text/csv", 0), 0u);
  EXPECT_EQ(csv->body.rfind("key\r\n", 0), 0u) << csv->body;
}

TEST_F(ServerTest, QueryErrorsSayWhereAndWhy) {
  auto r = PostJson("/query", {{"query", "entity | sellect name"}});
  ExpectError(r, 400, "");
  auto j = Json(r);
  ASSERT_TRUE(j["error"].contains("position")) << r->body;
  EXPECT_EQ(j["error"]["position"]["line"], 1);
  EXPECT_EQ(j["error"]["position"]["column"], 10);
  ExpectError(PostJson("/query", {{"query", "entity"}, {"limit", 3}}), 400,
              "unknown field 'limit'");
  ExpectError(PostJson("/query", {{"params", {}}}), 400, "'query'");
  ExpectError(PostJson("/query", {{"query", "entity"}, {"format", "xml"}}), 400, "format");
}

TEST_F(ServerTest, BadJsonIs400WithAMessage) {
  auto r = client_->Post("/query", "{\"query\": ", "application/json");
  ExpectError(r, 400, "invalid JSON");
  ExpectError(client_->Post("/match", "[1,2]", "application/json"), 400, "JSON object");
  ExpectError(client_->Post("/match", "", "application/json"), 400, "empty body");
  ExpectError(client_->Post("/query", "{\"query\":\"\xff\xfe\"}", "application/json"), 400,
              "invalid JSON");
}

TEST_F(ServerTest, MatchSpeaksYentesShape) {
  nlohmann::json body = {
      {"queries",
       {{"q1",
         {{"schema", "Company"},
          {"properties", {{"name", {"Huawei Technologies"}}, {"country", {"cn"}}}}}},
        {"q2", {{"schema", "Company"}, {"properties", {{"name", {"華為技術有限公司"}}}}}},
        {"nobody",
         {{"schema", "Company"}, {"properties", {{"name", {"Zyxwvut Quux Nonexistent"}}}}}}}}};
  auto r = PostJson("/match/default", body);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = Json(r);
  for (const char* q : {"q1", "q2"}) {
    const auto& resp = j["responses"][q];
    EXPECT_EQ(resp["status"], 200) << q;
    ASSERT_FALSE(resp["results"].empty()) << q << ": " << r->body;
    const auto& top = resp["results"][0];
    EXPECT_EQ(top["caption"], "Huawei Technologies Co., Ltd.") << q;
    // The demo graph does not type Huawei: FollowTheMoney's parent schema.
    EXPECT_TRUE(top["schema"] == "Company" || top["schema"] == "LegalEntity") << top["schema"];
    EXPECT_EQ(top["match"], true);
    EXPECT_GE(top["score"].get<double>(), 0.82);
    EXPECT_LE(top["score"].get<double>(), 1.0);
    EXPECT_TRUE(top["features"].contains("name_match"));
    EXPECT_TRUE(top["properties"]["name"].is_array());
    EXPECT_NE(std::find(top["datasets"].begin(), top["datasets"].end(), "EL"),
              top["datasets"].end())
        << top.dump();
    EXPECT_EQ(top["target"], true);
    ASSERT_FALSE(top["listings"].empty());
    EXPECT_TRUE(top["listings"][0].contains("citation"));
    EXPECT_TRUE(top["affiliates_rule"].contains("applies"));
    EXPECT_EQ(resp["total"]["relation"], "eq");
    EXPECT_GE(resp["total"]["value"].get<int>(), 1);
  }
  EXPECT_TRUE(j["responses"]["q1"]["results"][0]["features"].contains("country_match"));
  EXPECT_FALSE(j["responses"]["q1"]["affiliates_rule"]["status"].get<std::string>().empty());
  EXPECT_FALSE(j["responses"]["q1"]["results"][0]["properties"].contains("resolution"));
  EXPECT_EQ(j["responses"]["nobody"]["status"], 200);
  for (const auto& res : j["responses"]["nobody"]["results"]) {
    EXPECT_EQ(res["match"], false) << res.dump();
  }
}

TEST_F(ServerTest, MatchFindsAnAffiliateThroughItsOwners) {
  auto r = PostJson(
      "/match?as_of=2025-10-15",
      {{"queries",
        {{"q", {{"properties", {{"name", {"Lianhua Holdings (Shenzhen) Co., Ltd."}}}}}}}}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = Json(r);
  ASSERT_FALSE(j["responses"]["q"]["results"].empty()) << r->body;
  const auto& top = j["responses"]["q"]["results"][0];
  EXPECT_EQ(top["affiliates_rule"]["applies"], true) << top.dump();
  EXPECT_GE(top["affiliates_rule"]["pct"].get<double>(), 50.0);
  EXPECT_FALSE(top["affiliates_rule"]["paths"].empty());
}

TEST_F(ServerTest, MatchHonoursPerQueryThresholdAndLimit) {
  auto r = PostJson("/match?limit=3", {{"queries",
                                        {{"strict",
                                          {{"properties", {{"name", {"Huawei Technologies"}}}},
                                           {"threshold", 1.0},
                                           {"limit", 1}}}}}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = Json(r);
  const auto& results = j["responses"]["strict"]["results"];
  EXPECT_LE(results.size(), 1u);
  for (const auto& res : results) {
    EXPECT_EQ(res["match"], res["score"].get<double>() >= 1.0);
  }
  ExpectError(
      PostJson("/match",
               {{"queries", {{"q", {{"schema", "Airplane"}, {"properties", {{"name", {"x"}}}}}}}}}),
      400, "unsupported schema");
  ExpectError(
      PostJson("/match",
               {{"queries", {{"q", {{"properties", {{"name", {"x"}}}}, {"colour", "red"}}}}}}),
      400, "unknown field 'colour'");
  ExpectError(PostJson("/match?threshold=2", {{"queries", {{"q", {{"properties", {}}}}}}}), 400,
              "threshold");
  auto none = PostJson("/match", {{"queries", {{"q", {{"properties", {{"country", {"CN"}}}}}}}}});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 200);
  EXPECT_EQ(Json(none)["responses"]["q"]["status"], 400) << none->body;
}

TEST_F(ServerTest, SearchFindsNamesInAnyScript) {
  for (const char* q : {"华为", "Huawei", "SMIC"}) {
    auto r = client_->Get(("/search?q=" + httplib::detail::encode_query_param(q)).c_str());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    auto j = Json(r);
    ASSERT_FALSE(j["results"].empty()) << q << ": " << r->body;
    EXPECT_EQ(j["results"][0]["kind"], "entity");
    EXPECT_TRUE(j["results"][0]["reasons"].is_array());
  }
  auto tech = client_->Get(
      ("/search?kind=technology&q=" + httplib::detail::encode_query_param("光刻")).c_str());
  ASSERT_TRUE(tech);
  EXPECT_EQ(tech->status, 200) << tech->body;
  ExpectError(client_->Get("/search"), 400, "q=");
  ExpectError(client_->Get("/search?q=x&kind=planet"), 400, "unknown kind");
  ExpectError(client_->Get("/search?q=x&limit=0"), 400, "limit");
}

TEST_F(ServerTest, EntityPageHasNamesListingsHistoryAndSources) {
  auto s = client_->Get("/search?q=Huawei%20Technologies");
  ASSERT_TRUE(s);
  const std::string id = Json(s)["results"][0]["id"].get<std::string>();
  auto r = client_->Get(("/entities/" + httplib::detail::encode_query_param(id)).c_str());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto e = Json(r);
  EXPECT_EQ(e["id"], id);
  EXPECT_EQ(e["caption"], "Huawei Technologies Co., Ltd.");
  bool han = false;
  bool latin = false;
  for (const auto& n : e["names"]) {
    han = han || n["script"] == "Han";
    latin = latin || n["script"] == "Latin";
  }
  EXPECT_TRUE(han && latin) << e["names"].dump();
  ASSERT_FALSE(e["listings"].empty());
  EXPECT_TRUE(e["listings"][0]["from"].is_string()) << e["listings"].dump();
  EXPECT_FALSE(e["list_events"].empty()) << r->body.substr(0, 2000);
  EXPECT_FALSE(e["owners"].empty());
  EXPECT_FALSE(e["holdings"].empty());
  EXPECT_FALSE(e["history"].empty());
  EXPECT_FALSE(e["mentions"].empty());
  bool snippet = false;
  for (const auto& m : e["mentions"]) {
    snippet =
        snippet || (m.contains("snippet") && !m["snippet"]["match"].get<std::string>().empty());
  }
  EXPECT_TRUE(snippet) << e["mentions"].dump();
  bool demo_file = false;
  for (const auto& p : e["provenance"]) {
    demo_file = demo_file ||
                (p["path"].is_string() &&
                 p["path"].get<std::string>().find("screening-list.json") != std::string::npos);
  }
  EXPECT_TRUE(demo_file) << e["provenance"].dump();
  ExpectError(client_->Get("/entities/no-such-entity"), 404, "no-such-entity");
  ExpectError(client_->Get("/entities/Huawei?as_of=yesterday"), 400, "as_of");
}

TEST_F(ServerTest, ListChangesBetweenTwoDates) {
  auto r = client_->Get("/lists/EL/changes?from=2019-01-01&to=2026-01-01");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = Json(r);
  EXPECT_EQ(j["list"], "EL");
  ASSERT_FALSE(j["changes"].empty()) << r->body;
  EXPECT_TRUE(j["changes"][0].contains("change"));
  auto wide = Json(client_->Get("/lists/EL/changes?from=2018-01-01&to=2026-01-01"));
  bool with_rule = false;
  for (const auto& c : wide["changes"]) {
    with_rule = with_rule || !c["rules"].empty();
  }
  EXPECT_TRUE(with_rule) << wide.dump();
  ExpectError(client_->Get("/lists/EL/changes"), 400, "from=");
  ExpectError(client_->Get("/lists/NOPE/changes?from=2020-01-01"), 404, "NOPE");
  ExpectError(client_->Get("/lists/EL/changes?from=2020-13-01"), 400, "from");
}

TEST_F(ServerTest, ReconciliationManifestQueriesAndPreview) {
  auto m = client_->Get("/reconcile");
  ASSERT_TRUE(m);
  ASSERT_EQ(m->status, 200);
  auto manifest = Json(m);
  EXPECT_NE(std::find(manifest["versions"].begin(), manifest["versions"].end(), "0.2"),
            manifest["versions"].end());
  EXPECT_TRUE(manifest["identifierSpace"].is_string());
  EXPECT_TRUE(manifest["schemaSpace"].is_string());
  EXPECT_FALSE(manifest["defaultTypes"].empty());
  EXPECT_NE(manifest["view"]["url"].get<std::string>().find("{{id}}"), std::string::npos);
  httplib::Params form = {{"queries",
                           R"({"q0":{"query":"华为技术有限公司","type":"Company","limit":2},)"
                           R"("q1":{"query":"SMIC","properties":[{"pid":"country","v":"CN"}]}})"}};
  auto r = client_->Post("/reconcile", form);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = Json(r);
  ASSERT_FALSE(j["q0"]["result"].empty()) << r->body;
  const auto& top = j["q0"]["result"][0];
  EXPECT_EQ(top["name"], "Huawei Technologies Co., Ltd.");
  EXPECT_TRUE(top["type"][0].contains("id"));
  EXPECT_TRUE(top["score"].is_number());
  EXPECT_EQ(top["match"], true);
  EXPECT_LE(j["q0"]["result"].size(), 2u);
  auto p = client_->Get(
      ("/reconcile/preview?id=" + httplib::detail::encode_query_param(top["id"].get<std::string>()))
          .c_str());
  ASSERT_TRUE(p);
  EXPECT_EQ(p->status, 200);
  EXPECT_NE(p->body.find("Huawei Technologies Co., Ltd."), std::string::npos);
}

TEST_F(ServerTest, WebPageIsServed) {
  auto r = client_->Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(r->body.find("<script>"), std::string::npos);
  EXPECT_NE(r->body.find("/search?q="), std::string::npos);
}

TEST_F(ServerTest, UnknownEndpointsAndWritesGetJsonErrors) {
  ExpectError(client_->Get("/nothing/here"), 404, "no such endpoint");
  ExpectError(client_->Put("/entities/x", "{}", "application/json"), 405, "read-only");
  ExpectError(client_->Delete("/entities/x"), 405, "read-only");
  ExpectError(client_->Patch("/query", "{}", "application/json"), 405, "read-only");
}

TEST(ServerLimitsTest, TokenIsRequiredWhenConfigured) {
  ServeOptions o = TestOptions();
  o.token = "s3cret-token-for-tests";
  RunningServer server(DemoDb(), o);
  ASSERT_TRUE(server.ok());
  httplib::Client c("127.0.0.1", server.port());
  ExpectError(c.Get("/version"), 401, "bearer token");
  ExpectError(c.Get("/version", {{"Authorization", "Bearer wrong-token-for-tests"}}), 401,
              "bearer token");
  ExpectError(c.Post("/match", "{}", "application/json"), 401, "bearer token");
  auto ok = c.Get("/version", {{"Authorization", "Bearer s3cret-token-for-tests"}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST(ServerLimitsTest, OversizedBodyIs413) {
  ServeOptions o = TestOptions();
  o.max_body_bytes = 1024;
  RunningServer server(DemoDb(), o);
  ASSERT_TRUE(server.ok());
  httplib::Client c("127.0.0.1", server.port());
  const std::string big = "{\"query\":\"" + std::string(4096, 'x') + "\"}";
  ExpectError(c.Post("/query", big, "application/json"), 413, "larger than 1024 bytes");
  auto small = c.Post("/query", R"({"query":"list | count"})", "application/json");
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200) << small->body;
}

TEST(ServerLimitsTest, TooManyMatchQueriesIs413) {
  ServeOptions o = TestOptions();
  o.max_match_queries = 2;
  RunningServer server(DemoDb(), o);
  ASSERT_TRUE(server.ok());
  httplib::Client c("127.0.0.1", server.port());
  nlohmann::json body = {{"queries", nlohmann::json::object()}};
  for (const char* q : {"a", "b", "c"}) {
    body["queries"][q] = {{"properties", {{"name", {"Huawei"}}}}};
  }
  ExpectError(c.Post("/match", body.dump(), "application/json"), 413, "too many queries");
}

TEST(ServerLimitsTest, QueryTimeoutIsCappedByTheServer) {
  ServeOptions o = TestOptions();
  o.query_limits.max_expansions = 5;
  RunningServer server(DemoDb(), o);
  ASSERT_TRUE(server.ok());
  httplib::Client c("127.0.0.1", server.port());
  // Asking for more than the server allows gets the server's limit.
  auto r = c.Post("/query",
                  nlohmann::json({{"query", "entity -> owns* entity | count"},
                                  {"limits", {{"max_expansions", 1000000}}}})
                      .dump(),
                  "application/json");
  ExpectError(r, 429, "max_expansions");
}

// Connects and sends half a request, then nothing.
int SlowClient(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return -1;
  }
  const std::string partial = "POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"q";
  (void)send(fd, partial.data(), partial.size(), 0);
  return fd;
}

TEST(ServerLimitsTest, SlowClientsAreDroppedAndOthersServed) {
  ServeOptions o = TestOptions();
  o.read_timeout = std::chrono::seconds(1);
  o.threads = 2;
  RunningServer server(DemoDb(), o);
  ASSERT_TRUE(server.ok());
  const int fd = SlowClient(server.port());
  ASSERT_GE(fd, 0);
  // The server gives up on the stalled request and closes the connection.
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  const auto start = std::chrono::steady_clock::now();
  char buf[512];
  ssize_t n = 0;
  std::string got;
  while ((n = recv(fd, buf, sizeof(buf), 0)) > 0) {
    got.append(buf, static_cast<size_t>(n));
  }
  const auto waited = std::chrono::steady_clock::now() - start;
  close(fd);
  EXPECT_EQ(n, 0) << "the connection was not closed";
  EXPECT_LT(waited, std::chrono::seconds(4));
  // Whatever the server said before closing is an HTTP error, not an answer.
  if (!got.empty()) {
    EXPECT_EQ(got.rfind("HTTP/1.1 4", 0), 0u) << got;
  }
  httplib::Client c("127.0.0.1", server.port());
  auto r = c.Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(ServerLimitsTest, BadOptionsAndMissingDatabaseAreErrors) {
  ServeOptions o = TestOptions();
  o.threads = 0;
  EXPECT_EQ(Server::Create(DemoDb(), o).status().code(), StatusCode::kInvalidArgument);
  testutil::TempDir dir;
  EXPECT_EQ(Server::Create(dir.Sub("none"), TestOptions()).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace ecg::serve
