// The people area's rules: who may see whom (the person policy), people's details, care
// teams, supporters, consent, break-the-glass and portal accounts. Every change is audited with
// the person it touched.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/person_policy.hpp"
#include "access/service.hpp"
#include "core/clock.hpp"
#include "core/pagination.hpp"
#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people {

inline constexpr auto kBreakGlassDuration = std::chrono::hours(4);

struct PersonInput {
  std::optional<std::string> given_name, family_name, preferred_name, pronouns, date_of_birth, email, phone, address,
      languages, cultural_identity, spiritual_practice, communication_needs, other_providers, status,
      support_started_on, support_ended_on;
  std::optional<bool> interpreter_needed;
  std::optional<std::vector<std::string>> team_ids;  // on create: the teams on the care team
  bool not_a_duplicate = false;                      // the worker checked the suggested match
};

struct CaseloadEntry {
  Person person;
  std::optional<std::string> review_on, last_check_in;
  std::string last_change;
  bool review_overdue = false;
};
struct CaseloadPage {
  std::vector<CaseloadEntry> items;
  std::optional<std::string> next_cursor;
};

struct SupporterInput {
  std::optional<std::string> name, relationship, phone, email, involvement;
  std::optional<bool> active;
};

struct ConsentInput {
  std::string grantee_type = "supporter";  // or "partner": a partner agency of this organisation
  std::string supporter_id;                // the grantee's id
  std::vector<access::Part> parts;
  std::string purpose;
  std::string starts_on;
  std::optional<std::string> ends_on;
};

// What the people area needs to know of partner agencies, which live in the partnerships area.
// Published here, implemented there and wired by the composition root, so neither area's
// code reaches into the other's.
class PartnerAgencies {
 public:
  virtual ~PartnerAgencies() = default;
  virtual Result<bool> is_partner_agency(const std::string& org_id, const std::string& partner_id) = 0;
};

class PeopleService final : public access::PersonPolicy {
 public:
  PeopleService(store::Db& db, const Clock& clock, access::AccessService& access)
      : db_(db), clock_(clock), access_(access) {}

  // Set once at start-up, before the first request (the partnerships service depends on this one).
  void use_partner_agencies(PartnerAgencies& partners) { partners_ = &partners; }

  Result<access::PersonAccess> authorize(const access::Principal& who, const std::string& person_id, access::Part part,
                                         bool write, TimePoint now) override;

  Result<CaseloadPage> caseload(const access::Principal& who, const std::optional<std::string>& text,
                                const PageRequest& page);
  Result<std::vector<CaseloadEntry>> find_anyone(const access::Actor& actor, const access::Principal& who,
                                                 const std::string& text);
  Result<Person> create(const access::Actor& actor, const access::Principal& who, const PersonInput& in);
  Result<Person> person(const std::string& org_id, const std::string& id);
  Result<Person> update(const access::Actor& actor, const std::string& id, std::int64_t version, const PersonInput& in);

  Result<std::vector<CareTeamMember>> care_team(const std::string& org_id, const std::string& person_id);
  Result<std::vector<CareTeamMember>> set_care_team(const access::Actor& actor, const std::string& person_id,
                                                    const std::vector<std::string>& user_ids,
                                                    const std::vector<std::string>& team_ids);

  // Who could be on a care team: the organisation's active workers and teams.
  Result<std::vector<CareTeamMember>> care_team_options(const std::string& org_id);

  Result<std::vector<Supporter>> supporters(const std::string& org_id, const std::string& person_id);
  Result<Supporter> add_supporter(const access::Actor& actor, const std::string& person_id, const SupporterInput& in);
  Result<Supporter> update_supporter(const access::Actor& actor, const std::string& person_id,
                                     const std::string& supporter_id, std::int64_t version, const SupporterInput& in);

  Result<std::vector<Consent>> consents(const std::string& org_id, const std::string& person_id);
  // Consents not withdrawn that name a partner agency, for every person: one read for a list.
  Result<std::vector<Consent>> consents_for_partner(const std::string& org_id, const std::string& partner_id);
  Result<Consent> record_consent(const access::Actor& actor, const std::string& person_id, const ConsentInput& in);
  Result<Consent> withdraw_consent(const access::Actor& actor, const std::string& person_id, const std::string& consent_id);
  // For a supporter's own view: the consents naming them that are in force today.
  // With the name of the person who gave each; reading the names is audited per person.
  Result<std::vector<std::pair<Consent, std::string>>> consents_for_me(const access::Actor& actor,
                                                                        const access::Principal& who);

  Result<BreakGlass> break_glass(const access::Actor& actor, const access::Principal& who, const std::string& person_id,
                                 const std::string& reason_code, const std::string& reason);
  Result<std::vector<BreakGlass>> break_glass_queue(const std::string& org_id, bool include_reviewed);
  Result<void> review_break_glass(const access::Actor& actor, const std::string& id, const std::string& note);

  // An invitation for the person's own sign-in, or (with a supporter id) for an active
  // supporter's; the person policy has already checked the worker may issue it.
  Result<access::IssuedInvitation> invite(const access::Actor& actor, const std::string& person_id,
                                          const std::optional<std::string>& supporter_id);

 private:
  store::Db& db_;
  const Clock& clock_;
  access::AccessService& access_;
  PartnerAgencies* partners_ = nullptr;
};

std::string today(TimePoint now);  // YYYY-MM-DD, UTC

}  // namespace trellis::people
