#include <map>
#include <set>

#include "support.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class People : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    practitioner = sign_in("practitioner@demo.example");
    auto r = call("POST", "/api/v1/people", &practitioner,
                  json{{"givenName", "Zoë"},
                       {"familyName", "Ashworth"},
                       {"dateOfBirth", "1994-03-12"},
                       {"preferredName", "Zo"},
                       {"pronouns", "she/her"}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    person_id = r.body["id"];
  }
  std::string path(const std::string& rest = "") { return "/api/v1/people/" + person_id + rest; }
  Reply add_supporter(const std::string& name = "Sam Ashworth") {
    return call("POST", path("/supporters"), &practitioner,
                json{{"name", name}, {"relationship", "brother"}, {"involvement", "Call Sam if I am unwell."}});
  }
  Browser supporter_account(const std::string& supporter_id) {
    return invite_and_accept(path("/supporters/" + supporter_id + "/invitations"), practitioner,
                             "sam.ashworth@example.org", "lighthouse keeper tea");
  }
  Browser portal_account() {
    return invite_and_accept(path("/invitations"), practitioner, "zoe@example.org", "sunflowers at the window");
  }
  std::string concrete(const api::Route& r) {
    std::string out;
    for (const auto& s : r.segments)
      out += "/" + (s == ":id" ? person_id : s[0] == ':' ? std::string("0123456789abcdef0123456789abcdef") : s);
    return out;
  }
  Browser practitioner;
  std::string person_id;
};

TEST_F(People, every_person_route_refuses_everyone_outside_the_care_team) {
  std::map<std::string, int> outsiders = {{"partner@demo.example", 404},
                                          {"person@demo.example", 404},
                                          {"supporter@demo.example", 404},
                                          {"student@demo.example", 403},
                                          {"administrator@demo.example", 403}};
  int checked = 0;
  for (const auto& [email, expected] : outsiders) {
    auto b = sign_in(email);
    for (const auto& r : app->routes().routes()) {
      if (r.rule.kind != access::Rule::Kind::person) continue;
      auto reply = call(r.method, concrete(r), &b, json::object(), {{"if-match", "\"1\""}});
      EXPECT_EQ(reply.status, expected) << r.method << " " << r.pattern << " as " << email << ": " << reply.raw.body;
      ++checked;
    }
  }
  EXPECT_GT(checked, 50);
}

TEST_F(People, the_care_team_reads_and_every_read_is_audited_with_the_person) {
  auto peer = sign_in("peer-worker@demo.example");  // on the same team as the practitioner
  auto r = call("GET", path(), &peer);
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body["displayName"], "Zo Ashworth");
  EXPECT_EQ(r.body["access"], "care_team");
  wait_for_audit_log();
  auto rows = db->read([&](store::Conn& c) {
    return c.query("SELECT action, actor_id FROM audit_events WHERE person_id = ? AND action = 'person.read'",
                   {person_id});
  });
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].text(1), user_id("peer-worker@demo.example"));
}

TEST_F(People, a_worker_outside_the_care_team_needs_break_the_glass_which_expires_and_is_reviewed) {
  auto student = sign_in("student@demo.example");
  auto refused = call("GET", path(), &student);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body["type"], "https://trellis.example/problems/break_glass_available");

  auto no_reason = call("POST", path("/break-glass"), &student, json{{"reasonCode", "urgent_safety"}});
  EXPECT_EQ(no_reason.status, 422);
  auto opened =
      call("POST", path("/break-glass"), &student,
           json{{"reasonCode", "covering_for_colleague"}, {"reason", "Jordan is away; Zo called about housing."}});
  ASSERT_EQ(opened.status, 201) << opened.raw.body;
  auto now_ok = call("GET", path(), &student);
  EXPECT_EQ(now_ok.status, 200);
  EXPECT_EQ(now_ok.body["access"], "break_glass");

  clock.advance(std::chrono::hours(4) + std::chrono::minutes(1));
  call("GET", "/api/v1/auth/me", &student);
  auto refreshed = sign_in("student@demo.example");
  EXPECT_EQ(call("GET", path(), &refreshed).status, 403);

  auto manager = sign_in("manager@demo.example");
  auto queue = call("GET", "/api/v1/break-glass", &manager);
  ASSERT_EQ(queue.body["items"].size(), 1u);
  EXPECT_EQ(queue.body["items"][0]["personName"], "Zoë Ashworth");
  std::string id = queue.body["items"][0]["id"];
  EXPECT_EQ(call("POST", "/api/v1/break-glass/" + id + "/review", &refreshed, json{{"note", "ok"}}).status, 403);
  EXPECT_EQ(
      call("POST", "/api/v1/break-glass/" + id + "/review", &manager, json{{"note", "Appropriate cover."}}).status,
      204);
  EXPECT_EQ(call("GET", "/api/v1/break-glass", &manager).body["items"].size(), 0u);
  wait_for_audit_log();
  auto events = db->read([&](store::Conn& c) {
    return c.query("SELECT action FROM audit_events WHERE action LIKE 'break_glass.%' ORDER BY seq");
  });
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].text(0), "break_glass.start");
  EXPECT_EQ((*events)[1].text(0), "break_glass.end");
  EXPECT_EQ((*events)[2].text(0), "break_glass.review");
}

