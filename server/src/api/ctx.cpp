#include "api/ctx.hpp"

#include <charconv>

namespace trellis::api {

using http::Request;
using http::Response;

access::Actor Ctx::actor() const {
  access::Actor a;
  if (who) {
    a.org_id = who->user.org_id;
    a.user_id = who->user.id;
    a.role = std::string(access::role_name(who->user.role));
  }
  a.request_id = request_id;
  a.client_address = req.client_address;
  return a;
}

Result<JsonReader> Ctx::input() const {
  // Only a route whose contract names a request schema has a body the pipeline parsed and checked.
  if (!body)
    return std::unexpected(Error::make(ErrorKind::internal, "This route takes no request body",
                                       "Its contract names no request schema.", "no_request_schema"));
  return JsonReader::of(*body);
}

Response written(JsonWriter&& w, int status) {
  auto version = w.version();
  auto resp = Response::json(status, std::move(w));
  if (version) resp.header("ETag", etag(*version));
  return resp;
}

Response respond_empty(const Ctx& ctx, Result<void> r) {
  if (!r) return ctx.problem(r.error());
  return Response::empty(204);
}

std::string etag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

Result<std::int64_t> if_match_version(const Request& req) {
  auto h = req.header("if-match");
  if (!h)
    return fail(ErrorKind::precondition_required, "This change needs the version you last saw",
                "Send the ETag you received as an If-Match header, so nobody's changes are overwritten.",
                "if_match_required");
  std::string_view s = *h;
  if (s.starts_with("W/")) s.remove_prefix(2);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 1)
    return fail(Error::field(ErrorKind::bad_request, "If-Match", "must be an ETag this API gave out, like \"3\""));
  return v;
}

}  // namespace trellis::api
