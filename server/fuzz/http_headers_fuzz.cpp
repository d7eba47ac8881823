// What the server reads from a request's start and headers itself (RESTinio has split the
// message): the path as routed, the query, the session cookie and If-Match. One line each:
// path, query string, Cookie, If-Match, then a name to look up in the query and the cookies.
#include <cstdlib>

#include "api/ctx.hpp"
#include "http/router.hpp"
#include "input.hpp"

using namespace trellis;

namespace {
const http::PathTable& router() {
  static const http::PathTable r = [] {
    http::PathTable r;
    r.add("GET", "/api/v1/people/:id");
    r.add("PUT", "/api/v1/people/:id/plans/:planId");
    r.add("GET", "/api/v1/directory/services");
    r.add("GET", "/healthz");
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
  if (auto v = api::if_match_version(req)) {
    // The ETag we send for a version must read back as that version.
    req.headers = {{"if-match", api::etag(*v)}};
    auto back = api::if_match_version(req);
    if (!back || *back != *v) std::abort();
  }
  return 0;
}
