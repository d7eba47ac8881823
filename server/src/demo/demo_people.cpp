#include "demo/demo_people.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <random>

#include "core/ids.hpp"
#include "demo/demo_directory.hpp"
#include "partnerships/agreements/store.hpp"
#include "partnerships/referrals/store.hpp"
#include "people/consent/store.hpp"
#include "people/records/store.hpp"
#include "people/supporters/store.hpp"
#include "recovery/service.hpp"
#include "recovery/store.hpp"

namespace trellis::demo {
namespace {

constexpr std::array<std::array<const char*, 3>, 40> kPeople = {{
    {"Taylor", "Brooks", "they/them"},  {"Zoë", "Ashworth", "she/her"},     {"Ari", "Tane", "he/him"},
    {"Mei", "Lin", "she/her"},          {"Jarrah", "Wilson", "he/him"},     {"Fatima", "Haddad", "she/her"},
    {"Liam", "O'Connor", "he/him"},     {"Priya", "Nair", "she/her"},       {"Noah", "Kowalski", "he/him"},
    {"Aaliyah", "Mohammed", "she/her"}, {"Tom", "Nguyen", "he/him"},        {"Grace", "Papadopoulos", "she/her"},
    {"Kai", "Walker", "they/them"},     {"Isabella", "Rossi", "she/her"},   {"Daniel", "Kim", "he/him"},
    {"Ruby", "Thompson", "she/her"},    {"Hamid", "Rahimi", "he/him"},      {"Chloe", "Martin", "she/her"},
    {"Jack", "Murray", "he/him"},       {"Amira", "Saleh", "she/her"},      {"Oliver", "Brown", "he/him"},
    {"Sienna", "Clarke", "she/her"},    {"Mateo", "García", "he/him"},      {"Ngaire", "Parata", "she/her"},
    {"Ethan", "Campbell", "he/him"},    {"Leila", "Karimi", "she/her"},     {"Harrison", "Lee", "he/him"},
    {"Olivia", "Dimitriou", "she/her"}, {"Sam", "Fitzgerald", "they/them"}, {"Hannah", "Schmidt", "she/her"},
    {"Riley", "Jackson", "he/him"},     {"Yasmin", "Ali", "she/her"},       {"Connor", "Byrne", "he/him"},
    {"Lucy", "Tran", "she/her"},        {"Dylan", "Roberts", "he/him"},     {"Mia", "Hughes", "she/her"},
    {"Ahmed", "Hassan", "he/him"},      {"Emily", "Wright", "she/her"},     {"Jayden", "Anderson", "he/him"},
    {"Sophie", "Bennett", "she/her"},
}};

const char* const kDemoStreets[] = {"Wattle Street", "Banksia Crescent", "Bay Road",      "Elm Grove",
                                    "Creek Lane",    "Hill Street",      "Acacia Avenue", "River Road"};
const char* const kHopes[] = {"To have my own place, close to the beach, with room for a cat.",
                              "To get back to work I enjoy, and feel proud of myself again.",
                              "To be a good dad and have my kids stay on weekends.",
                              "To finish my TAFE course in community services.",
                              "To feel calm more days than not, and sleep through the night.",
                              "To reconnect with my culture and my mob.",
                              "To make friends who get me, and not feel so alone.",
                              "To manage my money so I am not stressed at the end of the fortnight."};
const char* const kStrengths[] = {"Kind, funny, good with animals.",    "Determined. I do not give up easily.",
                                  "Creative: I paint and write songs.", "A great cook; people love my curries.",
                                  "Loyal to my friends and family.",    "Good with my hands; I can fix most things."};
const char* const kHelps[] = {"Walking by the water in the morning.", "Talking to my sister on the phone.",
                              "Music, loud, with headphones on.",     "Having a routine and writing things down.",
                              "My peer worker, who has been there.",  "Gardening at the community garden."};
const char* const kNotHelp[] = {"Being rushed or talked over.", "Crowded waiting rooms.",
                                "Too many appointments in one week.", "People deciding for me without asking."};
const char* const kGoals[][3] = {
    {"Find a place of my own to live", "housing", "Put in an application with the housing service"},
    {"Get back into surfing", "recreation", "Find a second-hand wetsuit"},
    {"Start a course in something I care about", "work", "Go to the TAFE open day"},
    {"Sleep better", "physical_health", "Try the wind-down routine for two weeks"},
    {"Join a group where I feel I belong", "connection", "Go to the Tuesday art group once"},
    {"Cut back on drinking on weekends", "alcohol_drugs", "Plan something for Saturday nights"},
    {"Learn to budget so rent is never late", "money", "Meet the financial counsellor"},
    {"Spend more time with my kids", "relationships", "Ask about a regular weekend arrangement"},
    {"Go back to church / temple / mosque", "culture", "Call the community leader"},
    {"Paint again", "creativity", "Buy a small set of paints"},
};
const char* const kSupporters[][2] = {{"Morgan Brooks", "sibling"}, {"Helen", "mother"},
                                      {"Chris", "partner"},         {"Jo", "friend"},
                                      {"Uncle Ray", "uncle"},       {"Dee", "neighbour"}};

}  // namespace

int PersonMaker::pick(int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); }

