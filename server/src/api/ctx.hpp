// What a route handler is given: the request, its path parameters, who is asking and the time.
// Handlers parse, call a service and render; the rules live in services.
#pragma once
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "core/json_input.hpp"
#include "http/request.hpp"

namespace trellis::access {
struct PersonAccess;
}

namespace trellis::api {

struct Ctx {
  const http::Request& req;
  std::map<std::string, std::string> params;
  std::string request_id;
  TimePoint now;
  const access::Principal* who = nullptr;
  const access::PersonAccess* person = nullptr;  // set on person routes, after the policy allowed it
  // The request body, parsed and checked against the route's request schema by the pipeline;
  // null on routes that take no body.
  const nlohmann::json* body = nullptr;
  // What a handler shows that is audited beyond the route's own person read: a list's people (one
  // event each), a search across the organisation. The pipeline hands them to the audit writer
  // with the answer; it goes only once they are durable, and not at all if they cannot be recorded.
  std::vector<access::AuditEntry> reads_shown;

  // The body's fields, to read with each field's rule: the one way a handler reads its body.
  Result<JsonReader> input() const;

  const std::string& param(const std::string& name) const { return params.at(name); }
  const access::Principal& principal() const { return *who; }       // routes with a signed-in rule only
  const std::string& org_id() const { return who->user.org_id; }    // the same
  const std::string& person_id() const { return params.at("id"); }  // person routes: /people/:id/…
  access::Actor actor() const;
  http::Response problem(const Error& e) const { return http::Response::problem(e, request_id); }
};

// Renders a service result: the JSON on success, problem+json on error.
http::Response respond(const Ctx& ctx, Result<nlohmann::json> r, int status = 200);
http::Response respond_empty(const Ctx& ctx, Result<void> r);
template <typename T, typename F>
http::Response respond_as(const Ctx& ctx, const Result<T>& r, F&& render, int status = 200) {
  if (!r) return respond(ctx, std::unexpected(r.error()), status);
  return respond(ctx, Result<nlohmann::json>(render(*r)), status);
}

// {"items": [to_json(x) for x in xs]}: the shape of every list this API returns.
// The renderer defaults to the to_json found beside each item's type.
template <typename T, typename Render>
nlohmann::json items_json(const std::vector<T>& xs, Render render) {
  auto out = nlohmann::json::array();
  for (const auto& x : xs) out.push_back(render(x));
  return {{"items", out}};
}
template <typename T>
nlohmann::json items_json(const std::vector<T>& xs) {
  return items_json(xs, [](const T& x) { return to_json(x); });
}

// Reads If-Match ("3" or W/"3"); 428 when absent, 400 when unreadable.
Result<std::int64_t> if_match_version(const http::Request& req);
std::string etag(std::int64_t version);

}  // namespace trellis::api
