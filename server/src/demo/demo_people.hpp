// The demo organisation's people: about 40 people with varied plans, goals and steps, a year
// of monthly check-ins, supporters and consent. Deterministic, so every demo looks the same.
#pragma once
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::demo {

struct DemoStaff {
  std::string practitioner_id, peer_worker_id, person_user_id, supporter_user_id, partner_user_id;
  std::vector<std::string> team_ids;  // in kTeams order
};

Result<void> load_demo_people(store::Conn& c, const std::string& org_id, const DemoStaff& staff, TimePoint now);

// Makes people's records from a seed: the demo's forty and the benchmark's hundred thousand.
struct PersonMaker {
  store::Conn& c;
  std::string org_id;
  TimePoint now;
  std::string iso;
  std::map<std::string, std::string> area_ids;  // life area code -> id
  std::string bayside_id, northside_id;
  std::mt19937_64 rng;
  bool seeded_ids = false;  // ids from the seed too, so a data set is the same every time
  std::uint64_t sequence = 0;
  int pick(int n);
  std::string id();
};
// For an organisation whose life areas and demo partners are already there.
Result<PersonMaker> person_maker(store::Conn& c, const std::string& org_id, TimePoint now, std::uint64_t seed,
                                 bool seeded_ids);

struct PersonSpec {
  std::size_t index = 0;  // varies place, languages and phrases
  std::string given, family, pronouns;
  std::vector<people::CareTeamMember> care_team;
  std::string worker_id, worker_name;         // enters a third of the check-ins
  std::optional<std::string> referral_state;  // a referral in this state, with its timeline
  bool referral_to_northside = false;
  std::optional<int> supporters;  // how many; otherwise 0 to 2
};
struct AddedPerson {
  std::string person_id, first_supporter_id;
};
// The person, care team, plan, goals and steps, a year of check-ins, supporters and consents.
Result<AddedPerson> add_person(PersonMaker& m, const PersonSpec& spec);

}  // namespace trellis::demo
