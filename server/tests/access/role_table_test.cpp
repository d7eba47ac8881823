// Walks the role x action table in docs/operator-guide.md: every cell is tried against the real
// server, as that role, and must be allowed ("yes") or refused ("no"). The table is read from the
// guide itself, so the guide and the server cannot drift apart.
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "support.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

struct Table {
  std::vector<std::string> roles;                               // column headings
  std::vector<std::pair<std::string, std::vector<bool>>> rows;  // action, allowed per role
};

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string cell;
  std::getline(in, cell, '|');  // before the first bar
  while (std::getline(in, cell, '|')) {
    auto b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
    out.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
  }
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

Table read_table() {
  std::ifstream in(std::string(TRELLIS_SOURCE_DIR) + "/docs/operator-guide.md");
  std::string line;
  bool inside = false;
  Table t;
  while (std::getline(in, line)) {
    if (line.find("role-table:start") != std::string::npos)
      inside = true;
    else if (line.find("role-table:end") != std::string::npos)
      break;
    else if (inside && line.starts_with("|") && !line.starts_with("| ---")) {
      auto c = cells(line);
      if (t.roles.empty()) {
        t.roles.assign(c.begin() + 1, c.end());
        continue;
      }
      std::vector<bool> allowed;
      for (std::size_t i = 1; i < c.size(); ++i) {
        EXPECT_TRUE(c[i] == "yes" || c[i] == "no") << "cell '" << c[i] << "' in row " << c[0];
        allowed.push_back(c[i] == "yes");
      }
      t.rows.emplace_back(c[0], allowed);
    }
  }
  return t;
}

