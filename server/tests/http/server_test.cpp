// The real server over a real socket: RESTinio, static files, gzip, limits and SIGTERM.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "http/gzip.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

unsigned free_port() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(s);
  return ntohs(a.sin_port);
}

struct RawReply {
  int status = 0;
  std::string head, body;
  bool has(const std::string& header_line) const { return head.find(header_line) != std::string::npos; }
};

std::optional<RawReply> send_raw(unsigned port, const std::string& request) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(s);
    return std::nullopt;
  }
  std::size_t sent = 0;
  while (sent < request.size()) {
    auto n = ::send(s, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string data;
  char buf[8192];
  ssize_t n;
  while ((n = ::recv(s, buf, sizeof buf, 0)) > 0) data.append(buf, static_cast<std::size_t>(n));
  ::close(s);
  RawReply r;
  auto split = data.find("\r\n\r\n");
  if (split == std::string::npos) return r;
  r.head = data.substr(0, split);
  r.body = data.substr(split + 4);
  if (r.head.size() > 12) r.status = std::stoi(r.head.substr(9, 3));
  return r;
}

class RealServer : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    root = std::filesystem::temp_directory_path() / ("trellis-web-" + std::to_string(::getpid()));
    std::filesystem::create_directories(root / "assets");
    std::ofstream(root / "index.html") << "<!doctype html><title>Trellis</title><div id=root></div>";
    std::ofstream(root / "assets" / "index-abc123.js") << std::string(4000, 'x');
    config.port = free_port();
    config.web_root = root.string();
    config.threads = 2;
    config.max_body_bytes = 4096;
    app = std::make_unique<http::App>(*services, std::make_unique<http::StaticFiles>(config.web_root));
    done = std::async(std::launch::async, [this] { return http::serve(*app); });
    for (int i = 0; i < 200; ++i) {
      if (send_raw(config.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));  // waiting for a real socket to open
    }
    FAIL() << "the server did not start";
  }
  void TearDown() override {
    if (done.valid()) {
      std::raise(SIGTERM);
      EXPECT_EQ(done.wait_for(std::chrono::seconds(10)), std::future_status::ready);
      EXPECT_TRUE(done.get().has_value());
    }
    std::filesystem::remove_all(root);
    TrellisTest::TearDown();
  }
  RawReply get(const std::string& path, const std::string& extra = "") {
    auto r = send_raw(config.port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra + "\r\n");
    return r.value_or(RawReply{});
  }
  std::filesystem::path root;
  std::future<Result<void>> done;
};

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
