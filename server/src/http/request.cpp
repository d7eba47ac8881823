#include "http/request.hpp"

namespace trellis::http {

std::optional<std::string> Request::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers)
    if (k == lower_name) return v;
  return std::nullopt;
}

std::string url_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> Request::query(std::string_view name) const {
  std::string_view q = query_string;
  while (!q.empty()) {
    auto amp = q.find('&');
    auto part = q.substr(0, amp);
    auto eq = part.find('=');
    auto key = url_decode(part.substr(0, eq), true);
    if (key == name) return eq == std::string_view::npos ? std::string() : url_decode(part.substr(eq + 1), true);
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  auto h = header("cookie");
  if (!h) return std::nullopt;
  std::string_view s = *h;
  while (!s.empty()) {
    auto semi = s.find(';');
    auto part = s.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

std::optional<std::string> Response::find_header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return std::nullopt;
}

Response Response::json(int status, JsonWriter&& body) {
  Response r;
  r.status = status;
  r.body = body.take();
  return r;
}

Response Response::empty(int status) {
  Response r;
  r.status = status;
  r.content_type.clear();
  return r;
}

Response Response::problem(const Error& e, const std::string& request_id) {
  Response r = object(http_status(e.kind), [&](JsonWriter& w) {
    w.field("type", "https://trellis.example/problems/" + (e.code.empty() ? std::string("error") : e.code));
    w.field("title", e.title);
    w.field("status", http_status(e.kind));
    w.field("detail", e.detail);
    w.field("requestId", request_id);
    if (e.fields.empty()) return;
    w.key("errors");
    w.array([&] {
      for (const auto& f : e.fields)
        w.object([&] {
          w.field("field", f.field);
          w.field("message", f.message);
        });
    });
  });
  r.content_type = "application/problem+json";
  if (e.retry_after_seconds > 0) r.header("Retry-After", std::to_string(e.retry_after_seconds));
  return r;
}

}  // namespace trellis::http
