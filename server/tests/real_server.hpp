// The real server on a real socket, for tests that need RESTinio in the loop: a free port, a
// throwaway web root, and raw HTTP/1.1 over TCP (so a test can send what no client library would).
#pragma once
#include <filesystem>
#include <future>
#include <optional>
#include <string>

#include "support.hpp"

namespace trellis::test {

unsigned free_port();

struct RawReply {
  int status = 0;
  std::string head, body;
  bool has(const std::string& header_line) const { return head.find(header_line) != std::string::npos; }
};

// Sends the bytes, half-closes nothing, and reads until the server closes the connection.
// Empty when the connection could not be made; status 0 when the server closed without answering.
std::optional<RawReply> send_raw(unsigned port, const std::string& request);

class RealServer : public TrellisTest {
 protected:
  void SetUp() override;
  void TearDown() override;
  RawReply get(const std::string& path, const std::string& extra = "");
  std::filesystem::path root;
  std::future<Result<void>> done;
};

}  // namespace trellis::test
