// The real server over a real socket: RESTinio, static files, gzip, limits and SIGTERM.
#include "http/gzip.hpp"
#include "real_server.hpp"

namespace trellis::test {
namespace {

TEST_F(RealServer, answers_health_over_http) {
  auto r = get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("ok"), std::string::npos);
  EXPECT_TRUE(r.has("X-Request-Id: "));
}

TEST_F(RealServer, client_routes_fall_back_to_the_app_shell_with_a_csp) {
  auto r = get("/admin/users/anything");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<div id=root>"), std::string::npos);
  EXPECT_TRUE(r.has("Content-Security-Policy: default-src 'self'"));
  EXPECT_TRUE(r.has("Cache-Control: no-cache"));
}

TEST_F(RealServer, hashed_assets_are_cached_for_good_and_gzipped) {
  auto r = get("/assets/index-abc123.js", "Accept-Encoding: gzip\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.has("Cache-Control: public, max-age=31536000, immutable"));
  EXPECT_TRUE(r.has("Content-Encoding: gzip"));
  EXPECT_EQ(http::gzip_decompress(r.body).value_or(""), std::string(4000, 'x'));
  EXPECT_EQ(get("/assets/missing-000.js").status, 404);
}

TEST_F(RealServer, an_oversized_body_gets_a_problem_413) {
  std::string body(5000, 'a');
  auto r = send_raw(config.port, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                                 "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 413);
  EXPECT_TRUE(r->has("Content-Type: application/problem+json"));
}

TEST_F(RealServer, malformed_http_never_brings_the_server_down) {
  send_raw(config.port, "THIS IS NOT HTTP\r\n\r\n");
  send_raw(config.port, "GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
  EXPECT_EQ(get("/healthz").status, 200);
}

}  // namespace
}  // namespace trellis::test
