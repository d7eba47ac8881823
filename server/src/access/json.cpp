#include "access/json.hpp"

namespace trellis::access {

using nlohmann::json;

json to_json(const User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"displayName", u.display_name},
          {"role", role_name(u.role)},
          {"active", u.active},
          {"teamIds", u.team_ids},
          {"createdAt", u.created_at},
          {"updatedAt", u.updated_at},
          {"version", u.version},
          {"personId", u.person_id ? json(*u.person_id) : json(nullptr)},
          {"supporterId", u.supporter_id ? json(*u.supporter_id) : json(nullptr)},
          {"partnerId", u.partner_id ? json(*u.partner_id) : json(nullptr)}};
}
json to_json(const Team& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"description", t.description},
          {"siteId", t.site_id ? json(*t.site_id) : json(nullptr)},
          {"active", t.active},
          {"memberCount", t.member_count},
          {"createdAt", t.created_at},
          {"updatedAt", t.updated_at},
          {"version", t.version}};
}
json to_json(const Site& s) { return {{"id", s.id}, {"name", s.name}, {"address", s.address}, {"version", s.version}}; }
json to_json(const Session& s, const std::string& current_id) {
  return {{"id", s.id},
          {"createdAt", s.created_at},
          {"lastSeenAt", s.last_seen_at},
          {"expiresAt", s.expires_at},
          {"userAgent", s.user_agent},
          {"clientAddress", s.client_address},
          {"current", s.id == current_id}};
}
json to_json(const AuditEvent& e) {
  auto opt = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  return {{"seq", e.seq},
          {"id", e.id},
          {"at", e.at},
          {"actorId", opt(e.actor_id)},
          {"actorRole", opt(e.actor_role)},
          {"actorName", opt(e.actor_name)},
          {"action", e.action},
          {"entityType", e.entity_type},
          {"entityId", e.entity_id},
          {"personId", opt(e.person_id)},
          {"outcome", e.outcome},
          {"requestId", e.request_id},
          {"clientAddress", e.client_address},
          {"detail", e.detail},
          {"hash", e.hash}};
}

}  // namespace trellis::access
