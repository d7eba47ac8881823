// Partnership reviews: opened by the service's managers, rated by people on both sides, with the
// change since the last review and the actions that came of it.
#pragma once
#include <tuple>
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "partnerships/agreements/service.hpp"
#include "partnerships/reviews/model.hpp"
#include "store/db.hpp"

namespace trellis::partnerships {

class ReviewsService {
 public:
  ReviewsService(store::Db& db, const Clock& clock, AgreementsService& agreements)
      : db_(db), clock_(clock), agreements_(agreements) {}

  // Partnership reviews: opened by the service's managers; rated by people on both sides.
  Result<PartnershipReview> open_review(const access::Actor& actor, const std::string& partner_id,
                                        const std::string& title);
  // One rater's scores (1-5) and comments for every dimension; rating again replaces them.
  Result<PartnershipReview> rate(const access::Actor& actor, const access::Principal& who, const std::string& review_id,
                                 const std::vector<std::tuple<std::string, int, std::string>>& ratings);
  Result<PartnershipReview> review(const access::Principal& who, const std::string& review_id);
  Result<std::vector<PartnershipReview>> reviews(const access::Principal& who, const std::string& partner_id);
  Result<PartnershipReview> add_action(const access::Actor& actor, const access::Principal& who,
                                       const std::string& review_id, const std::string& action,
                                       const std::string& owner, const std::optional<std::string>& due_on);

 private:
  // The review if this principal may see it (the service's managers, or that partner's users).
  Result<PartnershipReview> review_for(store::Conn& c, const access::Principal& who, const std::string& review_id);
  store::Db& db_;
  const Clock& clock_;
  AgreementsService& agreements_;
};

}  // namespace trellis::partnerships
