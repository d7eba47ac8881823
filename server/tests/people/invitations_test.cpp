// Sign-ins for people and supporters come only from invitations they accept themselves (issue 9).
#include "support.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class Invitations : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    practitioner = sign_in("practitioner@demo.example");
    person_id = add_person(practitioner, "Moana", "Rewi", "1985-02-03");
    auto s = call("POST", path("/supporters"), &practitioner, json{{"name", "Tui Rewi"}, {"relationship", "sister"}});
    supporter_id = s.body["id"];
  }
  std::string path(const std::string& rest = "") { return "/api/v1/people/" + person_id + rest; }
  Reply accept(const std::string& token, const std::string& email,
               const std::string& password = "kauri seeds in a jar") {
    return call("POST", "/api/v1/invitations/accept", nullptr,
                json{{"token", token}, {"email", email}, {"password", password}});
  }
  Browser practitioner;
  std::string person_id, supporter_id;
};

TEST_F(Invitations, the_person_chooses_their_own_password_and_is_signed_in_as_themselves) {
  auto issued = call("POST", path("/invitations"), &practitioner);
  ASSERT_EQ(issued.status, 201) << issued.raw.body;
  std::string token = issued.body["token"];
  EXPECT_EQ(issued.body["path"], "/invitation#" + token);
  EXPECT_EQ(issued.body["state"], "waiting");
  auto info = call("POST", "/api/v1/invitations/inspect", nullptr, json{{"token", token}});
  ASSERT_EQ(info.status, 200) << info.raw.body;
  EXPECT_EQ(info.body["displayName"], "Moana Rewi");
  EXPECT_EQ(info.body["for"], "person");

  auto signed_in = accept(token, "Moana@Example.org");
  ASSERT_EQ(signed_in.status, 200) << signed_in.raw.body;
  EXPECT_EQ(signed_in.body["user"]["role"], "person");
  auto moana = sign_in("moana@example.org", "kauri seeds in a jar");
  EXPECT_EQ(call("GET", path(), &moana).body["access"], "self");
  // The secret is kept only as a hash.
  auto stored = db->read([&](store::Conn& c) { return c.query_one("SELECT token_hash FROM invitations"); });
  EXPECT_NE((*stored)->text(0), token);
}

TEST_F(Invitations, a_link_works_once_and_a_person_has_one_sign_in) {
  std::string token = call("POST", path("/invitations"), &practitioner).body["token"];
  ASSERT_EQ(accept(token, "moana@example.org").status, 200);
  auto again = accept(token, "someone.else@example.org");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["type"], "https://trellis.example/problems/invitation_used");
  auto second = call("POST", path("/invitations"), &practitioner);
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(second.body["type"], "https://trellis.example/problems/sign_in_exists");
}

TEST_F(Invitations, a_used_link_stays_used_after_the_sign_in_it_made_is_switched_off) {
  std::string token = call("POST", path("/invitations"), &practitioner).body["token"];
  ASSERT_EQ(accept(token, "moana@example.org").status, 200);
  (void)db->write(
      [&](store::Conn& c) { return c.exec("UPDATE users SET active = 0 WHERE email = 'moana@example.org'"); });
  auto again = accept(token, "someone.else@example.org");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["type"], "https://trellis.example/problems/invitation_used");
  auto count = db->read(
      [&](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM users WHERE person_id = ?", {person_id}); });
  EXPECT_EQ((*count)->integer(0), 1);
}

TEST_F(Invitations, a_link_expires_after_seven_days_and_a_new_one_replaces_the_old) {
  std::string first = call("POST", path("/invitations"), &practitioner).body["token"];
  clock.advance(std::chrono::minutes(1));
  std::string second = call("POST", path("/invitations"), &practitioner).body["token"];
  EXPECT_EQ(accept(first, "moana@example.org").body["type"], "https://trellis.example/problems/invitation_withdrawn");
  clock.advance(std::chrono::days(7) + std::chrono::minutes(1));
  EXPECT_EQ(accept(second, "moana@example.org").body["type"], "https://trellis.example/problems/invitation_expired");
  practitioner = sign_in("practitioner@demo.example");  // a week on, the old session has ended
  auto list = call("GET", path("/invitations"), &practitioner);
  ASSERT_EQ(list.body["items"].size(), 2u);
  EXPECT_EQ(list.body["items"][0]["state"], "expired");
  EXPECT_EQ(list.body["items"][1]["state"], "withdrawn");
}

TEST_F(Invitations, a_guessed_or_partial_token_opens_nothing) {
  call("POST", path("/invitations"), &practitioner);
  EXPECT_EQ(accept("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x@example.org").status, 404);
  EXPECT_EQ(accept("short", "x@example.org").status, 422);
}

TEST_F(Invitations, the_password_rule_applies_and_a_refused_accept_leaves_the_link_usable) {
  std::string token = call("POST", path("/invitations"), &practitioner).body["token"];
  auto weak = accept(token, "moana@example.org", "moana rewi 1985");
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(accept(token, "practitioner@demo.example").status, 409);  // an email already in use
  EXPECT_EQ(accept(token, "moana@example.org").status, 200);
}

TEST_F(Invitations, a_supporter_is_invited_the_same_way_while_active) {
  auto issued = call("POST", path("/supporters/" + supporter_id + "/invitations"), &practitioner);
  ASSERT_EQ(issued.status, 201) << issued.raw.body;
  auto r = accept(issued.body["token"], "tui@example.org");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["user"]["role"], "supporter");
  EXPECT_EQ(call("POST", path("/supporters/" + supporter_id + "/invitations"), &practitioner).status, 409);

  auto other =
      call("POST", path("/supporters"), &practitioner, json{{"name", "Rangi Rewi"}, {"relationship", "uncle"}});
  std::string other_id = other.body["id"];
  call("PATCH", path("/supporters/" + other_id), &practitioner, json{{"active", false}}, {{"if-match", "\"1\""}});
  EXPECT_EQ(call("POST", path("/supporters/" + other_id + "/invitations"), &practitioner).status, 409);
}

