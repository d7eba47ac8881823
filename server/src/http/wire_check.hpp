// Why RESTinio's HTTP parser refused a request. RESTinio closes the connection without a word when
// its parser (http_parser) or one of its limits rejects the bytes: too many header lines, a header
// block over the parser's 80 KiB cap, a negative or repeated Content-Length, a body over the hard
// limit, or bytes that are not HTTP at all. A WireCheck runs the same parser with the same limits
// over the same bytes as they arrive, so the server can answer with the reason before it closes.
#pragma once
#include <http_parser.h>

#include <cstddef>
#include <optional>

#include "core/error.hpp"

namespace trellis::http {

// The limits handed to RESTinio (incoming_http_msg_limits_t); the check must use the very same.
struct WireLimits {
  std::size_t max_url_size = 0;
  std::size_t max_field_name_size = 0;
  std::size_t max_field_value_size = 0;
  std::size_t max_field_count = 0;
  std::size_t max_body_size = 0;
  std::size_t max_header_bytes = 0;  // only for the message: the size the App answers 431 above
};

class WireCheck {
 public:
  explicit WireCheck(const WireLimits& limits);
  // Bytes in the order they arrived on one connection. After a refusal, later bytes are ignored.
  void feed(const char* data, std::size_t size);
  // The refusal, as the problem the client should get; empty while every byte was acceptable.
  const std::optional<Error>& problem() const { return problem_; }

 private:
  enum class Limit { none, url, field_name, field_value, field_count, body };
  static int on_message_begin(http_parser* p);
  static int on_url(http_parser* p, const char* at, std::size_t n);
  static int on_header_field(http_parser* p, const char* at, std::size_t n);
  static int on_header_value(http_parser* p, const char* at, std::size_t n);
  static int on_headers_complete(http_parser* p);
  static int on_body(http_parser* p, const char* at, std::size_t n);
  static int on_message_complete(http_parser* p);
  static const http_parser_settings& settings();
  int refuse(Limit limit);
  Error explain(http_errno err) const;

  WireLimits limits_;
  http_parser parser_;
  // Per message, counted exactly as RESTinio's parser callbacks count them.
  std::size_t url_ = 0, field_count_ = 0, name_ = 0, value_ = 0, body_ = 0;
  bool last_was_value_ = true;
  Limit exceeded_ = Limit::none;
  bool stopped_ = false;  // refused, or no longer HTTP (an upgrade, or bytes after a closing message)
  std::optional<Error> problem_;
};

}  // namespace trellis::http
