// What each person shares, with which supporter or partner agency, for what and until when;
// withdrawn at once when they say so.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "people/inputs.hpp"
#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people {

// What the people area needs to know of partner agencies, which live in the partnerships area.
// Published here, implemented there and wired by the composition root, so neither area's
// code reaches into the other's.
class PartnerAgencies {
 public:
  virtual ~PartnerAgencies() = default;
  virtual Result<bool> is_partner_agency(const std::string& org_id, const std::string& partner_id) = 0;
};

class ConsentService {
 public:
  ConsentService(store::Db& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Set once at start-up, before the first request (the partnerships service depends on this one).
  void use_partner_agencies(PartnerAgencies& partners) { partners_ = &partners; }

  Result<std::vector<Consent>> consents(const std::string& org_id, const std::string& person_id);
  // Consents not withdrawn that name a partner agency, for the people listed only (none for an
  // empty list): one read for a page. Callers check the dates.
  Result<std::vector<Consent>> consents_for_partner(const std::string& org_id, const std::string& partner_id,
                                                    const std::vector<std::string>& person_ids);
  Result<Consent> record_consent(const access::Actor& actor, const std::string& person_id, const ConsentInput& in);
  Result<Consent> withdraw_consent(const access::Actor& actor, const std::string& person_id,
                                   const std::string& consent_id);
  // For a supporter's own view: the consents naming them that are in force today.
  // With the name of the person who gave each; reading the names is audited per person.
  Result<std::vector<std::pair<Consent, std::string>>> consents_for_me(const access::Actor& actor,
                                                                       const access::Principal& who);

 private:
  store::Db& db_;
  const Clock& clock_;
  PartnerAgencies* partners_ = nullptr;
};

}  // namespace trellis::people
