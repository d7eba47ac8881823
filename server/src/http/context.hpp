// What a route handler is given: the request, its path parameters, who is asking, the time
// and the services. Handlers parse, call a service and render; the rules live in services.
#pragma once
#include <atomic>
#include <map>
#include <string>

#include "access/audit.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "http/request.hpp"

namespace trellis::store { class Db; }
namespace trellis::access {
class AccessService;
class AuditBatcher;
class PersonPolicy;
struct PersonAccess;
}  // namespace trellis::access
namespace trellis::people { class PeopleService; }
namespace trellis::recovery { class RecoveryService; }
namespace trellis::partnerships { class PartnershipsService; }

namespace trellis::http {

struct Services {
  store::Db& db;
  const Clock& clock;
  const Config& config;
  access::AccessService& access;
  people::PeopleService& people;
  access::PersonPolicy& person_policy;
  recovery::RecoveryService& recovery;
  partnerships::PartnershipsService& partnerships;
  access::AuditBatcher& audit_reads;  // reads and refusals, committed in groups
  std::atomic<bool> draining{false};  // set on SIGTERM: not ready, finishing what is in flight
};

// Who did it, from where, in which request: the part of every audit event a handler knows.
struct Actor {
  std::string org_id;
  std::optional<std::string> user_id, role;
  std::string request_id, client_address;
  access::AuditEntry entry(std::string action, std::string entity_type, std::string entity_id) const;
  // The same, for a change to a person's record: the audit log names whose record it was.
  access::AuditEntry about_person(std::string action, std::string entity_type, std::string entity_id,
                                  const std::string& person_id) const;
};

struct Ctx {
  const Request& req;
  std::map<std::string, std::string> params;
  std::string request_id;
  TimePoint now;
  const access::Principal* who = nullptr;
  Services& app;
  const access::PersonAccess* person = nullptr;  // set on person routes, after the policy allowed it

  const std::string& param(const std::string& name) const { return params.at(name); }
  const access::Principal& principal() const { return *who; }  // routes with a signed-in rule only
  Actor actor() const;
  Response problem(const Error& e) const { return Response::problem(e, request_id); }
};

// Renders a service result: the JSON on success, problem+json on error.
Response respond(const Ctx& ctx, Result<nlohmann::json> r, int status = 200);
Response respond_empty(const Ctx& ctx, Result<void> r);
template <typename T, typename F>
Response respond_as(const Ctx& ctx, const Result<T>& r, F&& render, int status = 200) {
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
Result<std::int64_t> if_match_version(const Request& req);
std::string etag(std::int64_t version);

}  // namespace trellis::http
