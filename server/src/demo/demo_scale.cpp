#include "demo/demo_scale.hpp"

#include <cstdio>

#include "access/passwords.hpp"
#include "access/store.hpp"
#include "demo/demo_data.hpp"
#include "demo/demo_people.hpp"

namespace trellis::demo {
namespace {

const char* const kGiven[] = {"Alex",  "Sam",   "Jordan", "Mia",   "Noah",   "Ava",    "Liam",   "Zara",
                              "Ethan", "Layla", "Oscar",  "Chloe", "Ari",    "Mei",    "Hamid",  "Priya",
                              "Tom",   "Grace", "Kai",    "Ruby",  "Jarrah", "Leila",  "Daniel", "Fatima",
                              "Lucas", "Isla",  "Mateo",  "Amira", "Finn",   "Sienna", "Riley",  "Nikhil"};
const char* const kFamily[] = {"Nguyen",  "Smith",    "Wilson",    "Brown",   "Tran",   "Kelly",  "Papadopoulos",
                               "Rossi",   "Ali",      "Kim",       "Murphy",  "Singh",  "Martin", "Walker",
                               "Haddad",  "Lee",      "Campbell",  "O'Brien", "Chen",   "Taylor", "Hassan",
                               "Jackson", "Byrne",    "Dimitriou", "Parata",  "Karimi", "Wright", "Hughes",
                               "Clarke",  "Anderson", "Roberts",   "Lin"};
const char* const kPronouns[] = {"she/her", "he/him", "they/them", "she/her", "he/him"};
const char* const kReferralStates[] = {"sent",        "received",  "accepted",  "declined",  "redirected",
                                       "in_progress", "completed", "completed", "withdrawn", "sent"};

struct Worker {
  std::string id, name, team_id;
  std::size_t caseload = 0, assigned = 0;
};

}  // namespace

Result<void> load_scale_data(store::Db& db, const Clock& clock, const std::string& password, const ScaleOptions& o,
                             const ScaleProgress& progress) {
  auto existing = TRY(db.read([](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM orgs"); }));
  if (existing && existing->integer(0) > 0)
    return fail(ErrorKind::conflict, "This database already holds an organisation",
                "Generate the benchmark's organisation into a new, empty database.", "not_empty");
  if (progress) progress("demo organisation and directory", 0, 1);
  TRY_VOID(load_demo_data(db, clock, password, true, false, true, o.services));
  if (progress) progress("demo organisation and directory", 1, 1);
  auto now = clock.now();
  auto iso = to_iso(now);
  auto org_id = TRY(db.read([](store::Conn& c) -> Result<std::string> {
    auto row = TRY(c.query_one("SELECT org_id FROM orgs"));
    return row->text(0);
  }));

  // Teams of twenty, each with practitioners and peer workers; one password hash for all.
  std::vector<Worker> practitioners, peers;
  std::mt19937_64 rng(o.seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  // Ids as the API gives them (32 hex digits), decided by the seed like everything else.
  std::uint64_t made = 0;
  auto seeded_id = [&] {
    char buf[33];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(++made),
                  static_cast<unsigned long long>(rng()));
    return std::string(buf);
  };
  TRY_VOID(db.write([&](store::Conn& c) -> Result<void> {
    auto sites = TRY(c.query("SELECT id FROM sites WHERE org_id = ? ORDER BY name", {org_id}));
    auto hash = access::hash_password(password);
    std::size_t teams = std::max<std::size_t>(1, (o.staff + 19) / 20);
    std::vector<std::string> team_ids;
    for (std::size_t t = 0; t < teams; ++t) {
      access::Team team;
      team.org_id = org_id;
      team.id = seeded_id();
      team.name = "Community Team " + std::to_string(t + 1);
      team.description = "Adults in the community, working toward the life they want.";
      team.site_id = sites[t % sites.size()].text(0);
      team.created_at = team.updated_at = iso;
      TRY_VOID(access::db::insert_team(c, team, ""));
      team_ids.push_back(team.id);
    }
    for (std::size_t s = 0; s < o.staff; ++s) {
      access::User u;
      u.org_id = org_id;
      u.id = seeded_id();
      u.email = "worker" + std::to_string(s + 1) + "@scale.example";
      u.display_name = std::string(kGiven[pick(std::size(kGiven))]) + " " + kFamily[pick(std::size(kFamily))];
      u.role = s % 3 == 2 ? access::Role::peer_worker : access::Role::practitioner;
      u.created_at = u.updated_at = iso;
      u.team_ids = {team_ids[s / 20]};
      TRY_VOID(access::db::insert_user(c, u, hash, ""));
      Worker w{u.id, u.display_name, team_ids[s / 20]};
      // Caseloads of 15 to 60; the benchmark's worker has the largest.
      w.caseload = s == 0 ? 60 : 15 + pick(46);
      (u.role == access::Role::peer_worker ? peers : practitioners).push_back(std::move(w));
    }
    if (progress) progress("staff", o.staff, o.staff);
    return {};
  }));

  // People, a thousand to a transaction. Each is on a team; most also have a practitioner, a
  // third a peer worker from the same team. Once every caseload is full, people are with a team
  // only, as on a waiting list.
  std::size_t next_worker = 0;
  constexpr std::size_t kBatch = 2000;
  for (std::size_t done = 0; done < o.people;) {
    std::size_t end = std::min(o.people, done + kBatch);
    TRY_VOID(db.write([&](store::Conn& c) -> Result<void> {
      // A cache large enough for the indexes being filled; this connection only, while generating.
      if (c.dialect() == store::Dialect::sqlite) TRY_VOID(c.exec_script("PRAGMA cache_size=-262144"));
      auto maker = TRY(person_maker(c, org_id, now, o.seed * 1000003 + done, true));
      maker.sequence = (o.seed << 40) + (done << 12);
      for (std::size_t i = done; i < end; ++i) {
        while (next_worker < practitioners.size() &&
               practitioners[next_worker].assigned >= practitioners[next_worker].caseload)
          ++next_worker;
        PersonSpec spec;
        spec.index = i;
        spec.given = kGiven[maker.pick(std::size(kGiven))];
        spec.family = kFamily[maker.pick(std::size(kFamily))];
        spec.pronouns = kPronouns[maker.pick(std::size(kPronouns))];
        if (next_worker < practitioners.size()) {
          auto& w = practitioners[next_worker];
          ++w.assigned;
          spec.care_team = {{"team", w.team_id, "", ""}, {"user", w.id, "", ""}};
          spec.worker_id = w.id;
          spec.worker_name = w.name;
          if (!peers.empty() && i % 3 == 0)
            spec.care_team.push_back({"user", peers[(next_worker / 2) % peers.size()].id, "", ""});
        } else if (!practitioners.empty()) {
          const auto& w = practitioners[i % practitioners.size()];
          spec.care_team = {{"team", w.team_id, "", ""}};
          spec.worker_name = w.name;
        }
        if (i % 10 == 7) {
          spec.referral_state = kReferralStates[(i / 10) % std::size(kReferralStates)];
          spec.referral_to_northside = i % 20 == 17;
        }
        TRY(add_person(maker, spec));
      }
      return {};
    }));
    done = end;
    if (progress) progress("people", done, o.people);
  }
  return {};
}

}  // namespace trellis::demo
