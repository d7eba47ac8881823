// What the server reads from a request's start and headers itself (RESTinio has split the
// message): the path as routed, the query, the session cookie and If-Match. One line each:
// path, query string, Cookie, If-Match, then a name to look up in the query and the cookies.
#include <cstdlib>

#include "http/context.hpp"
#include "http/router.hpp"
#include "input.hpp"

using namespace trellis;

namespace {
const http::Router& router() {
  static const http::Router r = [] {
    http::Router r;
    auto none = [](http::Ctx&) { return http::Response::empty(); };
    r.add("GET", "/api/v1/people/:id", access::Rule::signed_in(), {}, none);
    r.add("PUT", "/api/v1/people/:id/plans/:planId", access::Rule::signed_in(), {}, none);
    r.add("GET", "/api/v1/directory/services", access::Rule::signed_in(), {}, none);
    r.add("GET", "/healthz", access::Rule::anyone(), {}, none);
    return r;
  }();
  return r;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parts = fuzz::first_lines(fuzz::as_text(data, size), 5);
  http::Request req;
  req.method = "GET";
  req.path = http::url_decode(parts[0], false);
  req.query_string = std::string(parts[1]);
  req.headers = {{"cookie", std::string(parts[2])}, {"if-match", std::string(parts[3])}};
  std::string name(parts[4]);

  (void)req.cookie("trellis_session");
  (void)req.cookie("__Host-trellis_session");
  (void)req.cookie(name);
  (void)req.query("limit");
  (void)req.query("cursor");
  (void)req.query(name);
  (void)router().match("GET", req.path);
  (void)router().match("PUT", req.path);
  if (auto v = http::if_match_version(req)) {
    // The ETag we send for a version must read back as that version.
    req.headers = {{"if-match", http::etag(*v)}};
    auto back = http::if_match_version(req);
    if (!back || *back != *v) std::abort();
  }
  return 0;
}
