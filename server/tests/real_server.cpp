#include "real_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <thread>

#include "http/server.hpp"
#include "http/static_files.hpp"

namespace trellis::test {

unsigned free_port() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a), 0) << "no free loopback port";
  socklen_t len = sizeof a;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(s);
  return ntohs(a.sin_port);
}

std::optional<RawReply> send_raw(unsigned port, const std::string& request) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // A server that never answers fails the test instead of hanging it.
  timeval limit{30, 0};
  ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  ::setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
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

void RealServer::SetUp() {
  TrellisTest::SetUp();
  root = std::filesystem::temp_directory_path() / ("trellis-web-" + std::to_string(::getpid()));
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<!doctype html><title>Trellis</title><div id=root></div>";
  std::ofstream(root / "assets" / "index-abc123.js") << std::string(4000, 'x');
  config.port = free_port();
  config.web_root = root.string();
  config.threads = 2;
  config.max_body_bytes = 4096;
  app = std::make_unique<app::App>(*runtime, std::make_unique<http::StaticFiles>(config.web_root));
  done = std::async(std::launch::async, [this] { return http::serve(*app); });
  for (int i = 0; i < 200; ++i) {
    if (send_raw(config.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // waiting for a real socket to open
  }
  FAIL() << "the server did not start";
}

void RealServer::TearDown() {
  if (done.valid()) {
    std::raise(SIGTERM);
    EXPECT_EQ(done.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    EXPECT_TRUE(done.get().has_value());
  }
  std::filesystem::remove_all(root);
  TrellisTest::TearDown();
}

RawReply RealServer::get(const std::string& path, const std::string& extra) {
  auto r =
      send_raw(config.port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra + "\r\n");
  return r.value_or(RawReply{});
}

}  // namespace trellis::test
