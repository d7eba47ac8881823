#include "partnerships/routes.hpp"

#include "partnerships/agreements/routes.hpp"
#include "partnerships/directory/routes.hpp"
#include "partnerships/partnerships.hpp"
#include "partnerships/referrals/routes.hpp"
#include "partnerships/reviews/routes.hpp"
#include "partnerships/shared_care/routes.hpp"

namespace trellis::partnerships {

void add_routes(api::Routes& routes, Partnerships& area, access::AccessService& access) {
  add_directory_routes(routes, area.directory);
  add_agreements_routes(routes, area.agreements, access);
  add_referrals_routes(routes, area.referrals);
  add_reviews_routes(routes, area.reviews);
  add_shared_care_routes(routes, area.shared_care);
}

}  // namespace trellis::partnerships
