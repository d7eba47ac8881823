// The fixture the partnership tests share: a demo organisation, two partner agencies each with an
// intake worker, and a person with a goal whom the practitioner may refer.
#pragma once

#include "support.hpp"

namespace trellis::test {

class Referrals : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    practitioner = sign_in("practitioner@demo.example");
    auto manager = sign_in("manager@demo.example");
    auto p = call(
        "POST", "/api/v1/partners", &manager,
        nlohmann::json{
            {"name", "Bayside Housing"}, {"responseDays", 3}, {"agreementPurpose", "Housing for people we support"}});
    ASSERT_EQ(p.status, 201) << p.raw.body;
    partner_id = p.body["id"];
    auto other = call("POST", "/api/v1/partners", &manager, nlohmann::json{{"name", "Northside Employment"}});
    other_partner_id = other.body["id"];
    ASSERT_EQ(call("POST", "/api/v1/partners/" + partner_id + "/users", &manager,
                   nlohmann::json{{"email", "intake@bayside.example"},
                                  {"displayName", "Bayside Intake"},
                                  {"password", "harbour lights at dusk"}})
                  .status,
              201);
    ASSERT_EQ(call("POST", "/api/v1/partners/" + other_partner_id + "/users", &manager,
                   nlohmann::json{{"email", "intake@northside.example"},
                                  {"displayName", "Northside Intake"},
                                  {"password", "morning bus to the city"}})
                  .status,
              201);
    auto person = call(
        "POST", "/api/v1/people", &practitioner,
        nlohmann::json{
            {"givenName", "Lena"}, {"familyName", "Haddad"}, {"dateOfBirth", "1979-08-14"}, {"phone", "0400 111 222"}});
    person_id = person.body["id"];
    auto goal = call("POST", path("/goals"), &practitioner, nlohmann::json{{"title", "A safe place to live"}});
    goal_id = goal.body["id"];
  }
  std::string path(const std::string& rest = "") { return "/api/v1/people/" + person_id + rest; }
  Reply draft() {
    return call("POST", path("/referrals"), &practitioner,
                nlohmann::json{{"partnerId", partner_id},
                               {"reason", "Lena needs housing before winter."},
                               {"goalIds", {goal_id}},
                               {"sharedParts", {"profile", "goals"}}});
  }
  Reply consent(const std::vector<std::string>& parts) {
    return call(
        "POST", path("/consents"), &practitioner,
        nlohmann::json{{"partnerId", partner_id}, {"parts", parts}, {"purpose", "Referral to Bayside Housing"}});
  }
  Reply send(const std::string& id, int version = 1) {
    return call("POST", path("/referrals/" + id + "/send"), &practitioner, nlohmann::json::object(),
                {{"if-match", "\"" + std::to_string(version) + "\""}});
  }
  Browser practitioner;
  std::string partner_id, other_partner_id, person_id, goal_id;
};

}  // namespace trellis::test
