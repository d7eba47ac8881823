#include <set>

#include "support.hpp"

namespace trellis::test {
namespace {

class Problems : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    admin = sign_in("administrator@demo.example");
  }
  Reply post_raw(const std::string& path, const std::string& body) {
    http::Request req;
    req.method = "POST";
    req.path = path;
    req.headers = {{"cookie", admin.cookie}, {"x-csrf-token", admin.csrf}, {"host", "127.0.0.1:8080"}};
    req.body = body;
    return call_raw(req);
  }
  void expect_problem(const Reply& r, int status) {
    EXPECT_EQ(r.status, status) << r.raw.body;
    EXPECT_EQ(r.raw.content_type, "application/problem+json");
    EXPECT_EQ(r.body["status"], status);
    EXPECT_FALSE(r.body["title"].get<std::string>().empty());
    EXPECT_FALSE(r.body["requestId"].get<std::string>().empty());
  }
  std::size_t team_count() {
    auto n = db->read([](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM teams"); });
    return static_cast<std::size_t>((*n)->integer(0));
  }
  Browser admin;
};

TEST_F(Problems, unknown_api_route_is_404) { expect_problem(call("GET", "/api/v1/nothing-here", &admin), 404); }

TEST_F(Problems, wrong_method_is_405_with_allow) {
  auto r = call("DELETE", "/api/v1/teams", &admin);
  expect_problem(r, 405);
  EXPECT_EQ(r.header("Allow").value_or(""), "GET, POST");
}

TEST_F(Problems, malformed_json_is_400_and_writes_nothing) {
  auto before = team_count();
  for (const char* body : {"{", "not json", "[1,2]", "\"text\"", "{\"name\": \"x\",}", "\xff\xfe{}"}) {
    auto r = post_raw("/api/v1/teams", body);
    expect_problem(r, 400);
  }
  EXPECT_EQ(team_count(), before);
}

TEST_F(Problems, missing_unknown_and_mistyped_fields_are_named_together) {
  auto r = post_raw("/api/v1/users", R"({"email": 42, "role": "wizard", "colour": "blue"})");
  expect_problem(r, 422);
  std::set<std::string> fields;
  for (const auto& e : r.body["errors"]) fields.insert(e["field"]);
  EXPECT_TRUE(fields.contains("email"));
  EXPECT_TRUE(fields.contains("displayName"));
  EXPECT_TRUE(fields.contains("role"));
  EXPECT_TRUE(fields.contains("password"));
  EXPECT_TRUE(fields.contains("colour"));
}

TEST_F(Problems, too_long_text_is_refused_naming_the_limit) {
  auto r = post_raw("/api/v1/teams", nlohmann::json{{"name", std::string(500, 'a')}}.dump());
  expect_problem(r, 422);
  EXPECT_NE(r.body["errors"][0]["message"].get<std::string>().find("at most 120"), std::string::npos);
}

TEST_F(Problems, an_oversized_body_is_413) {
  auto r = post_raw("/api/v1/teams", std::string(config.max_body_bytes + 1, ' '));
  expect_problem(r, 413);
}

TEST_F(Problems, oversized_headers_are_431) {
  auto r =
      call("GET", "/api/v1/teams", &admin, std::nullopt, {{"x-filler", std::string(config.max_header_bytes, 'x')}});
  expect_problem(r, 431);
}

TEST_F(Problems, a_bad_id_in_the_path_is_404_not_500) {
  expect_problem(call("GET", "/api/v1/users/'; DROP TABLE users; --", &admin), 404);
  expect_problem(call("GET", "/api/v1/teams/%00", &admin), 404);
}

TEST_F(Problems, a_bad_limit_is_400_naming_it) {
  auto r = call("GET", "/api/v1/users?limit=100000", &admin);
  expect_problem(r, 400);
  EXPECT_EQ(r.body["errors"][0]["field"], "limit");
}

TEST_F(Problems, responses_never_carry_sql_or_internal_text) {
  auto r = post_raw("/api/v1/teams", R"({"name": "Community Recovery Team"})");  // a duplicate
  expect_problem(r, 409);
  EXPECT_EQ(r.raw.body.find("UNIQUE"), std::string::npos);
  EXPECT_EQ(r.raw.body.find("constraint"), std::string::npos);
  EXPECT_EQ(r.body["errors"][0]["field"], "name");
}

TEST_F(Problems, security_headers_are_on_every_response) {
  auto r = call("GET", "/api/v1/teams", &admin);
  EXPECT_EQ(r.header("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_EQ(r.header("Cache-Control").value_or(""), "no-store");
  EXPECT_TRUE(r.header("X-Request-Id").has_value());
}

TEST_F(Problems, health_and_readiness_answer) {
  EXPECT_EQ(call("GET", "/healthz").status, 200);
  EXPECT_EQ(call("GET", "/readyz").status, 200);
  runtime->draining = true;
  expect_problem(call("GET", "/readyz"), 503);
}

}  // namespace
}  // namespace trellis::test
