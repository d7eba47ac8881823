// The SQL of partnership reviews, their ratings and actions.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "partnerships/reviews/model.hpp"
#include "store/db.hpp"

namespace trellis::partnerships::db {

using store::Conn;

Result<void> insert_review(Conn& c, const std::string& org_id, const PartnershipReview& r, const std::string& by);
Result<std::optional<PartnershipReview>> review(Conn& c, const std::string& org_id, const std::string& id);
Result<std::vector<PartnershipReview>> reviews_for_partner(Conn& c, const std::string& org_id,
                                                           const std::string& partner_id);
Result<void> replace_ratings(Conn& c, const std::string& org_id, const std::string& review_id,
                             const std::string& rater_id, const std::string& side,
                             const std::vector<std::tuple<std::string, int, std::string>>& ratings,
                             const std::string& at);
struct RatingRow {
  std::string rater_id, side, dimension, comment;
  int score = 0;
};
Result<std::vector<RatingRow>> ratings(Conn& c, const std::string& org_id, const std::string& review_id);
Result<void> insert_action(Conn& c, const std::string& org_id, const std::string& review_id, const std::string& action,
                           const std::string& owner, const std::optional<std::string>& due_on, const std::string& at);
Result<std::vector<std::pair<std::string, std::string>>> actions(Conn& c, const std::string& org_id,
                                                                 const std::string& review_id);

}  // namespace trellis::partnerships::db
