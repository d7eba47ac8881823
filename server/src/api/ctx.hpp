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
#include "core/json_writer.hpp"
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

http::Response respond_empty(const Ctx& ctx, Result<void> r);
// How a record is written unless a route says otherwise: the write_json beside its type.
inline constexpr auto write_item = [](JsonWriter& w, const auto& x) { w.value(x); };
// The body a writer wrote, with an ETag when its top-level object showed a version.
http::Response written(JsonWriter&& w, int status = 200);
// A service result written by render(JsonWriter&, const T&), by default the write_json beside
// T; problem+json on error.
template <typename T, typename F>
requires(!std::is_integral_v<std::remove_cvref_t<F>>) http::Response
    respond_as(const Ctx& ctx, const Result<T>& r, F&& render, int status = 200) {
  if (!r) return ctx.problem(r.error());
  JsonWriter w;
  render(w, *r);
  return written(std::move(w), status);
}
template <typename T>
http::Response respond_as(const Ctx& ctx, const Result<T>& r, int status = 200) {
  return respond_as(ctx, r, write_item, status);
}

// {"items": [each x]}: the shape of every list this API returns, each item written by
// render(JsonWriter&, item), by default the write_json beside the item's type.
template <typename Range, typename Render = decltype(write_item)>
void write_items(JsonWriter& w, const Range& xs, Render render = write_item) {
  w.key("items");
  w.array([&] {
    for (const auto& x : xs) render(w, x);
  });
}
template <typename Range, typename Render = decltype(write_item)>
JsonWriter items(const Range& xs, Render render = write_item) {
  JsonWriter w;
  w.object([&] { write_items(w, xs, render); });
  return w;
}
// A page of a list that goes on: its items and where the next page starts (null on the last).
template <typename Range, typename Render = decltype(write_item)>
void write_page(JsonWriter& w, const Range& xs, const std::optional<std::string>& next_cursor,
                Render render = write_item) {
  write_items(w, xs, render);
  w.field("nextCursor", next_cursor);
}
template <typename Range, typename Render = decltype(write_item)>
JsonWriter page(const Range& xs, const std::optional<std::string>& next_cursor, Render render = write_item) {
  JsonWriter w;
  w.object([&] { write_page(w, xs, next_cursor, render); });
  return w;
}

// Reads If-Match ("3" or W/"3"); 428 when absent, 400 when unreadable.
Result<std::int64_t> if_match_version(const http::Request& req);
std::string etag(std::int64_t version);

}  // namespace trellis::api
