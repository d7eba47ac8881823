// Plain HTTP request and response values. Only http/server.cpp knows RESTinio; every area
// sees these, so most files compile without the HTTP library.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/json_writer.hpp"

namespace trellis::http {

struct Request {
  std::string method;                                        // upper case
  std::string path;                                          // decoded, without the query
  std::string query_string;                                  // raw, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string client_address;

  std::optional<std::string> header(std::string_view lower_name) const;
  std::optional<std::string> query(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  std::optional<std::string> find_header(std::string_view name) const;

  // The body its writer wrote (decision 0030).
  static Response json(int status, JsonWriter&& body);
  // A body that is one object, its members written by members(JsonWriter&).
  template <typename F>
  static Response object(int status, F&& members) {
    JsonWriter w;
    w.object([&] { members(w); });
    return json(status, std::move(w));
  }
  static Response empty(int status = 204);
  // RFC 9457 problem details; the request id lets a person quote the error to support.
  static Response problem(const Error& e, const std::string& request_id);
};

std::string url_decode(std::string_view s, bool plus_is_space);

}  // namespace trellis::http
