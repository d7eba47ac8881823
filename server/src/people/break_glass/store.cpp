#include "people/break_glass/store.hpp"

#include <algorithm>
#include <map>

#include "access/policy.hpp"
#include "core/text.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::people::db {

Result<void> insert_break_glass(Conn& c, const BreakGlass& b) {
  TRY(c.exec("INSERT INTO break_glass (org_id, id, user_id, person_id, reason_code, reason, started_at, expires_at)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             {b.org_id, b.id, b.user_id, b.person_id, b.reason_code, b.reason, b.started_at, b.expires_at}));
  return {};
}

Result<bool> has_open_break_glass(Conn& c, const std::string& org_id, const std::string& user_id,
                                  const std::string& person_id, const std::string& now) {
  auto row = TRY(c.query_one("SELECT 1 FROM break_glass WHERE org_id = ? AND user_id = ? AND person_id = ?"
                             " AND started_at <= ? AND expires_at > ? LIMIT 1",
                             {org_id, user_id, person_id, now, now}));
  return row.has_value();
}

Result<std::vector<BreakGlass>> break_glass_to_review(Conn& c, const std::string& org_id, bool include_reviewed,
                                                      std::size_t limit) {
  auto rows = TRY(c.query(
      std::string("SELECT b.org_id, b.id, b.user_id, b.person_id, b.reason_code, b.reason, b.started_at, b.expires_at,"
                  " b.reviewed_by, b.reviewed_at, b.review_note, COALESCE(u.display_name, ''),"
                  " COALESCE(p.given_name || ' ' || p.family_name, '')"
                  " FROM break_glass b LEFT JOIN users u ON u.org_id = b.org_id AND u.id = b.user_id"
                  " LEFT JOIN people p ON p.org_id = b.org_id AND p.id = b.person_id WHERE b.org_id = ?") +
          (include_reviewed ? "" : " AND b.reviewed_at IS NULL") + " ORDER BY b.started_at DESC LIMIT ?",
      {org_id, static_cast<std::int64_t>(limit)}));
  std::vector<BreakGlass> out;
  for (const auto& r : rows) {
    BreakGlass b{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7),
                 r.opt_text(8), r.opt_text(9), r.opt_text(10), r.text(11), r.text(12)};
    out.push_back(std::move(b));
  }
  return out;
}

Result<bool> review_break_glass(Conn& c, const std::string& org_id, const std::string& id, const std::string& by,
                                const std::string& at, const std::string& note) {
  auto n = TRY(c.exec("UPDATE break_glass SET reviewed_by = ?, reviewed_at = ?, review_note = ?"
                      " WHERE org_id = ? AND id = ? AND reviewed_at IS NULL",
                      {by, at, note, org_id, id}));
  return n > 0;
}


}  // namespace trellis::people::db
