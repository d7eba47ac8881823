#include "access/json.hpp"

namespace trellis::access {

void write_json(JsonWriter& w, Part p) { w.value(part_name(p)); }

void write_json(JsonWriter& w, const User& u) {
  w.object([&] {
    w.field("id", u.id);
    w.field("email", u.email);
    w.field("displayName", u.display_name);
    w.field("role", role_name(u.role));
    w.field("active", u.active);
    w.field("teamIds", u.team_ids);
    w.field("createdAt", u.created_at);
    w.field("updatedAt", u.updated_at);
    w.field("version", u.version);
    w.field("personId", u.person_id);
    w.field("supporterId", u.supporter_id);
    w.field("partnerId", u.partner_id);
  });
}

void write_json(JsonWriter& w, const Team& t) {
  w.object([&] {
    w.field("id", t.id);
    w.field("name", t.name);
    w.field("description", t.description);
    w.field("siteId", t.site_id);
    w.field("active", t.active);
    w.field("memberCount", t.member_count);
    w.field("createdAt", t.created_at);
    w.field("updatedAt", t.updated_at);
    w.field("version", t.version);
  });
}

void write_json(JsonWriter& w, const Site& s) {
  w.object([&] {
    w.field("id", s.id);
    w.field("name", s.name);
    w.field("address", s.address);
    w.field("version", s.version);
  });
}

void write_session(JsonWriter& w, const Session& s, const std::string& current_id) {
  w.object([&] {
    w.field("id", s.id);
    w.field("createdAt", s.created_at);
    w.field("lastSeenAt", s.last_seen_at);
    w.field("expiresAt", s.expires_at);
    w.field("userAgent", s.user_agent);
    w.field("clientAddress", s.client_address);
    w.field("current", s.id == current_id);
  });
}

void write_json(JsonWriter& w, const AuditEvent& e) {
  w.object([&] {
    w.field("seq", e.seq);
    w.field("id", e.id);
    w.field("at", e.at);
    w.field("actorId", e.actor_id);
    w.field("actorRole", e.actor_role);
    w.field("actorName", e.actor_name);
    w.field("action", e.action);
    w.field("entityType", e.entity_type);
    w.field("entityId", e.entity_id);
    w.field("personId", e.person_id);
    w.field("outcome", e.outcome);
    w.field("requestId", e.request_id);
    w.field("clientAddress", e.client_address);
    w.field("detail", e.detail);
    w.field("hash", e.hash);
  });
}

}  // namespace trellis::access