std::string PersonMaker::id() {
  if (!seeded_ids) return new_id();
  // Rising, so each insert lands at the end of its index instead of anywhere in it: a hundred
  // thousand people's records go in several times faster; the seed still decides them all.
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(++sequence),
                static_cast<unsigned long long>(rng()));
  return buf;
}

Result<PersonMaker> person_maker(store::Conn& c, const std::string& org_id, TimePoint now, std::uint64_t seed,
                                 bool seeded_ids) {
  PersonMaker m{c, org_id, now, to_iso(now), {}, "", "", std::mt19937_64(seed), seeded_ids, seed << 24};
  auto areas = TRY(recovery::db::life_areas(c, org_id));
  for (const auto& a : areas) m.area_ids[a.code] = a.id;
  for (const auto& p : TRY(partnerships::db::partners(c, org_id))) {
    if (p.name == "Bayside Housing Support") m.bayside_id = p.id;
    if (p.name == "Northside Employment Pathways") m.northside_id = p.id;
  }
  return m;
}

namespace {

const char* const kOutcomes[] = {"Moved into a one-bedroom unit close to family.",
                                 "Started a traineeship three days a week.",
                                 "Joined the tenancy skills course and finished it."};

// A referral in `state`, with its timeline, and the consent it needed.
Result<void> add_referral(PersonMaker& m, const std::string& person_id, const std::string& worker_id,
                          const std::string& state, const std::string& partner_id) {
  auto day = [&](TimePoint t) { return to_iso(t).substr(0, 10); };
  people::Consent k;
  k.org_id = m.org_id;
  k.id = m.id();
  k.person_id = person_id;
  k.grantee_type = "partner";
  k.grantee_id = partner_id;
  k.parts = {access::Part::profile, access::Part::goals};
  k.purpose = "Referral to a partner agency";
  k.starts_on = day(m.now - std::chrono::hours(24 * 40));
  k.recorded_at = m.iso;
  TRY_VOID(people::db::insert_consent(m.c, k));
  partnerships::Referral r;
  r.id = m.id();
  r.person_id = person_id;
  r.partner_id = partner_id;
  r.reason = "Looking for a safe, settled place to live.";
  r.shared_parts = k.parts;
  auto sent = m.now - std::chrono::hours(24 * (1 + m.pick(30)));
  r.created_at = r.updated_at = to_iso(sent);
  TRY_VOID(partnerships::db::insert_referral(m.c, m.org_id, r, worker_id));
  TRY_VOID(partnerships::db::insert_referral_event(m.c, m.org_id, r.id, {r.created_at, "", "draft", "", "practitioner"},
                                                   worker_id));
  // The way from a draft to `state`, by the referrals' own transition table.
  auto target = parse_name<partnerships::ReferralState>(state);
  if (!target) return fail(ErrorKind::internal, "Demo data names an unknown referral state", state, "internal");
  auto from_state = partnerships::ReferralState::draft;
  std::string from = "draft";
  std::int64_t version = 1;
  auto at = sent;
  for (auto to_state : partnerships::path_from_draft(*target)) {
    using S = partnerships::ReferralState;
    bool by_partner = partnerships::may_move(from_state, to_state, partnerships::ReferralSide::partner);
    std::string to(name_of(to_state));
    r.status = to_state;
    auto stamp = to_iso(at);
    if (to_state == S::sent) r.sent_at = stamp;
    if (to_state == S::accepted || to_state == S::declined || to_state == S::redirected) r.responded_at = stamp;
    if (to_state == S::declined) r.decline_reason = "Outside our area; we suggested a service closer to home.";
    if (partnerships::is_closed(to_state)) r.closed_at = stamp;
    if (to_state == S::completed) r.outcome = kOutcomes[m.pick(std::size(kOutcomes))];
    r.updated_at = stamp;
    TRY_VOID(partnerships::db::update_referral(m.c, m.org_id, r, version++, worker_id));
    TRY_VOID(partnerships::db::insert_referral_event(
        m.c, m.org_id, r.id, {stamp, from, to, "", by_partner ? "partner" : "practitioner"}, worker_id));
    from = to;
    from_state = to_state;
    at += std::chrono::hours(24 * (1 + m.pick(4)));
  }
  return {};
}

}  // namespace

