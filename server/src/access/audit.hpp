// The append-only audit log, chained by hash per organisation so any edit or removal of an
// earlier event is detectable. Appends run inside the caller's transaction: the event and the
// change it records commit together or not at all.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/model.hpp"
#include "core/pagination.hpp"
#include "store/db.hpp"

namespace trellis::access {

struct AuditEntry {
  std::string org_id;
  std::optional<std::string> actor_id, actor_role;
  std::string action, entity_type, entity_id;
  std::optional<std::string> person_id;
  std::string outcome = "success";
  std::string request_id, client_address, detail;
};

// An event with no signed-in actor: the command line, demo data, start-up.
AuditEntry system_event(std::string org_id, std::string action, std::string entity_type, std::string entity_id);

// The text an event's hash is taken of: its fields, and the hash before it, as a JSON array
// (an unambiguous encoding: no separator can be forged), byte for byte as nlohmann/json wrote it
// when the chain began, so that every chain ever written still verifies.
std::string audit_link_text(const AuditEvent& e);

Result<void> append_audit(store::Conn& c, const AuditEntry& e, TimePoint now);
// Events with the times they happened.
using TimedEntries = std::vector<std::pair<AuditEntry, TimePoint>>;
// Several events in order, chained in one pass: one head update per organisation, not per event.
Result<void> append_audit(store::Conn& c, const TimedEntries& entries);

struct AuditFilter {
  std::optional<std::string> actor_id, action_prefix, entity_type, entity_id, person_id, outcome;
  std::optional<std::string> from, to;  // ISO times, inclusive from, exclusive to
};
struct AuditPage {
  std::vector<AuditEvent> items;
  std::optional<std::string> next_cursor;
};
// Newest first.
Result<AuditPage> list_audit(store::Conn& c, const std::string& org_id, const AuditFilter& f, const PageRequest& page);

struct ChainCheck {
  bool ok = true;
  std::string org_id;
  std::int64_t events_checked = 0;
  std::int64_t first_broken_seq = 0;
  std::string reason;
};
// Walks every organisation's chain from the first event; stops at the first broken link.
Result<std::vector<ChainCheck>> verify_audit_chain(store::Db& db);

}  // namespace trellis::access
