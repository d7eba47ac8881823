#include "access/audit.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <string_view>

#include "core/ids.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"

namespace trellis::access {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

// Appends the text as nlohmann/json's dump() writes a string (ensure_ascii off): every chain's
// hashes were taken of that, and must come out the same. Returns false at a byte above 0x7F,
// whose text is left to nlohmann itself, which checks the UTF-8 as it always has.
bool append_ascii_json(std::string& out, std::string_view text) {
  out += '"';
  for (unsigned char ch : text) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (ch >= 0x80) return false;
        if (ch < 0x20) {
          constexpr std::string_view kHex = "0123456789abcdef";
          out += "\\u00";
          out += kHex[ch >> 4];
          out += kHex[ch & 0xf];
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  out += '"';
  return true;
}

std::string link_hash(const AuditEvent& e) { return sha256_hex(audit_link_text(e)); }

using store::column;

const store::Columns<AuditEvent> kEvent{
    column<&AuditEvent::org_id>("org_id"),
    column<&AuditEvent::seq>("seq"),
    column<&AuditEvent::id>("id"),
    column<&AuditEvent::at>("at"),
    column<&AuditEvent::actor_id>("actor_id"),
    column<&AuditEvent::actor_role>("actor_role"),
    column<&AuditEvent::action>("action"),
    column<&AuditEvent::entity_type>("entity_type"),
    column<&AuditEvent::entity_id>("entity_id"),
    column<&AuditEvent::person_id>("person_id"),
    column<&AuditEvent::outcome>("outcome"),
    column<&AuditEvent::request_id>("request_id"),
    column<&AuditEvent::client_address>("client_address"),
    column<&AuditEvent::detail>("detail"),
    column<&AuditEvent::prev_hash>("prev_hash"),
    column<&AuditEvent::hash>("hash"),
};
// Events go in up to this many to an INSERT, so a group of reads is a few statements, not one
// per event; the statement for each count is built once.
constexpr std::size_t kEventsPerInsert = 16;
const std::string& insert_events_sql(std::size_t count) {
  static const auto statements = [] {
    std::array<std::string, kEventsPerInsert + 1> out;
    for (std::size_t n = 1; n <= kEventsPerInsert; ++n)
      out[n] = "INSERT INTO audit_events (" + kEvent.insert_names() + ") VALUES " +
               store::rows_of(n, kEvent.insert_placeholders());
    return out;
  }();
  return statements.at(count);
}
const std::string kSelectEvents = "SELECT " + kEvent.select_list() + " FROM audit_events";
// The same, plus the actor's name for people reading the log.
const std::string kSelectWithName = "SELECT " + kEvent.select_list("a") +
                                    ", u.display_name FROM audit_events a"
                                    " LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.actor_id";

AuditEvent from_row(const store::Row& r) {
  auto e = kEvent.read(r);
  if (r.size() > kEvent.size()) e.actor_name = r.opt_text(kEvent.size());
  return e;
}

}  // namespace

AuditEntry system_event(std::string org_id, std::string action, std::string entity_type, std::string entity_id) {
  AuditEntry e;
  e.org_id = std::move(org_id);
  e.action = std::move(action);
  e.entity_type = std::move(entity_type);
  e.entity_id = std::move(entity_id);
  return e;
}

std::string audit_link_text(const AuditEvent& e) {
  auto text_of = [](const std::optional<std::string>& v) { return v ? std::string_view(*v) : std::string_view(); };
  // After the organisation and the number, in this order; the array is an unambiguous encoding
  // of the fields: no separator can be forged.
  const std::array<std::string_view, 13> texts{e.id,       e.at,          text_of(e.actor_id), text_of(e.actor_role),
                                               e.action,   e.entity_type, e.entity_id,         text_of(e.person_id),
                                               e.outcome,  e.request_id,  e.client_address,    e.detail,
                                               e.prev_hash};
  std::string out = "[";
  out.reserve(512 + e.detail.size());
  bool ascii = append_ascii_json(out, e.org_id);
  out += ',';
  out += std::to_string(e.seq);
  for (auto text : texts) {
    out += ',';
    ascii = ascii && append_ascii_json(out, text);
  }
  out += ']';
  if (ascii) return out;
  auto fields = nlohmann::json::array({e.org_id, e.seq});
  for (auto text : texts) fields.push_back(std::string(text));
  return fields.dump();
}

Result<void> append_audit(store::Conn& c, const AuditEntry& in, TimePoint now) {
  return append_audit(c, TimedEntries{{in, now}});
}

Result<void> append_audit(store::Conn& c, const TimedEntries& entries) {
  store::Params values;
  std::size_t pending = 0;  // events whose values are in `values`, not yet inserted
  auto insert_pending = [&]() -> Result<void> {
    if (pending == 0) return {};
    TRY(c.exec(insert_events_sql(pending), values));
    values.clear();
    pending = 0;
    return {};
  };
  for (std::size_t first = 0; first < entries.size();) {
    // A run of events for one organisation takes its sequence numbers in one step.
    const auto& org_id = entries[first].first.org_id;
    std::size_t end = first;
    while (end < entries.size() && entries[end].first.org_id == org_id) ++end;
    auto n = static_cast<std::int64_t>(end - first);
    // Bumping the head row first takes its row lock (PostgreSQL) inside the write transaction
    // (SQLite), so appenders in one organisation queue here and the chain never forks.
    static const std::string bump = "UPDATE audit_heads SET seq = seq + ? WHERE org_id = ? RETURNING seq, hash";
    auto head = TRY(c.query_one(bump, {n, org_id}));
    if (!head) {
      // An organisation's first event. Two first appenders at once both get here; the one whose
      // insert loses waits on the winner's row and then bumps it, rather than failing on the key.
      TRY(c.exec("INSERT INTO audit_heads (org_id, seq, hash) VALUES (?, 0, ?) ON CONFLICT (org_id) DO NOTHING",
                 {org_id, kGenesis}));
      head = TRY(c.query_one(bump, {n, org_id}));
      if (!head) return fail(ErrorKind::internal, "The audit log could not be started", org_id, "audit_failed");
    }
    auto seq = head->integer(0) - n;
    auto prev = head->text(1);
    for (std::size_t i = first; i < end; ++i) {
      const auto& [in, now] = entries[i];
      AuditEvent e;
      e.org_id = in.org_id;
      e.seq = ++seq;
      e.prev_hash = prev;
      e.id = new_id();
      e.at = to_iso(now);
      e.actor_id = in.actor_id;
      e.actor_role = in.actor_role;
      e.action = in.action;
      e.entity_type = in.entity_type;
      e.entity_id = in.entity_id;
      e.person_id = in.person_id;
      e.outcome = in.outcome;
      e.request_id = in.request_id;
      e.client_address = in.client_address;
      e.detail = in.detail;
      e.hash = link_hash(e);
      kEvent.insert_values(e, values);
      if (++pending == kEventsPerInsert) TRY_VOID(insert_pending());
      prev = std::move(e.hash);
    }
    TRY_VOID(insert_pending());
    TRY(c.exec("UPDATE audit_heads SET hash = ? WHERE org_id = ?", {prev, org_id}));
    first = end;
  }
  return {};
}

Result<AuditPage> list_audit(store::Conn& c, const std::string& org_id, const AuditFilter& f, const PageRequest& page) {
  std::string sql = kSelectWithName + " WHERE a.org_id = ?";
  store::Params p{org_id};
  auto add = [&](const char* clause, const std::optional<std::string>& v) {
    if (v) {
      sql += clause;
      p.emplace_back(*v);
    }
  };
  add(" AND a.actor_id = ?", f.actor_id);
  if (f.action_prefix) {
    sql += " AND (a.action = ? OR a.action LIKE ?)";
    p.emplace_back(*f.action_prefix);
    p.emplace_back(*f.action_prefix + ".%");
  }
  add(" AND a.entity_type = ?", f.entity_type);
  add(" AND a.entity_id = ?", f.entity_id);
  add(" AND a.person_id = ?", f.person_id);
  add(" AND a.outcome = ?", f.outcome);
  add(" AND a.at >= ?", f.from);
  add(" AND a.at < ?", f.to);
  if (page.after) {
    if (page.after->size() != 1)
      return fail(Error::field(ErrorKind::bad_request, "cursor", "is not a cursor for this list"));
    sql += " AND a.seq < ?";
    try {
      p.emplace_back(static_cast<std::int64_t>(std::stoll(page.after->front())));
    } catch (const std::exception&) {
      return fail(Error::field(ErrorKind::bad_request, "cursor", "is not a cursor for this list"));
    }
  }
  sql += " ORDER BY a.seq DESC LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(page.limit + 1));
  auto rows = TRY(c.query(sql, p));
  AuditPage out;
  for (std::size_t i = 0; i < rows.size() && i < page.limit; ++i) out.items.push_back(from_row(rows[i]));
  if (rows.size() > page.limit) out.next_cursor = encode_cursor({std::to_string(out.items.back().seq)});
  return out;
}

Result<std::vector<ChainCheck>> verify_audit_chain(store::Db& db) {
  auto orgs = TRY(db.read([](store::Conn& c) { return c.query("SELECT org_id FROM audit_heads ORDER BY org_id"); }));
  std::vector<ChainCheck> out;
  for (const auto& o : orgs) {
    ChainCheck check;
    check.org_id = o.text(0);
    std::string prev = kGenesis;
    std::int64_t expected_seq = 1;
    // Read in batches so a long log never sits in memory at once.
    for (bool more = true; more && check.ok;) {
      auto rows = TRY(db.read([&](store::Conn& c) {
        return c.query(kSelectEvents + " WHERE org_id = ? AND seq >= ? ORDER BY seq LIMIT 5000",
                       {check.org_id, expected_seq});
      }));
      more = rows.size() == 5000;
      for (const auto& r : rows) {
        auto e = from_row(r);
        auto broken = [&](std::string why) {
          check.ok = false;
          check.first_broken_seq = expected_seq;
          check.reason = std::move(why);
        };
        if (e.seq != expected_seq)
          broken("event " + std::to_string(expected_seq) + " is missing");
        else if (e.prev_hash != prev)
          broken("event " + std::to_string(e.seq) + " does not link to the one before it");
        else if (link_hash(e) != e.hash)
          broken("event " + std::to_string(e.seq) + " was changed after it was written");
        if (!check.ok) break;
        prev = e.hash;
        ++expected_seq;
        ++check.events_checked;
      }
    }
    if (check.ok) {
      auto head = TRY(db.read([&](store::Conn& c) {
        return c.query_one("SELECT seq, hash FROM audit_heads WHERE org_id = ?", {check.org_id});
      }));
      if (head && (head->integer(0) != expected_seq - 1 || head->text(1) != prev)) {
        check.ok = false;
        check.first_broken_seq = expected_seq;
        check.reason = "the newest events were removed (the log ends at " + std::to_string(expected_seq - 1) +
                       ", its head says " + std::to_string(head->integer(0)) + ")";
      }
    }
    out.push_back(std::move(check));
  }
  return out;
}

}  // namespace trellis::access
