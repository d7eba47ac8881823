// The real server over a real socket: RESTinio, static files, gzip, limits and SIGTERM.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdio>

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
  auto r =
      send_raw(config.port,
               "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
               "Content-Length: " +
                   std::to_string(body.size()) + "\r\n\r\n" + body);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 413);
  EXPECT_TRUE(r->has("Content-Type: application/problem+json"));
}

TEST_F(RealServer, malformed_http_never_brings_the_server_down) {
  send_raw(config.port, "THIS IS NOT HTTP\r\n\r\n");
  send_raw(config.port, "GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
  EXPECT_EQ(get("/healthz").status, 200);
}

// What RESTinio's own parser refuses used to close the connection without a word; now the
// connection's WireCheck answers first (see http/server.cpp).
void expect_problem(const std::optional<RawReply>& r, int status, const std::string& code) {
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, status) << "the server closed the connection with: " << r->head << r->body;
  EXPECT_TRUE(r->has("Content-Type: application/problem+json")) << r->head;
  EXPECT_TRUE(r->has("Connection: close")) << r->head;
  EXPECT_NE(r->body.find("\"" + code + "\""), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("\"status\":" + std::to_string(status)), std::string::npos) << r->body;
}

TEST_F(RealServer, two_thousand_small_headers_get_a_problem_431) {
  std::string req = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 2000; ++i) req += "X-" + std::to_string(i) + ": y\r\n";
  expect_problem(send_raw(config.port, req + "\r\n"), 431, "https://trellis.example/problems/too_many_headers");
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(RealServer, a_negative_content_length_gets_a_problem_400) {
  expect_problem(
      send_raw(config.port, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\nhello"), 400,
      "https://trellis.example/problems/invalid_content_length");
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(RealServer, two_different_content_lengths_get_a_problem_400) {
  expect_problem(send_raw(config.port,
                          "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                          "Content-Length: 6\r\n\r\nhello!"),
                 400, "https://trellis.example/problems/ambiguous_content_length");
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(RealServer, a_body_over_the_hard_limit_gets_a_problem_413_before_it_is_sent) {
  expect_problem(send_raw(config.port,
                          "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Content-Length: 1000000\r\n\r\n{"),
                 413, "https://trellis.example/problems/payload_too_large");
}

TEST_F(RealServer, text_that_is_not_http_gets_a_problem_400) {
  expect_problem(send_raw(config.port, "THIS IS NOT HTTP\r\n\r\n"), 400,
                 "https://trellis.example/problems/malformed_http");
}

// One kept-alive connection carrying requests one after another, as a browser sends them: the
// check riding on the socket must never mistake ordinary traffic for a refusal.
TEST_F(RealServer, requests_one_after_another_on_one_connection_are_all_answered) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(config.port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval limit{10, 0};
  ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  ASSERT_EQ(::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  // Sends one request and reads exactly its response (by Content-Length); "" when none came.
  auto exchange = [&](const std::string& request) -> std::string {
    if (::send(s, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) return "";
    std::string in;
    char buf[4096];
    for (;;) {
      auto split = in.find("\r\n\r\n");
      if (split != std::string::npos) {
        auto at = in.find("Content-Length: ");
        std::size_t length = at == std::string::npos ? 0 : std::stoul(in.substr(at + 16));
        if (in.size() >= split + 4 + length) return in;
      }
      auto n = ::recv(s, buf, sizeof buf, 0);
      if (n <= 0) return "";
      in.append(buf, static_cast<std::size_t>(n));
    }
  };
  std::string body = R"({"email":"nobody@example.org","password":"not the right one"})";
  std::string chunk = R"({"email":"nobody@example.org",)";
  std::string rest = R"("password":"not the right one"})";
  auto hex = [](std::size_t n) {
    char b[16];
    std::snprintf(b, sizeof b, "%zx", n);
    return std::string(b);
  };
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").substr(0, 12), "HTTP/1.1 200") << round;
    EXPECT_EQ(exchange("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       "Content-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n" + body)
                  .substr(0, 12),
              "HTTP/1.1 401")
        << round;
    EXPECT_EQ(exchange("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n" +
                       hex(chunk.size()) + "\r\n" + chunk + "\r\n" + hex(rest.size()) + "\r\n" + rest + "\r\n0\r\n\r\n")
                  .substr(0, 12),
              "HTTP/1.1 401")
        << round;
  }
  ::close(s);
}

}  // namespace
}  // namespace trellis::test
