#include "people/break_glass/store.hpp"

#include <algorithm>
#include <map>

#include "access/policy.hpp"
#include "core/text.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::people::db {

namespace {

using store::column;
using store::Written;

// Who opened whose record, why and until when, fixed once opened; the review is written only by
// review_break_glass's own statement (never by the insert).
const store::Columns<BreakGlass> kBreakGlassColumns{
    column<&BreakGlass::org_id>("org_id", Written::on_insert),
    column<&BreakGlass::id>("id", Written::on_insert),
    column<&BreakGlass::user_id>("user_id", Written::on_insert),
    column<&BreakGlass::person_id>("person_id", Written::on_insert),
    column<&BreakGlass::reason_code>("reason_code", Written::on_insert),
    column<&BreakGlass::reason>("reason", Written::on_insert),
    column<&BreakGlass::started_at>("started_at", Written::on_insert),
    column<&BreakGlass::expires_at>("expires_at", Written::on_insert),
    column<&BreakGlass::reviewed_by>("reviewed_by", Written::never),
    column<&BreakGlass::reviewed_at>("reviewed_at", Written::never),
    column<&BreakGlass::review_note>("review_note", Written::never),
};

}  // namespace

Result<void> insert_break_glass(Conn& c, const BreakGlass& b) {
  static const std::string sql = "INSERT INTO break_glass (" + kBreakGlassColumns.insert_names() + ") VALUES (" +
                                 kBreakGlassColumns.insert_placeholders() + ")";
  store::Params params;
  kBreakGlassColumns.insert_values(b, params);
  TRY(c.exec(sql, params));
  return {};
}

Result<bool> has_open_break_glass(Conn& c, const std::string& org_id, const std::string& user_id,
                                  const std::string& person_id, const std::string& now) {
  auto row =
      TRY(c.query_one("SELECT 1 FROM break_glass WHERE org_id = ? AND user_id = ? AND person_id = ?"
                      " AND started_at <= ? AND expires_at > ? LIMIT 1",
                      {org_id, user_id, person_id, now, now}));
  return row.has_value();
}

Result<std::vector<BreakGlass>> break_glass_to_review(Conn& c, const std::string& org_id, bool include_reviewed,
                                                      std::size_t limit) {
  // Each opening, then the names of the worker who opened it and of the person, as they are now.
  static const std::string select =
      "SELECT " + kBreakGlassColumns.select_list("b") +
      ", COALESCE(u.display_name, ''), COALESCE(p.given_name || ' ' || p.family_name, '')"
      " FROM break_glass b LEFT JOIN users u ON u.org_id = b.org_id AND u.id = b.user_id"
      " LEFT JOIN people p ON p.org_id = b.org_id AND p.id = b.person_id WHERE b.org_id = ?";
  auto rows = TRY(
      c.query(select + (include_reviewed ? "" : " AND b.reviewed_at IS NULL") + " ORDER BY b.started_at DESC LIMIT ?",
              {org_id, static_cast<std::int64_t>(limit)}));
  std::vector<BreakGlass> out;
  const auto k = kBreakGlassColumns.size();
  for (const auto& r : rows) {
    auto b = kBreakGlassColumns.read(r);
    b.user_name = r.text(k);
    b.person_name = r.text(k + 1);
    out.push_back(std::move(b));
  }
  return out;
}

Result<bool> review_break_glass(Conn& c, const std::string& org_id, const std::string& id, const std::string& by,
                                const std::string& at, const std::string& note) {
  auto n =
      TRY(c.exec("UPDATE break_glass SET reviewed_by = ?, reviewed_at = ?, review_note = ?"
                 " WHERE org_id = ? AND id = ? AND reviewed_at IS NULL",
                 {by, at, note, org_id, id}));
  return n > 0;
}

}  // namespace trellis::people::db
