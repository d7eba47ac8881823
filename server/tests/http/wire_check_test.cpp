// The check that answers for RESTinio's parser: what it refuses, and that it never refuses
// ordinary traffic however the bytes are split.
#include <gtest/gtest.h>

#include <string>

#include "http/wire_check.hpp"

namespace trellis::http {
namespace {

WireLimits limits() {
  WireLimits l;
  l.max_url_size = 1024;
  l.max_field_name_size = 1024;
  l.max_field_value_size = 1024;
  l.max_field_count = 100;
  l.max_body_size = 4096;
  l.max_header_bytes = 16 * 1024;
  return l;
}

std::optional<Error> check(const std::string& bytes, std::size_t step = 0) {
  WireCheck w(limits());
  if (step == 0) {
    w.feed(bytes.data(), bytes.size());
  } else {
    for (std::size_t i = 0; i < bytes.size(); i += step) w.feed(bytes.data() + i, std::min(step, bytes.size() - i));
  }
  return w.problem();
}

TEST(WireCheck, keep_alive_requests_with_bodies_pass_however_they_are_split) {
  std::string body = R"({"email":"a@example.org","password":"correct horse"})";
  std::string chunked = "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
  std::string traffic =
      "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body + chunked +
      "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  for (std::size_t step : {0, 1, 3, 7, 64}) EXPECT_FALSE(check(traffic, step).has_value()) << "step " << step;
}

TEST(WireCheck, too_many_header_lines_are_a_431) {
  std::string req = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 2000; ++i) req += "X-" + std::to_string(i) + ": y\r\n";
  auto p = check(req + "\r\n", 512);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(http_status(p->kind), 431);
  EXPECT_EQ(p->code, "too_many_headers");
}

TEST(WireCheck, exactly_the_limit_of_header_lines_passes) {
  std::string req = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 100; ++i) req += "X-" + std::to_string(i) + ": y\r\n";
  EXPECT_FALSE(check(req + "\r\n").has_value());
}

TEST(WireCheck, a_negative_content_length_is_a_400) {
  auto p = check("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\nhello");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(http_status(p->kind), 400);
  EXPECT_EQ(p->code, "invalid_content_length");
}

TEST(WireCheck, two_content_lengths_are_a_400) {
  auto p = check("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(http_status(p->kind), 400);
  EXPECT_EQ(p->code, "ambiguous_content_length");
}

TEST(WireCheck, a_body_over_the_hard_limit_is_a_413_declared_or_chunked) {
  auto declared = check("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
  ASSERT_TRUE(declared.has_value());
  EXPECT_EQ(http_status(declared->kind), 413);
  std::string chunk(3000, 'a');
  auto chunked = check("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nbb8\r\n" + chunk +
                       "\r\nbb8\r\n" + chunk + "\r\n0\r\n\r\n");
  ASSERT_TRUE(chunked.has_value());
  EXPECT_EQ(http_status(chunked->kind), 413);
}

TEST(WireCheck, over_long_header_fields_are_a_431) {
  auto p = check("GET / HTTP/1.1\r\nX-Long: " + std::string(2000, 'v') + "\r\n\r\n");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(http_status(p->kind), 431);
  EXPECT_EQ(p->code, "headers_too_large");
}

TEST(WireCheck, bytes_that_are_not_http_are_a_400) {
  auto p = check("THIS IS NOT HTTP\r\n\r\n");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(http_status(p->kind), 400);
  EXPECT_EQ(p->code, "malformed_http");
}

TEST(WireCheck, what_follows_a_closing_request_is_never_read_so_never_refused) {
  auto p = check("GET / HTTP/1.1\r\nConnection: close\r\n\r\nTHIS IS NOT HTTP\r\n\r\n");
  EXPECT_FALSE(p.has_value()) << p->code << " " << p->detail;
}

}  // namespace
}  // namespace trellis::http
