// Shared care with partner agencies: who does what for a person, and case conferences.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "partnerships/agreements/service.hpp"
#include "partnerships/shared_care/model.hpp"
#include "store/db.hpp"

namespace trellis::partnerships {

class SharedCareService {
 public:
  SharedCareService(store::Db& db, const Clock& clock, AgreementsService& agreements)
      : db_(db), clock_(clock), agreements_(agreements) {}

  // Shared care with partner agencies, and case conferences.
  Result<std::vector<SharedCarePlan>> shared_care(const std::string& org_id, const std::string& person_id);
  Result<SharedCarePlan> add_shared_care(const access::Actor& actor, const std::string& person_id, SharedCarePlan p);
  Result<SharedCarePlan> update_shared_care(const access::Actor& actor, const std::string& person_id,
                                            const std::string& id, std::int64_t version, const SharedCarePlan& changes);
  Result<std::vector<CaseConference>> case_conferences(const std::string& org_id, const std::string& person_id);
  Result<CaseConference> add_case_conference(const access::Actor& actor, const std::string& person_id,
                                             CaseConference k);

 private:
  store::Db& db_;
  const Clock& clock_;
  AgreementsService& agreements_;
};

}  // namespace trellis::partnerships
