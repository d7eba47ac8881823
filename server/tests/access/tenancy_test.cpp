// Two organisations on one server: every list, search and lookup by id that one organisation's
// users can reach shows nothing of the other. Every organisation filter in the code is under test
// here (issue 9): remove one, and an id of the first organisation shows up in this walk.
#include <regex>
#include <set>

#include "demo/demo_data.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class Tenancy : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    // The first organisation, whole: people, supporters, plans, referrals, a directory, an audit log.
    ASSERT_TRUE(demo::load_demo_data(*db, clock, kPassword, true, false, true, 40).has_value());
    first_org = org_id();
    // Give the first organisation a little of everything the demo leaves out.
    auto manager = sign_in("manager@demo.example");
    auto p = call("POST", "/api/v1/partners", &manager, json{{"name", "First Org Housing"}});
    call("POST", "/api/v1/partners/" + p.body.value("id", "") + "/reviews", &manager, json{{"title", "2026"}});

    auto second = runtime->access.create_organisation("Riverbend Community Mental Health", "admin@riverbend.example",
                                                      "Alex Morgan", "lanterns along the riverbank");
    ASSERT_TRUE(second.has_value()) << second.error().title;
    admin = sign_in("admin@riverbend.example", "lanterns along the riverbank");
    auto team = call("POST", "/api/v1/teams", &admin, json{{"name", "Riverbend outreach"}});
    ASSERT_EQ(team.status, 201) << team.raw.body;
    auto confirmed =
        call("POST", "/api/v1/auth/reauthenticate", &admin, json{{"password", "lanterns along the riverbank"}});
    ASSERT_EQ(confirmed.status, 204) << confirmed.raw.body;
    for (const auto& [email, role] : std::vector<std::pair<std::string, std::string>>{
             {"sam@riverbend.example", "practitioner"}, {"kim@riverbend.example", "manager"}}) {
      auto u = call("POST", "/api/v1/users", &admin,
                    json{{"email", email},
                         {"displayName", "Riverbend " + role},
                         {"role", role},
                         {"password", "otters playing in the reeds"},
                         {"teamIds", {team.body["id"]}}});
      ASSERT_EQ(u.status, 201) << u.raw.body;
    }
    practitioner = sign_in("sam@riverbend.example", "otters playing in the reeds");
    manager_b = sign_in("kim@riverbend.example", "otters playing in the reeds");
    auto person = call("POST", "/api/v1/people", &practitioner,
                       json{{"givenName", "Nia"}, {"familyName", "Okafor"}, {"dateOfBirth", "1992-06-06"}});
    ASSERT_EQ(person.status, 201) << person.raw.body;

    // Everything the first organisation holds, by id, and the names of the people it supports.
    // Every table with both an org_id and an id column.
    const char* tables =
        using_postgres()
            ? "SELECT a.table_name FROM information_schema.columns a JOIN information_schema.columns b"
              " ON b.table_name = a.table_name AND b.table_schema = a.table_schema AND b.column_name = 'org_id'"
              " WHERE a.table_schema = 'public' AND a.column_name = 'id'"
            : "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c ON c.name = 'id'"
              " JOIN pragma_table_info(m.name) o ON o.name = 'org_id'"
              " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
    auto names = db->read([&](store::Conn& c) { return c.query(tables); });
    ASSERT_TRUE(names.has_value());
    for (const auto& t : *names) {
      auto table = t.text(0);
      auto ids = db->read(
          [&](store::Conn& c) { return c.query("SELECT id FROM " + table + " WHERE org_id = ?", {first_org}); });
      ASSERT_TRUE(ids.has_value()) << table;
      for (const auto& r : *ids) {
        first_ids.insert(r.text(0));
        if (!sample.contains(table)) sample[table] = r.text(0);
      }
    }
    auto people = db->read([&](store::Conn& c) {
      return c.query("SELECT family_name FROM people WHERE org_id = ? LIMIT 10", {first_org});
    });
    for (const auto& r : *people) first_names.push_back(r.text(0));
    ASSERT_GT(first_ids.size(), 100u);
    ASSERT_GE(sample.size(), 10u);
  }

  // The first organisation's ids and names found in a reply.
  std::vector<std::string> leaks(const Reply& r) {
    std::vector<std::string> out;
    static const std::regex id(R"([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12})");
    for (auto it = std::sregex_iterator(r.raw.body.begin(), r.raw.body.end(), id); it != std::sregex_iterator(); ++it)
      if (first_ids.contains(it->str())) out.push_back(it->str());
    for (const auto& n : first_names)
      if (n.size() >= 4 && r.raw.body.find("\"" + n) != std::string::npos) out.push_back(n);
    return out;
  }

  std::string first_org;
  Browser admin, practitioner, manager_b;
  std::set<std::string> first_ids;
  std::map<std::string, std::string> sample;  // one id of each kind of record
  std::vector<std::string> first_names;
};

TEST_F(Tenancy, nothing_of_one_organisation_reaches_another_through_any_read) {
  int tried = 0;
  for (const auto* who : {&admin, &manager_b, &practitioner}) {
    for (const auto& route : app->routes().routes()) {
      if (route.method != "GET") continue;
      bool has_param = false;
      for (const auto& s : route.segments) has_param = has_param || s[0] == ':';
      // Lists and searches: as they are, and searching for the first organisation's people.
      std::vector<std::string> paths;
      if (!has_param) {
        std::string path;
        for (const auto& s : route.segments) path += "/" + s;
        paths.push_back(path);
        for (const auto& n : first_names) paths.push_back(path + "?q=" + n);
      } else {
        // Lookups by id: every parameter is one of the first organisation's ids, of each kind.
        for (const auto& [table, id] : sample) {
          std::string path;
          for (const auto& s : route.segments) path += "/" + (s[0] == ':' ? id : s);
          paths.push_back(path);
        }
      }
      for (const auto& path : paths) {
        auto r = call("GET", path, who);
        ++tried;
        EXPECT_LT(r.status, 500) << path;
        auto found = leaks(r);
        EXPECT_TRUE(found.empty()) << path << " shows the first organisation's " << found.front() << ": "
                                   << r.raw.body.substr(0, 300);
      }
    }
  }
  EXPECT_GT(tried, 500);
}

TEST_F(Tenancy, the_second_organisation_works_on_its_own) {
  auto caseload = call("GET", "/api/v1/people", &practitioner);
  ASSERT_EQ(caseload.body["items"].size(), 1u);
  EXPECT_EQ(caseload.body["items"][0]["familyName"], "Okafor");
  auto search = call("GET", "/api/v1/people/search?q=" + first_names.front(), &practitioner);
  EXPECT_EQ(search.status, 200);
  EXPECT_EQ(search.body["items"].size(), 0u);
  // And the first does not see the second.
  auto first = sign_in("practitioner@demo.example");
  EXPECT_EQ(call("GET", "/api/v1/people/search?q=Okafor", &first).body["items"].size(), 0u);
  auto users = call("GET", "/api/v1/users?q=Riverbend", &admin);
  EXPECT_EQ(users.status, 200);
  auto first_admin = sign_in("administrator@demo.example");
  EXPECT_EQ(call("GET", "/api/v1/users?q=Riverbend", &first_admin).body["items"].size(), 0u);
}

}  // namespace
}  // namespace trellis::test