TEST_F(People, a_likely_duplicate_is_caught_ignoring_accents_until_the_worker_confirms) {
  json again{{"givenName", "Zoe"}, {"familyName", "ASHWORTH"}, {"dateOfBirth", "1994-03-12"}};
  auto dup = call("POST", "/api/v1/people", &practitioner, again);
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.body["type"], "https://trellis.example/problems/possible_duplicate");
  again["notADuplicate"] = true;
  EXPECT_EQ(call("POST", "/api/v1/people", &practitioner, again).status, 201);
}

TEST_F(People, bad_dates_are_refused_naming_the_field) {
  auto r = call("POST", "/api/v1/people", &practitioner,
                json{{"givenName", "A"}, {"familyName", "B"}, {"dateOfBirth", "12/03/1994"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["errors"][0]["field"], "dateOfBirth");
  auto future = call("POST", "/api/v1/people", &practitioner,
                     json{{"givenName", "A"}, {"familyName", "B"}, {"dateOfBirth", "2090-01-01"}});
  EXPECT_EQ(future.status, 422);
}

TEST_F(People, the_caseload_searches_names_without_case_or_accents) {
  call("POST", "/api/v1/people", &practitioner,
       json{{"givenName", "Mei"}, {"familyName", "Lin"}, {"dateOfBirth", "1980-01-01"}});
  auto all = call("GET", "/api/v1/people", &practitioner);
  EXPECT_EQ(all.body["items"].size(), 2u);
  // A change to a goal shows as the person's latest change.
  clock.advance(std::chrono::hours(1));
  practitioner = sign_in("practitioner@demo.example");
  call("POST", path("/goals"), &practitioner, json{{"title", "Walk the coast track"}});
  auto later = call("POST", path("/goals"), &practitioner, json{{"title", "Second goal"}});
  auto after = call("GET", "/api/v1/people?q=ashworth", &practitioner);
  EXPECT_EQ(after.body["items"][0]["lastChange"], later.body["updatedAt"]);
  auto zoe = call("GET", "/api/v1/people?q=ZOE%20ash", &practitioner);
  ASSERT_EQ(zoe.body["items"].size(), 1u);
  EXPECT_EQ(zoe.body["items"][0]["id"], person_id);
  auto peer = sign_in("peer-worker@demo.example");
  EXPECT_EQ(call("GET", "/api/v1/people", &peer).body["items"].size(), 2u);  // through the team
  auto student = sign_in("student@demo.example");
  EXPECT_EQ(call("GET", "/api/v1/people", &student).body["items"].size(), 0u);
  auto found = call("GET", "/api/v1/people/search?q=ashw", &student);
  EXPECT_EQ(found.body["items"].size(), 1u) << found.raw.body;
}

TEST_F(People, a_stale_edit_gets_409_loses_nothing_and_history_keeps_the_earlier_version) {
  auto first = call("PATCH", path(), &practitioner, json{{"phone", "0400 000 001"}}, {{"if-match", "\"1\""}});
  ASSERT_EQ(first.status, 200) << first.raw.body;
  auto stale = call("PATCH", path(), &practitioner, json{{"phone", "0400 999 999"}}, {{"if-match", "\"1\""}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(call("GET", path(), &practitioner).body["phone"], "0400 000 001");
  auto versions = db->read([&](store::Conn& c) {
    return c.query("SELECT version FROM record_versions WHERE entity_type = 'person' AND entity_id = ?", {person_id});
  });
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].integer(0), 1);
}

TEST_F(People, a_supporter_sees_only_consented_parts_and_loses_them_the_moment_consent_is_withdrawn) {
  auto s = add_supporter();
  ASSERT_EQ(s.status, 201) << s.raw.body;
  std::string supporter_id = s.body["id"];
  auto sam = supporter_account(supporter_id);
  EXPECT_EQ(call("GET", path(), &sam).status, 404);  // nothing shared yet

  auto consent = call("POST", path("/consents"), &practitioner,
                      json{{"supporterId", supporter_id},
                           {"parts", {"profile", "goals"}},
                           {"purpose", "So Sam can help me with my goals."}});
  ASSERT_EQ(consent.status, 201) << consent.raw.body;
  auto seen = call("GET", path(), &sam);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.body["access"], "consent");
  EXPECT_EQ(call("GET", path("/supporters"), &sam).status, 403);
  EXPECT_EQ(call("GET", path("/consents"), &sam).status, 403);
  EXPECT_EQ(call("PATCH", path(), &sam, json{{"phone", "1"}}, {{"if-match", "\"1\""}}).status, 403);
  auto shared = call("GET", "/api/v1/me/shared-with-me", &sam);
  ASSERT_EQ(shared.body["items"].size(), 1u);
  EXPECT_EQ(shared.body["items"][0]["personName"], "Zo Ashworth");
  wait_for_audit_log();
  auto audited = db->read([&](store::Conn& c) {
    return c.query("SELECT COUNT(*) FROM audit_events WHERE person_id = ? AND detail = 'shared with me'", {person_id});
  });
  EXPECT_EQ((*audited)[0].integer(0), 1);

  std::string consent_id = consent.body["id"];
  ASSERT_EQ(call("POST", path("/consents/" + consent_id + "/withdraw"), &practitioner).status, 200);
  EXPECT_EQ(call("GET", path(), &sam).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/me/shared-with-me", &sam).body["items"].size(), 0u);
}

TEST_F(People, consent_runs_only_between_its_dates) {
  auto s = add_supporter();
  std::string supporter_id = s.body["id"];
  auto sam = supporter_account(supporter_id);
  auto tomorrow = to_iso(clock.now() + std::chrono::hours(24)).substr(0, 10);
  auto in_two_days = to_iso(clock.now() + std::chrono::hours(48)).substr(0, 10);
  ASSERT_EQ(call("POST", path("/consents"), &practitioner,
                 json{{"supporterId", supporter_id},
                      {"parts", {"profile"}},
                      {"purpose", "While I am in hospital."},
                      {"startsOn", tomorrow},
                      {"endsOn", in_two_days}})
                .status,
            201);
  EXPECT_EQ(call("GET", path(), &sam).status, 404);
  clock.advance(std::chrono::hours(24));
  sam = sign_in("sam.ashworth@example.org", "lighthouse keeper tea");
  EXPECT_EQ(call("GET", path(), &sam).status, 200);
  clock.advance(std::chrono::hours(48));
  sam = sign_in("sam.ashworth@example.org", "lighthouse keeper tea");
  EXPECT_EQ(call("GET", path(), &sam).status, 404);
}

TEST_F(People, safety_and_consent_itself_cannot_be_shared) {
  auto s = add_supporter();
  auto r = call("POST", path("/consents"), &practitioner,
                json{{"supporterId", s.body["id"]}, {"parts", {"safety"}}, {"purpose", "x"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["errors"][0]["field"], "parts[0]");
}

TEST_F(People, the_person_reads_their_own_record_manages_supporters_and_nobody_elses) {
  auto zoe = portal_account();
  auto me = call("GET", "/api/v1/auth/me", &zoe);
  EXPECT_EQ(me.body["user"]["personId"], person_id);
  auto own = call("GET", path(), &zoe);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.body["access"], "self");
  EXPECT_EQ(call("PATCH", path(), &zoe, json{{"phone", "1"}}, {{"if-match", "\"1\""}}).status, 403);
  auto added = call("POST", path("/supporters"), &zoe, json{{"name", "Aunty Rose"}, {"relationship", "aunt"}});
  EXPECT_EQ(added.status, 201);
  auto other = call("POST", "/api/v1/people", &practitioner,
                    json{{"givenName", "Mei"}, {"familyName", "Lin"}, {"dateOfBirth", "1980-01-01"}});
  EXPECT_EQ(call("GET", "/api/v1/people/" + other.body["id"].get<std::string>(), &zoe).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/people", &zoe).status, 403);
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

class SharedWithoutDetails : public People {};

TEST_F(SharedWithoutDetails, a_supporter_given_goals_only_sees_the_name_but_no_details) {
  auto s = add_supporter();
  std::string supporter_id = s.body["id"];
  auto sam = supporter_account(supporter_id);
  ASSERT_EQ(call("POST", path("/consents"), &practitioner,
                 json{{"supporterId", supporter_id}, {"parts", {"goals"}}, {"purpose", "Goals only."}})
                .status,
            201);
  auto r = call("GET", path(), &sam);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["displayName"], "Zo Ashworth");
  EXPECT_FALSE(r.body.contains("dateOfBirth"));
  EXPECT_FALSE(r.body.contains("phone"));
  EXPECT_EQ(r.body["visibleParts"], json::array({"goals"}));
  EXPECT_EQ(call("GET", path("/goals"), &sam).status, 200);
  EXPECT_EQ(call("GET", path("/plan"), &sam).status, 403);
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

class CareTeam : public People {};

TEST_F(CareTeam, the_care_team_changes_who_is_on_it_and_access_follows_at_once) {
  auto options = call("GET", path("/care-team/options"), &practitioner);
  ASSERT_EQ(options.status, 200);
  std::string student_id, youth_team;
  for (const auto& o : options.body["items"]) {
    if (o["name"] == "Riley Chen") student_id = o["memberId"];
    if (o["name"] == "Youth Early Support") youth_team = o["memberId"];
    EXPECT_NE(o["role"], "person");
  }
  ASSERT_FALSE(student_id.empty());
  auto student = sign_in("student@demo.example");
  EXPECT_EQ(call("GET", path(), &student).status, 403);
  auto set = call("PUT", path("/care-team"), &practitioner,
                  json{{"userIds", {user_id("practitioner@demo.example"), student_id}}, {"teamIds", json::array()}});
  ASSERT_EQ(set.status, 200) << set.raw.body;
  EXPECT_EQ(call("GET", path(), &student).status, 200);
  auto peer = sign_in("peer-worker@demo.example");  // was on through the team, which was removed
  EXPECT_EQ(call("GET", path(), &peer).status, 403);
  auto zoe_portal =
      call("PUT", path("/care-team"), &practitioner, json{{"userIds", json::array()}, {"teamIds", json::array()}});
  EXPECT_EQ(zoe_portal.status, 422);
  auto not_staff = call("PUT", path("/care-team"), &practitioner,
                        json{{"userIds", {user_id("person@demo.example")}}, {"teamIds", json::array()}});
  EXPECT_EQ(not_staff.status, 422);
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

// Issue 9, item 7: what the mutation run showed no test would notice.
TEST_F(People, break_the_glass_opens_only_the_record_it_was_opened_for_and_its_reads_are_audited) {
  auto other = call("POST", "/api/v1/people", &practitioner,
                    json{{"givenName", "Ivy"}, {"familyName", "Marsh"}, {"dateOfBirth", "1970-10-10"}});
  std::string other_id = other.body["id"];
  auto student = sign_in("student@demo.example");
  ASSERT_EQ(call("POST", path("/break-glass"), &student,
                 json{{"reasonCode", "covering_for_colleague"}, {"reason", "Jordan is away; Zo called about housing."}})
                .status,
            201);
  EXPECT_EQ(call("GET", path(), &student).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/people/" + other_id, &student).status, 403);
  wait_for_audit_log();
  auto read = db->read([&](store::Conn& c) {
    return c.query_one(
        "SELECT detail FROM audit_events WHERE person_id = ? AND action = 'person.read' AND actor_id = ?",
        {person_id, user_id("student@demo.example")});
  });
  ASSERT_TRUE(read->has_value());
  EXPECT_NE((*read)->text(0).find("via break_glass"), std::string::npos);
}

TEST_F(People, a_stale_supporter_edit_gets_409_and_loses_nothing) {
  std::string id = add_supporter().body["id"];
  ASSERT_EQ(
      call("PATCH", path("/supporters/" + id), &practitioner, json{{"phone", "0400 000 001"}}, {{"if-match", "\"1\""}})
          .status,
      200);
  EXPECT_EQ(
      call("PATCH", path("/supporters/" + id), &practitioner, json{{"phone", "0400 999 999"}}, {{"if-match", "\"1\""}})
          .status,
      409);
  EXPECT_EQ(call("GET", path("/supporters"), &practitioner).body["items"][0]["phone"], "0400 000 001");
}

TEST_F(People, a_supporter_the_person_no_longer_involves_sees_nothing_not_even_a_name) {
  std::string id = add_supporter().body["id"];
  ASSERT_EQ(call("POST", path("/consents"), &practitioner,
                 json{{"supporterId", id}, {"parts", {"profile", "plan"}}, {"purpose", "Sam helps me"}})
                .status,
            201);
  auto sam = supporter_account(id);
  ASSERT_EQ(call("GET", "/api/v1/me/shared-with-me", &sam).body["items"].size(), 1u);
  ASSERT_EQ(
      call("PATCH", path("/supporters/" + id), &practitioner, json{{"active", false}}, {{"if-match", "\"1\""}}).status,
      200);
  EXPECT_EQ(call("GET", path(), &sam).status, 404);
  EXPECT_EQ(call("GET", path("/plan"), &sam).status, 404);
  auto shared = call("GET", "/api/v1/me/shared-with-me", &sam);
  EXPECT_EQ(shared.body["items"].size(), 0u);
  EXPECT_EQ(shared.raw.body.find("Ashworth"), std::string::npos);
}

}  // namespace
}  // namespace trellis::test
