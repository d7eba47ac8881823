#include "demo/demo_data.hpp"

#include "access/audit.hpp"
#include "access/passwords.hpp"
#include "access/store.hpp"
#include "core/ids.hpp"
#include "demo/demo_directory.hpp"
#include "demo/demo_people.hpp"
#include "partnerships/directory/store.hpp"

namespace trellis::demo {
namespace {

struct DemoUser {
  const char* email;
  const char* name;
  access::Role role;
  std::vector<int> teams;  // indexes into kTeams
};

struct DemoTeam {
  const char* name;
  const char* description;
  int site;
};

const char* const kSites[][2] = {
    {"Riverbend Central", "12 Wattle Street, Riverbend VIC 3999"},
    {"Hillside Hub", "4/88 Banksia Road, Hillside VIC 3998"},
};

const DemoTeam kTeams[] = {
    {"Community Recovery Team", "Adults living in the community, working toward the life they want.", 0},
    {"Youth Early Support", "Young people aged 16 to 25 and the people around them.", 0},
    {"Hillside Wellbeing Team", "Recovery support, peer work and groups at the Hillside hub.", 1},
};

const DemoUser kUsers[] = {
    {"administrator@demo.example", "Alex Morgan", access::Role::administrator, {}},
    {"manager@demo.example", "Priya Raman", access::Role::manager, {0, 1, 2}},
    {"team-leader@demo.example", "Sam Okafor", access::Role::team_leader, {0}},
    {"practitioner@demo.example", "Jordan Lee", access::Role::practitioner, {0}},
    {"peer-worker@demo.example", "Kim Nguyen", access::Role::peer_worker, {0, 2}},
    {"student@demo.example", "Riley Chen", access::Role::student, {1}},
    {"partner@demo.example", "Casey Walker", access::Role::partner, {}},
    {"person@demo.example", "Taylor Brooks", access::Role::person, {}},
    {"supporter@demo.example", "Morgan Brooks", access::Role::supporter, {}},
};

}  // namespace

Result<DemoResult> load_demo_data(store::Db& db, const Clock& clock, const std::string& password, bool set_password,
                                  bool production, bool with_people, std::size_t directory_services) {
  if (production)
    return fail(ErrorKind::forbidden, "Demo data is not loaded in production mode",
                "Use create-admin to set up a real organisation.", "demo_in_production");
  DemoResult result;
  auto now = clock.now();
  auto iso = to_iso(now);
  auto hash = access::hash_password(password);
  TRY_VOID(db.write([&](store::Conn& c) -> Result<void> {
    auto existing = TRY(access::db::find_user_by_email(c, kUsers[0].email));
    if (existing) {
      if (!set_password) return {};
      for (const auto& du : kUsers) {
        auto u = TRY(access::db::find_user_by_email(c, du.email));
        if (u) TRY_VOID(access::db::set_password(c, u->user.org_id, u->user.id, hash, "", iso));
      }
      result.password_set = true;
      return access::append_audit(
          c, access::system_event(existing->user.org_id, "demo.password.set", "org", existing->user.org_id), now);
    }
    auto org_id = new_id();
    TRY(c.exec("INSERT INTO orgs (org_id, name, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
               {org_id, "Riverbend Community Mental Health (demo)", "Australia/Melbourne", iso, iso}));
    std::vector<std::string> site_ids;
    for (const auto& s : kSites) {
      access::Site site{org_id, new_id(), s[0], s[1], 1};
      TRY_VOID(access::db::insert_site(c, site, "", iso));
      site_ids.push_back(site.id);
    }
    std::vector<std::string> team_ids;
    for (const auto& t : kTeams) {
      access::Team team;
      team.org_id = org_id;
      team.id = new_id();
      team.name = t.name;
      team.description = t.description;
      team.site_id = site_ids[t.site];
      team.created_at = team.updated_at = iso;
      TRY_VOID(access::db::insert_team(c, team, ""));
      team_ids.push_back(team.id);
    }
    DemoStaff staff;
    staff.team_ids = team_ids;
    for (const auto& du : kUsers) {
      access::User u;
      u.org_id = org_id;
      u.id = new_id();
      u.email = du.email;
      u.display_name = du.name;
      u.role = du.role;
      u.created_at = u.updated_at = iso;
      for (int t : du.teams) u.team_ids.push_back(team_ids[t]);
      TRY_VOID(access::db::insert_user(c, u, hash, ""));
      if (du.role == access::Role::practitioner) staff.practitioner_id = u.id;
      if (du.role == access::Role::peer_worker) staff.peer_worker_id = u.id;
      if (du.role == access::Role::person) staff.person_user_id = u.id;
      if (du.role == access::Role::supporter) staff.supporter_user_id = u.id;
      if (du.role == access::Role::partner) staff.partner_user_id = u.id;
    }
    if (with_people) TRY_VOID(load_demo_people(c, org_id, staff, now));
    if (directory_services > 0)
      TRY(partnerships::db::apply_records(c, org_id, demo_directory(directory_services), iso, {}));
    TRY_VOID(access::append_audit(c, access::system_event(org_id, "demo.load", "org", org_id), now));
    result.created = true;
    result.password_set = true;
    return {};
  }));
  return result;
}

}  // namespace trellis::demo
