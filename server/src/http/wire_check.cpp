#include "http/wire_check.hpp"

#include <climits>
#include <string>

namespace trellis::http {
namespace {

WireCheck* self(http_parser* p) { return static_cast<WireCheck*>(p->data); }

}  // namespace

WireCheck::WireCheck(const WireLimits& limits) : limits_(limits) { http_parser_init(&parser_, HTTP_REQUEST); }

int WireCheck::refuse(Limit limit) {
  exceeded_ = limit;
  return -1;  // stops the parser: HPE_CB_*
}

// Each callback below mirrors the matching one in RESTinio's impl/parser_callbacks.ipp, limit
// for limit and comparison for comparison, so this check refuses exactly what RESTinio refuses.
int WireCheck::on_message_begin(http_parser* p) {
  auto* w = self(p);
  w->url_ = w->field_count_ = w->name_ = w->value_ = w->body_ = 0;
  w->last_was_value_ = true;
  return 0;
}

int WireCheck::on_url(http_parser* p, const char*, std::size_t n) {
  auto* w = self(p);
  w->url_ += n;
  if (w->url_ > w->limits_.max_url_size) return w->refuse(Limit::url);
  return 0;
}

int WireCheck::on_header_field(http_parser* p, const char*, std::size_t n) {
  auto* w = self(p);
  if (w->last_was_value_) {
    if (w->field_count_ == w->limits_.max_field_count) return w->refuse(Limit::field_count);
    w->name_ = n;
    w->last_was_value_ = false;
  } else {
    w->name_ += n;
  }
  if (w->name_ > w->limits_.max_field_name_size) return w->refuse(Limit::field_name);
  return 0;
}

int WireCheck::on_header_value(http_parser* p, const char*, std::size_t n) {
  auto* w = self(p);
  if (!w->last_was_value_) {
    w->value_ = n;
    w->last_was_value_ = true;
    ++w->field_count_;
  } else {
    w->value_ += n;
  }
  if (w->value_ >= w->limits_.max_field_value_size) return w->refuse(Limit::field_value);
  return 0;
}

int WireCheck::on_headers_complete(http_parser* p) {
  auto* w = self(p);
  if (p->content_length != ULLONG_MAX && p->content_length > 0 && p->content_length > w->limits_.max_body_size)
    return w->refuse(Limit::body);
  return 0;
}

int WireCheck::on_body(http_parser* p, const char*, std::size_t n) {
  auto* w = self(p);
  w->body_ += n;
  if (w->body_ > w->limits_.max_body_size) return w->refuse(Limit::body);
  return 0;
}

// After a message that ends the connection (or hands it to another protocol) RESTinio answers it
// and closes: nothing after it is ever read, so nothing after it can be refused.
int WireCheck::on_message_complete(http_parser* p) {
  if (!http_should_keep_alive(p) || p->upgrade) {
    self(p)->stopped_ = true;
    http_parser_pause(p, 1);
  }
  return 0;
}

const http_parser_settings& WireCheck::settings() {
  static const http_parser_settings s = [] {
    http_parser_settings s;
    http_parser_settings_init(&s);
    s.on_message_begin = &WireCheck::on_message_begin;
    s.on_url = &WireCheck::on_url;
    s.on_header_field = &WireCheck::on_header_field;
    s.on_header_value = &WireCheck::on_header_value;
    s.on_headers_complete = &WireCheck::on_headers_complete;
    s.on_body = &WireCheck::on_body;
    s.on_message_complete = &WireCheck::on_message_complete;
    return s;
  }();
  return s;
}

void WireCheck::feed(const char* data, std::size_t size) {
  if (stopped_ || size == 0) return;
  parser_.data = this;  // set on every call: the check moves with the socket it belongs to
  http_parser_execute(&parser_, &settings(), data, size);
  auto err = HTTP_PARSER_ERRNO(&parser_);
  if (stopped_ || err == HPE_OK) return;
  stopped_ = true;
  problem_ = explain(err);
}

Error WireCheck::explain(http_errno err) const {
  auto too_large = [&] {
    return Error::make(ErrorKind::headers_too_large, "The request headers are too large",
                       "Send at most " + std::to_string(limits_.max_header_bytes / 1024) +
                           " KiB of headers; clearing this site's cookies may help.",
                       "headers_too_large");
  };
  switch (exceeded_) {
    case Limit::field_count:
      return Error::make(ErrorKind::headers_too_large, "The request has too many header lines",
                         "Send at most " + std::to_string(limits_.max_field_count) + " header lines.",
                         "too_many_headers");
    case Limit::url:
    case Limit::field_name:
    case Limit::field_value:
      return too_large();
    case Limit::body:
      return Error::make(ErrorKind::payload_too_large, "The request body is too large",
                         "Send a much smaller body: this one is over the server's hard limit.", "payload_too_large");
    case Limit::none:
      break;
  }
  switch (err) {
    case HPE_HEADER_OVERFLOW:
      return too_large();
    case HPE_INVALID_CONTENT_LENGTH:
      return Error::make(ErrorKind::bad_request, "The Content-Length header is not a length",
                         "Content-Length must be a whole number of bytes, 0 or more.", "invalid_content_length");
    case HPE_UNEXPECTED_CONTENT_LENGTH:
      return Error::make(ErrorKind::bad_request, "The request gives its length more than one way",
                         "Send one Content-Length header, or Transfer-Encoding: chunked, but not both and not twice.",
                         "ambiguous_content_length");
    default:
      return Error::make(ErrorKind::bad_request, "The request could not be read",
                         std::string("It is not well-formed HTTP/1.1 (") + http_errno_description(err) + ").",
                         "malformed_http");
  }
}

}  // namespace trellis::http