Result<AddedPerson> add_person(PersonMaker& m, const PersonSpec& spec) {
  auto& c = m.c;
  auto pick = [&](int n) { return m.pick(n); };
  const auto& iso = m.iso;
  const auto now = m.now;
  auto day = [&](TimePoint t) { return to_iso(t).substr(0, 10); };
  const auto i = spec.index;
  people::Person p;
  p.org_id = m.org_id;
  p.id = m.id();
  p.given_name = spec.given;
  p.family_name = spec.family;
  p.pronouns = spec.pronouns;
  p.date_of_birth = std::to_string(1960 + pick(45)) + "-" + (pick(9) + 1 < 10 ? "0" : "") +
                    std::to_string(pick(9) + 1) + "-" + std::to_string(10 + pick(18));
  p.phone = "04" + std::to_string(10000000 + pick(89999999));
  const auto& place = kDemoPlaces[i % kDemoPlaces.size()];
  p.address = std::to_string(2 + pick(180)) + " " + kDemoStreets[i % std::size(kDemoStreets)] + ", " + place.suburb +
              " VIC " + place.postcode;
  p.languages = i % 7 == 3 ? "Mandarin, English" : i % 11 == 5 ? "Arabic, English" : "English";
  p.interpreter_needed = i % 14 == 3;
  p.support_started_on = day(now - std::chrono::hours(24 * (30 + pick(700))));
  p.created_at = p.updated_at = iso;
  TRY_VOID(people::db::insert_person(c, p, ""));
  TRY_VOID(people::db::set_care_team(c, m.org_id, p.id, spec.care_team, "", iso));

  // The plan, mostly in their own words.
  recovery::Plan plan;
  plan.id = m.id();
  plan.person_id = p.id;
  auto section = [&](const char* text, bool person) {
    return recovery::Section{text, person ? "person" : "worker", person ? p.given_name : spec.worker_name, iso};
  };
  plan.sections["hopes"] = section(kHopes[pick(std::size(kHopes))], true);
  plan.sections["strengths"] = section(kStrengths[pick(std::size(kStrengths))], i % 2 == 0);
  plan.sections["whatHelps"] = section(kHelps[pick(std::size(kHelps))], true);
  plan.sections["whatDoesNotHelp"] = section(kNotHelp[pick(std::size(kNotHelp))], true);
  plan.sections["safetyUpsets"] = section("Loud arguments; being touched without warning.", true);
  plan.sections["safetyHelps"] = section("A quiet room, someone I know nearby, time to breathe.", true);
  plan.sections["wellnessEarlySigns"] = section("Not sleeping, skipping meals, staying in my room.", true);
  plan.sections["wellnessWhatIDo"] = section("Call my peer worker, go for a walk, keep to my routine.", true);
  plan.review_on = day(now + std::chrono::hours(24 * (pick(120) - 30)));  // some are due already
  plan.created_at = plan.updated_at = iso;
  plan.version = 1;
  if (i % 4 != 1) {
    plan.agreed_at = iso;
    plan.agreed_version = 1;
  }
  TRY_VOID(recovery::db::insert_plan(c, m.org_id, plan));

  // Goals and steps, some achieved.
  int goal_count = 1 + pick(3);
  for (int g = 0; g < goal_count; ++g) {
    const auto& goal_spec = kGoals[(i + static_cast<std::size_t>(g) * 3) % std::size(kGoals)];
    recovery::Goal goal;
    goal.id = m.id();
    goal.person_id = p.id;
    goal.title = goal_spec[0];
    goal.life_area_ids = {m.area_ids[goal_spec[1]]};
    goal.written_by_role = g == 0 ? "person" : "worker";
    using G = recovery::GoalStatus;
    int state = pick(10);
    goal.status = state < 2 ? G::achieved : state < 7 ? G::under_way : G::not_started;
    goal.created_at = goal.updated_at = day(now - std::chrono::hours(24 * (60 + pick(200)))) + "T09:00:00.000Z";
    if (goal.status == G::achieved) goal.achieved_at = day(now - std::chrono::hours(24 * pick(50))) + "T10:00:00.000Z";
    TRY_VOID(recovery::db::insert_goal(c, m.org_id, goal, ""));
    recovery::Step step;
    step.id = m.id();
    step.goal_id = goal.id;
    step.description = goal_spec[2];
    step.who = "person";
    using S = recovery::StepStatus;
    step.status = goal.status == G::not_started ? S::not_started : S::done;
    step.created_at = step.updated_at = goal.created_at;
    if (step.status == S::done)
      step.done_at = day(now - std::chrono::hours(24 * (10 + pick(40)))) + "T11:00:00.000Z";
    else
      step.due_on = day(now + std::chrono::hours(24 * (7 + pick(30))));
    TRY_VOID(recovery::db::insert_step(c, m.org_id, p.id, step, ""));
  }

  // A year of monthly check-ins, drifting gently upward with ups and downs.
  std::map<std::string, int> level;
  for (const auto& [code, _] : m.area_ids) level[code] = 3 + pick(4);
  for (int month = 12; month >= 0; --month) {
    recovery::CheckIn ci;
    ci.id = m.id();
    ci.person_id = p.id;
    ci.taken_at = to_iso(now - std::chrono::hours(24 * (30 * month + pick(5))));
    if (month % 3 == 0 && !spec.worker_id.empty()) ci.entered_by = spec.worker_id;
    ci.entered_by_role = ci.entered_by ? "practitioner" : "person";
    for (const auto& [code, id] : m.area_ids) {
      if (code == "creativity" || code == "alcohol_drugs") continue;
      auto& v = level[code];
      v = std::clamp(v + pick(4) - 1, 1, 10);
      recovery::Rating r;
      r.life_area_id = id;
      r.person_rating = v;
      if (ci.entered_by) r.worker_rating = std::clamp(v + pick(3) - 1, 1, 10);
      ci.ratings.push_back(r);
    }
    TRY_VOID(recovery::db::insert_check_in(c, m.org_id, ci));
  }

  // Supporters, and what the person shares with them.
  AddedPerson added{p.id, ""};
  int supporter_count = spec.supporters.value_or(pick(3));
  for (int s = 0; s < supporter_count; ++s) {
    const auto& sup_spec = kSupporters[i == 0 ? 0 : 1 + pick(std::size(kSupporters) - 1)];
    people::Supporter sup;
    sup.org_id = m.org_id;
    sup.id = m.id();
    sup.person_id = p.id;
    sup.name = sup_spec[0];
    sup.relationship = sup_spec[1];
    sup.involvement = "Please call them if I become unwell, and invite them to my reviews.";
    sup.created_at = sup.updated_at = iso;
    TRY_VOID(people::db::insert_supporter(c, sup, ""));
    if (s == 0) added.first_supporter_id = sup.id;
    if (i == 0 || pick(2) == 0) {
      people::Consent k;
      k.org_id = m.org_id;
      k.id = m.id();
      k.person_id = p.id;
      k.grantee_id = sup.id;
      k.parts = {access::Part::profile, access::Part::plan, access::Part::goals};
      k.purpose = "So they can support me with my goals.";
      k.starts_on = day(now - std::chrono::hours(24 * 30));
      k.recorded_at = iso;
      TRY_VOID(people::db::insert_consent(c, k));
    }
  }
  if (spec.referral_state)
    TRY_VOID(add_referral(m, p.id, spec.worker_id, *spec.referral_state,
                          spec.referral_to_northside && !m.northside_id.empty() ? m.northside_id : m.bayside_id));
  return added;
}

