#include "partnerships/reviews/store.hpp"

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::partnerships::db {

namespace {

using store::column;

const store::Columns<PartnershipReview> kReview{
    column<&PartnershipReview::id>("id"),
    column<&PartnershipReview::partner_id>("partner_id"),
    column<&PartnershipReview::title>("title"),
    column<&PartnershipReview::opened_at>("opened_at"),
};

const store::Columns<RatingRow> kRating{
    column<&RatingRow::rater_id>("rater_id"),   column<&RatingRow::side>("rater_side"),
    column<&RatingRow::dimension>("dimension"), column<&RatingRow::comment>("comment"),
    column<&RatingRow::score>("score"),
};

}  // namespace

Result<void> insert_review(Conn& c, const std::string& org_id, const PartnershipReview& r, const std::string& by) {
  static const std::string sql = "INSERT INTO partnership_reviews (org_id, " + kReview.insert_names() +
                                 ", opened_by) VALUES (?, " + kReview.insert_placeholders() + ", ?)";
  store::Params p{org_id};
  kReview.insert_values(r, p);
  p.emplace_back(by);
  TRY(c.exec(sql, p));
  return {};
}

// The review with its partner's name as it is now.
Result<std::optional<PartnershipReview>> review(Conn& c, const std::string& org_id, const std::string& id) {
  static const std::string sql = "SELECT " + kReview.select_list("v") +
                                 ", p.name FROM partnership_reviews v"
                                 " JOIN partners p ON p.org_id = v.org_id AND p.id = v.partner_id"
                                 " WHERE v.org_id = ? AND v.id = ?";
  auto row = TRY(c.query_one(sql, {org_id, id}));
  if (!row) return std::optional<PartnershipReview>{};
  auto r = kReview.read(*row);
  r.partner_name = row->text(kReview.size());
  return std::optional<PartnershipReview>{std::move(r)};
}

Result<std::vector<PartnershipReview>> reviews_for_partner(Conn& c, const std::string& org_id,
                                                           const std::string& partner_id) {
  static const std::string sql = "SELECT " + kReview.select_list() +
                                 " FROM partnership_reviews WHERE org_id = ? AND partner_id = ? ORDER BY opened_at, id";
  auto rows = TRY(c.query(sql, {org_id, partner_id}));
  std::vector<PartnershipReview> out;
  for (const auto& r : rows) out.push_back(kReview.read(r));
  return out;
}

Result<void> replace_ratings(Conn& c, const std::string& org_id, const std::string& review_id,
                             const std::string& rater_id, const std::string& side,
                             const std::vector<std::tuple<std::string, int, std::string>>& list,
                             const std::string& at) {
  static const std::string sql = "INSERT INTO partnership_ratings (org_id, review_id, " + kRating.insert_names() +
                                 ", rated_at) VALUES (?, ?, " + kRating.insert_placeholders() + ", ?)";
  TRY(c.exec("DELETE FROM partnership_ratings WHERE org_id = ? AND review_id = ? AND rater_id = ?",
             {org_id, review_id, rater_id}));
  for (const auto& [dimension, score, comment] : list) {
    store::Params p{org_id, review_id};
    kRating.insert_values({rater_id, side, dimension, comment, score}, p);
    p.emplace_back(at);
    TRY(c.exec(sql, p));
  }
  return {};
}

Result<std::vector<RatingRow>> ratings(Conn& c, const std::string& org_id, const std::string& review_id) {
  static const std::string sql =
      "SELECT " + kRating.select_list() + " FROM partnership_ratings WHERE org_id = ? AND review_id = ?";
  auto rows = TRY(c.query(sql, {org_id, review_id}));
  std::vector<RatingRow> out;
  for (const auto& r : rows) out.push_back(kRating.read(r));
  return out;
}

Result<void> insert_action(Conn& c, const std::string& org_id, const std::string& review_id, const std::string& action,
                           const std::string& owner, const std::optional<std::string>& due_on, const std::string& at) {
  TRY(
      c.exec("INSERT INTO partnership_actions (org_id, id, review_id, action, owner, due_on, created_at)"
             " VALUES (?, ?, ?, ?, ?, ?, ?)",
             {org_id, trellis::new_id(), review_id, action, owner, due_on, at}));
  return {};
}

Result<std::vector<std::pair<std::string, std::string>>> actions(Conn& c, const std::string& org_id,
                                                                 const std::string& review_id) {
  auto rows = TRY(c.query(
      "SELECT action, owner FROM partnership_actions WHERE org_id = ? AND review_id = ? ORDER BY created_at, id",
      {org_id, review_id}));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.text(0), r.text(1));
  return out;
}

}  // namespace trellis::partnerships::db