TEST_F(Invitations, students_break_the_glass_and_the_person_cannot_issue_them) {
  auto student = sign_in("student@demo.example");
  auto team = call("PUT", path("/care-team"), &practitioner,
                   json{{"userIds", {user_id("practitioner@demo.example"), user_id("student@demo.example")}},
                        {"teamIds", json::array()}});
  ASSERT_EQ(team.status, 200) << team.raw.body;
  EXPECT_EQ(call("POST", path("/invitations"), &student).status, 403);
  EXPECT_EQ(call("POST", path("/supporters/" + supporter_id + "/invitations"), &student).status, 403);

  auto peer = sign_in("peer-worker@demo.example");
  call("PUT", path("/care-team"), &practitioner,
       json{{"userIds", {user_id("practitioner@demo.example")}}, {"teamIds", json::array()}});
  ASSERT_EQ(call("POST", path("/break-glass"), &peer,
                 json{{"reasonCode", "urgent_safety"}, {"reason", "Moana's sister rang, worried tonight."}})
                .status,
            201);
  EXPECT_EQ(call("GET", path(), &peer).status, 200);  // reading, for the emergency
  auto refused = call("POST", path("/invitations"), &peer);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body["type"], "https://trellis.example/problems/break_glass_read_only");

  auto me = invite_and_accept(path("/invitations"), practitioner, "moana@example.org", "totara bark and rain");
  EXPECT_EQ(call("POST", path("/supporters/" + supporter_id + "/invitations"), &me).status, 403);
  EXPECT_EQ(call("GET", path("/invitations"), &me).status, 200);
}

TEST_F(Invitations, the_old_routes_that_let_a_worker_set_a_password_are_gone) {
  EXPECT_EQ(call("POST", path("/account"), &practitioner,
                 json{{"email", "a@example.org"}, {"password", "kauri seeds in a jar"}})
                .status,
            404);
  EXPECT_EQ(call("POST", path("/supporters/" + supporter_id + "/account"), &practitioner,
                 json{{"email", "b@example.org"}, {"password", "kauri seeds in a jar"}})
                .status,
            404);
}

TEST_F(Invitations, an_administrator_cannot_set_or_repurpose_a_persons_password) {
  std::string token = call("POST", path("/invitations"), &practitioner).body["token"];
  ASSERT_EQ(accept(token, "moana@example.org").status, 200);
  auto admin = sign_in("administrator@demo.example");
  std::string moana_id = user_id("moana@example.org");
  auto reset =
      call("POST", "/api/v1/users/" + moana_id + "/password", &admin, json{{"password", "totara bark and rain"}});
  EXPECT_EQ(reset.status, 409);
  EXPECT_EQ(reset.body["type"], "https://trellis.example/problems/own_password_only");
  auto role = call("PUT", "/api/v1/users/" + moana_id + "/role", &admin, json{{"role", "practitioner"}},
                   {{"if-match", "\"1\""}});
  EXPECT_EQ(role.status, 422);
  auto made = call("POST", "/api/v1/users", &admin,
                   json{{"email", "fake@example.org"},
                        {"displayName", "Moana Rewi"},
                        {"role", "person"},
                        {"password", "totara bark and rain"}});
  EXPECT_EQ(made.status, 422);
}

TEST_F(Invitations, issuing_withdrawing_and_accepting_are_audited_and_shown_to_the_person) {
  auto first = call("POST", path("/invitations"), &practitioner);
  call("POST", path("/invitations/" + first.body["id"].get<std::string>() + "/withdraw"), &practitioner);
  clock.advance(std::chrono::minutes(1));
  std::string token = call("POST", path("/invitations"), &practitioner).body["token"];
  ASSERT_EQ(accept(token, "moana@example.org").status, 200);
  wait_for_audit_log();
  auto actions = db->read([&](store::Conn& c) {
    return c.query("SELECT action FROM audit_events WHERE person_id = ? AND action LIKE 'invitation.%' ORDER BY seq",
                   {person_id});
  });
  ASSERT_TRUE(actions.has_value());
  std::vector<std::string> seen;
  for (const auto& r : *actions) seen.push_back(r.text(0));
  EXPECT_EQ(seen, (std::vector<std::string>{"invitation.issue", "invitation.withdraw", "invitation.issue",
                                            "invitation.accept"}));
  auto moana = sign_in("moana@example.org", "kauri seeds in a jar");
  auto mine = call("GET", path("/invitations"), &moana);
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.body["items"].size(), 2u);
  EXPECT_EQ(mine.body["items"][0]["state"], "accepted");
  EXPECT_EQ(mine.body["items"][0]["createdByName"], "Jordan Lee");
  EXPECT_FALSE(mine.body["items"][0].contains("token"));
}

}  // namespace
}  // namespace trellis::test