class RoleTable : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    practitioner = sign_in("practitioner@demo.example");
    admin = sign_in("administrator@demo.example");
    auto manager = sign_in("manager@demo.example");
    for (const auto& [role, email] :
         std::vector<std::pair<std::string, std::string>>{{"administrator", "administrator@demo.example"},
                                                          {"manager", "manager@demo.example"},
                                                          {"team leader", "team-leader@demo.example"},
                                                          {"practitioner", "practitioner@demo.example"},
                                                          {"peer worker", "peer-worker@demo.example"},
                                                          {"student", "student@demo.example"},
                                                          {"partner agency", "partner@demo.example"}})
      as[role] = sign_in(email);

    // Someone every worker supports: each worker (the administrator too) is on the care team.
    person_id = add_person("Rua", "Kereama");
    std::vector<std::string> workers;
    for (const auto* email : {"administrator@demo.example", "manager@demo.example", "team-leader@demo.example",
                              "practitioner@demo.example", "peer-worker@demo.example", "student@demo.example"})
      workers.push_back(user_id(email));
    auto team = call("PUT", path(person_id, "/care-team"), &practitioner,
                     json{{"userIds", workers}, {"teamIds", json::array()}});
    ASSERT_EQ(team.status, 200) << team.raw.body;
    auto s = call("POST", path(person_id, "/supporters"), &practitioner,
                  json{{"name", "Hemi Kereama"}, {"relationship", "brother"}});
    supporter_id = s.body["id"];
    ASSERT_EQ(call("POST", path(person_id, "/consents"), &practitioner,
                   json{{"supporterId", supporter_id}, {"parts", {"profile", "plan"}}, {"purpose", "Hemi helps me"}})
                  .status,
              201);
    as["person"] =
        invite_and_accept(path(person_id, "/invitations"), practitioner, "rua@example.org", "pohutukawa by the sea");
    as["supporter"] = invite_and_accept(path(person_id, "/supporters/" + supporter_id + "/invitations"), practitioner,
                                        "hemi@example.org", "kayak paddles at low tide");
    auto p = call("POST", "/api/v1/partners", &manager, json{{"name", "Eastside Housing"}});
    partner_id = p.body["id"];
    auto areas = call("GET", "/api/v1/life-areas", &practitioner);
    life_area_id = areas.body["items"][0]["id"];

    // Someone nobody here supports: a care team of one empty team, for break-the-glass.
    stranger_id = add_person("Ana", "Folau");
    auto empty = call("POST", "/api/v1/teams", &admin, json{{"name", "Night outreach"}});
    ASSERT_EQ(call("PUT", path(stranger_id, "/care-team"), &practitioner,
                   json{{"userIds", json::array()}, {"teamIds", {empty.body["id"]}}})
                  .status,
              200);
  }

  std::string add_person(const std::string& given, const std::string& family) {
    auto r = call("POST", "/api/v1/people", &practitioner,
                  json{{"givenName", given}, {"familyName", family}, {"dateOfBirth", "1990-01-01"}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return r.body.value("id", "");
  }
  static std::string path(const std::string& id, const std::string& rest = "") { return "/api/v1/people/" + id + rest; }
  std::string version_of(const std::string& id) {
    return "\"" + std::to_string(call("GET", path(id), &practitioner).body.value("version", 1)) + "\"";
  }

  // Each action as one request; the reply's status says whether the policy let it through.
  Reply attempt(const std::string& action, const Browser& b) {
    const std::string& p = person_id;
    if (action == "read the person's record (on the care team)") return call("GET", path(p), &b);
    if (action == "change the person's details")
      return call("PATCH", path(p), &b, json{{"pronouns", "they/them"}}, {{"if-match", version_of(p)}});
    if (action == "change the care team") {
      auto current = call("GET", path(p, "/care-team"), &practitioner);
      json users = json::array();
      for (const auto& m : current.body.at("items"))
        if (m.at("memberType") == "user") users.push_back(m.at("memberId"));
      EXPECT_EQ(users.size(), 6u);
      return call("PUT", path(p, "/care-team"), &b, json{{"userIds", users}, {"teamIds", json::array()}});
    }
    if (action == "add or change supporters")
      return call("POST", path(p, "/supporters"), &b, json{{"name", "Aroha Kereama"}, {"relationship", "aunt"}});
    if (action == "record or withdraw consent")
      return call("POST", path(p, "/consents"), &b,
                  json{{"supporterId", supporter_id}, {"parts", {"goals"}}, {"purpose", "So Hemi can cheer me on"}});
    if (action == "make or revoke an advance statement")
      return call("POST", path(p, "/advance-statements"), &b,
                  json{{"treatmentPreferences", "Call my brother first."},
                       {"signedOn", "2026-11-20"},
                       {"witnessName", "Dr Lena Ortiz"},
                       {"witnessRole", "Authorised witness (medical practitioner)"},
                       {"witnessedOn", "2026-11-20"}});
    if (action == "write the plan, goals and check-ins")
      return call("POST", path(p, "/check-ins"), &b,
                  json{{"ratings", {{{"lifeAreaId", life_area_id}, {"personRating", 6}}}}});
    if (action == "draft and send referrals")
      return call("POST", path(p, "/referrals"), &b,
                  json{{"partnerId", partner_id}, {"reason", "Rua would like a flat."}});
    if (action == "invite the person or a supporter to sign in") {
      auto s = call("POST", path(p, "/supporters"), &practitioner,
                    json{{"name", "Tama Kereama"}, {"relationship", "father"}});
      return call("POST", path(p, "/supporters/" + s.body.value("id", "") + "/invitations"), &b);
    }
    if (action == "open a record with break-the-glass")
      return call("POST", path(stranger_id, "/break-glass"), &b,
                  json{{"reasonCode", "urgent_safety"}, {"reason", "Ana's sister called, worried about tonight."}});
    if (action == "read a record under break-the-glass") return call("GET", path(stranger_id), &b);
    if (action == "change a record under break-the-glass")
      return call("PATCH", path(stranger_id), &b, json{{"pronouns", "she/her"}},
                  {{"if-match", version_of(stranger_id)}});
    if (action == "add a person the service supports")
      return call(
          "POST", "/api/v1/people", &b,
          json{{"givenName", "Mika"}, {"familyName", "Salo"}, {"dateOfBirth", "2001-05-05"}, {"notADuplicate", true}});
    if (action == "review break-the-glass access") return call("GET", "/api/v1/break-glass", &b);
    if (action == "create workers' accounts and change roles")
      return call("POST", "/api/v1/users", &b,
                  json{{"email", "new." + std::to_string(++made) + "@demo.example"},
                       {"displayName", "New Worker"},
                       {"role", "practitioner"},
                       {"password", "seven ravens over the bay"}});
    if (action == "create and change sites and teams")
      return call("POST", "/api/v1/teams", &b, json{{"name", "Team " + std::to_string(++made)}});
    if (action == "read the audit log") return call("GET", "/api/v1/audit-events", &b);
    if (action == "import and export the service directory") return call("GET", "/api/v1/directory/export", &b);
    if (action == "keep partner agencies and their agreements")
      return call("POST", "/api/v1/partners", &b, json{{"name", "Partner " + std::to_string(++made)}});
    if (action == "search the service directory") return call("GET", "/api/v1/directory/services?q=housing", &b);
    if (action == "work a partner agency's referral inbox") return call("GET", "/api/v1/partner/referrals", &b);
    ADD_FAILURE() << "the test does not know the action '" << action << "'";
    return {};
  }

  std::map<std::string, Browser> as;
  Browser practitioner, admin;
  std::string person_id, stranger_id, supporter_id, partner_id, life_area_id;
  int made = 0;
};

bool refused(int status) { return status == 401 || status == 403 || status == 404; }

TEST_F(RoleTable, every_cell_of_the_operator_guides_table_holds) {
  auto table = read_table();
  ASSERT_EQ(table.roles.size(), 9u);
  ASSERT_GE(table.rows.size(), 20u);
  for (const auto& [action, allowed] : table.rows) {
    for (std::size_t i = 0; i < table.roles.size(); ++i) {
      const auto& role = table.roles[i];
      ASSERT_TRUE(as.contains(role)) << "no one signed in as " << role;
      if (action == "read a record under break-the-glass" || action == "change a record under break-the-glass")
        (void)attempt("open a record with break-the-glass", as[role]);
      auto r = attempt(action, as[role]);
      EXPECT_LT(r.status, 500) << action << " as " << role << ": " << r.raw.body;
      if (allowed[i])
        EXPECT_FALSE(refused(r.status)) << action << " as " << role << " was refused: " << r.raw.body;
      else
        EXPECT_TRUE(refused(r.status)) << action << " as " << role << " was allowed (" << r.status << ")";
    }
  }
}

}  // namespace
}  // namespace trellis::test