Result<void> load_demo_people(store::Conn& c, const std::string& org_id, const DemoStaff& staff, TimePoint now) {
  auto iso = to_iso(now);
  // Life areas first, so check-ins and goals can point at them.
  for (auto a : recovery::default_life_areas()) {
    a.id = new_id();
    TRY_VOID(recovery::db::insert_life_area(c, org_id, a));
  }

  // A partner agency with a written agreement; the demo partner sign-in works there.
  partnerships::Partner bayside;
  bayside.id = new_id();
  bayside.name = "Bayside Housing Support";
  bayside.directory_organization_id = demo_organization_id(0);
  bayside.agreement_purpose = "Safe, settled housing for people we both support.";
  bayside.agreement_roles =
      "We refer with the person's consent and stay involved; Bayside answers within 3 working days.";
  bayside.information_sharing = "Name, contact details and housing goals, only with the person's consent.";
  bayside.agreement_expectations =
      "Either side tells the other within a week of any change to a shared person's support.";
  bayside.agreement_contacts = "Bayside intake: Casey Walker, 03 9000 0000. Riverbend partnerships: Priya Raman.";
  bayside.our_resources = "A peer worker at Bayside's drop-in every Thursday; places in our recovery college courses.";
  bayside.partner_resources =
      "Two transitional housing places held for people we refer; tenancy training for our staff.";
  bayside.agreement_starts_on = "2026-01-01";
  bayside.agreement_review_on = "2026-12-31";
  bayside.response_days = 3;
  bayside.wait_weeks = 2;
  TRY_VOID(partnerships::db::insert_partner(c, org_id, bayside, iso, ""));
  TRY(c.exec("UPDATE users SET partner_id = ? WHERE org_id = ? AND id = ?",
             {bayside.id, org_id, staff.partner_user_id}));
  partnerships::Partner work;
  work.id = new_id();
  work.name = "Northside Employment Pathways";
  work.directory_organization_id = demo_organization_id(1);
  work.agreement_purpose = "Work, study and volunteering that fit people's goals.";
  work.response_days = 5;
  TRY_VOID(partnerships::db::insert_partner(c, org_id, work, iso, ""));

  auto maker = TRY(person_maker(c, org_id, now, 20261123, false));  // fixed seed: every demo the same
  for (std::size_t i = 0; i < kPeople.size(); ++i) {
    const auto& [given, family, pronouns] = kPeople[i];
    PersonSpec spec{i,
                    given,
                    family,
                    pronouns,
                    {},
                    staff.practitioner_id,
                    "Jordan Lee",
                    std::nullopt,
                    false,
                    i == 0 ? std::optional<int>(1) : std::nullopt};
    // Most people are with the Community Recovery Team; some with youth or Hillside.
    std::size_t team = i < 26 ? 0 : i < 33 ? 1 : 2;
    spec.care_team = {{"team", staff.team_ids[team], "", ""}};
    if (team == 0) spec.care_team.push_back({"user", staff.practitioner_id, "", ""});
    if (i % 3 == 0) spec.care_team.push_back({"user", staff.peer_worker_id, "", ""});
    // Every fifth person has a referral to Bayside, sent with their consent.
    if (i % 5 == 0) spec.referral_state = "sent";
    auto added = TRY(add_person(maker, spec));
    // The demo person sign-in is Taylor; the demo supporter, Taylor's sibling Morgan.
    if (i == 0) {
      TRY(c.exec("UPDATE users SET person_id = ? WHERE org_id = ? AND id = ?",
                 {added.person_id, org_id, staff.person_user_id}));
      TRY(c.exec("UPDATE users SET supporter_id = ? WHERE org_id = ? AND id = ?",
                 {added.first_supporter_id, org_id, staff.supporter_user_id}));
    }
  }
  return {};
}

}  // namespace trellis::demo
