#include "partnerships/reviews/store.hpp"

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::partnerships::db {

Result<void> insert_review(Conn& c, const std::string& org_id, const PartnershipReview& r, const std::string& by) {
  TRY(c.exec("INSERT INTO partnership_reviews (org_id, id, partner_id, title, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?)",
             {org_id, r.id, r.partner_id, r.title, r.opened_at, by}));
  return {};
}

Result<std::optional<PartnershipReview>> review(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one("SELECT v.id, v.partner_id, p.name, v.title, v.opened_at FROM partnership_reviews v"
                             " JOIN partners p ON p.org_id = v.org_id AND p.id = v.partner_id WHERE v.org_id = ? AND v.id = ?",
                             {org_id, id}));
  if (!row) return std::optional<PartnershipReview>{};
  PartnershipReview r;
  r.id = row->text(0);
  r.partner_id = row->text(1);
  r.partner_name = row->text(2);
  r.title = row->text(3);
  r.opened_at = row->text(4);
  return std::optional<PartnershipReview>{std::move(r)};
}

Result<std::vector<PartnershipReview>> reviews_for_partner(Conn& c, const std::string& org_id, const std::string& partner_id) {
  auto rows = TRY(c.query("SELECT id, partner_id, title, opened_at FROM partnership_reviews WHERE org_id = ? AND partner_id = ?"
                          " ORDER BY opened_at, id",
                          {org_id, partner_id}));
  std::vector<PartnershipReview> out;
  for (const auto& r : rows) {
    PartnershipReview v;
    v.id = r.text(0);
    v.partner_id = r.text(1);
    v.title = r.text(2);
    v.opened_at = r.text(3);
    out.push_back(std::move(v));
  }
  return out;
}

Result<void> replace_ratings(Conn& c, const std::string& org_id, const std::string& review_id, const std::string& rater_id,
                             const std::string& side, const std::vector<std::tuple<std::string, int, std::string>>& list,
                             const std::string& at) {
  TRY(c.exec("DELETE FROM partnership_ratings WHERE org_id = ? AND review_id = ? AND rater_id = ?", {org_id, review_id, rater_id}));
  for (const auto& [dimension, score, comment] : list)
    TRY(c.exec("INSERT INTO partnership_ratings (org_id, review_id, rater_id, rater_side, dimension, score, comment, rated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {org_id, review_id, rater_id, side, dimension, score, comment, at}));
  return {};
}

Result<std::vector<RatingRow>> ratings(Conn& c, const std::string& org_id, const std::string& review_id) {
  auto rows = TRY(c.query("SELECT rater_id, rater_side, dimension, comment, score FROM partnership_ratings"
                          " WHERE org_id = ? AND review_id = ?",
                          {org_id, review_id}));
  std::vector<RatingRow> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.integer(4))});
  return out;
}

Result<void> insert_action(Conn& c, const std::string& org_id, const std::string& review_id, const std::string& action,
                           const std::string& owner, const std::optional<std::string>& due_on, const std::string& at) {
  TRY(c.exec("INSERT INTO partnership_actions (org_id, id, review_id, action, owner, due_on, created_at)"
             " VALUES (?, ?, ?, ?, ?, ?, ?)",
             {org_id, trellis::new_id(), review_id, action, owner, due_on, at}));
  return {};
}

Result<std::vector<std::pair<std::string, std::string>>> actions(Conn& c, const std::string& org_id, const std::string& review_id) {
  auto rows = TRY(c.query("SELECT action, owner FROM partnership_actions WHERE org_id = ? AND review_id = ? ORDER BY created_at, id",
                          {org_id, review_id}));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.text(0), r.text(1));
  return out;
}


}  // namespace trellis::partnerships::db
