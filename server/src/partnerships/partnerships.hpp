// The partnerships area (capability 4C), built as one: the service directory, partner agencies
// and their agreements, closed-loop referrals, partnership reviews and shared care.
#pragma once
#include "partnerships/agreements/service.hpp"
#include "partnerships/directory/service.hpp"
#include "partnerships/referrals/service.hpp"
#include "partnerships/reviews/service.hpp"
#include "partnerships/shared_care/service.hpp"

namespace trellis::partnerships {

struct Partnerships {
  Partnerships(store::Db& db, const Clock& clock, people::ConsentService& consent, recovery::RecoveryService& recovery)
      : directory(db, clock),
        agreements(db, clock),
        referrals(db, clock, agreements, consent, recovery),
        reviews(db, clock, agreements),
        shared_care(db, clock, agreements) {}
  DirectoryService directory;
  AgreementsService agreements;
  ReferralsService referrals;
  ReviewsService reviews;
  SharedCareService shared_care;
};

}  // namespace trellis::partnerships
