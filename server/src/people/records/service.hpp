// A person's details and care team, and the invitations that give them and their supporters
// their own sign-in. Every change is audited with the person it touched.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "access/service.hpp"
#include "people/inputs.hpp"
#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people {

class RecordsService {
 public:
  RecordsService(store::Db& db, const Clock& clock, access::AccessService& access)
      : db_(db), clock_(clock), access_(access) {}

  Result<Person> create(const access::Actor& actor, const access::Principal& who, const PersonInput& in);
  Result<Person> person(const std::string& org_id, const std::string& id);
  Result<Person> update(const access::Actor& actor, const std::string& id, std::int64_t version, const PersonInput& in);

  Result<std::vector<CareTeamMember>> care_team(const std::string& org_id, const std::string& person_id);
  Result<std::vector<CareTeamMember>> set_care_team(const access::Actor& actor, const std::string& person_id,
                                                    const std::vector<std::string>& user_ids,
                                                    const std::vector<std::string>& team_ids);

  // Who could be on a care team: the organisation's active workers and teams.
  Result<std::vector<CareTeamMember>> care_team_options(const std::string& org_id);

  // An invitation for the person's own sign-in, or (with a supporter id) for an active
  // supporter's; the person policy has already checked the worker may issue it.
  Result<access::IssuedInvitation> invite(const access::Actor& actor, const std::string& person_id,
                                          const std::optional<std::string>& supporter_id);

 private:
  store::Db& db_;
  const Clock& clock_;
  access::AccessService& access_;
};

}  // namespace trellis::people
