#include <string>

#include "recovery/recovery_fixture.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class AdvanceStatements : public Recovery {
 protected:
  json statement(const std::string& prefs) {
    return json{{"treatmentPreferences", prefs},  {"signedOn", "2026-11-20"},
                {"witnessName", "Dr Lena Ortiz"}, {"witnessRole", "Authorised witness (medical practitioner)"},
                {"witnessedOn", "2026-11-20"},    {"nominatedSupportName", "Mere Tane"}};
  }
};

TEST_F(AdvanceStatements, are_replaced_never_edited_and_every_earlier_one_is_kept) {
  auto first = call("POST", path("/advance-statements"), &ari, statement("Please call my mum first."));
  ASSERT_EQ(first.status, 201) << first.raw.body;
  auto second = call("POST", path("/advance-statements"), &ari, statement("Please call my mum, then my GP."));
  ASSERT_EQ(second.status, 201);
  auto list = call("GET", path("/advance-statements"), &practitioner);
  ASSERT_EQ(list.body["items"].size(), 2u);
  EXPECT_EQ(list.body["items"][0]["status"], "current");
  EXPECT_EQ(list.body["items"][0]["treatmentPreferences"], "Please call my mum, then my GP.");
  EXPECT_EQ(list.body["items"][1]["status"], "replaced");
  EXPECT_EQ(list.body["items"][1]["treatmentPreferences"], "Please call my mum first.");
  EXPECT_EQ(call("PATCH", path("/advance-statements"), &ari, json::object()).status, 405);
}

TEST_F(AdvanceStatements, the_organisations_witnessing_rules_are_enforced_and_configurable) {
  auto unwitnessed = call("POST", path("/advance-statements"), &ari,
                          json{{"treatmentPreferences", "No restraint, please."}, {"signedOn", "2026-11-20"}});
  EXPECT_EQ(unwitnessed.status, 422);
  EXPECT_EQ(unwitnessed.body["errors"][0]["field"], "witnessName");
  auto admin = sign_in("administrator@demo.example");
  EXPECT_EQ(call("PUT", "/api/v1/settings/advance-statements", &practitioner,
                 json{{"witnessRequired", false}, {"witnessRoleRequired", false}, {"nominatedSupportRequired", false}})
                .status,
            403);
  ASSERT_EQ(call("PUT", "/api/v1/settings/advance-statements", &admin,
                 json{{"witnessRequired", false}, {"witnessRoleRequired", false}, {"nominatedSupportRequired", true}})
                .status,
            200);
  auto no_support = call("POST", path("/advance-statements"), &ari,
                         json{{"treatmentPreferences", "No restraint, please."}, {"signedOn", "2026-11-20"}});
  EXPECT_EQ(no_support.status, 422);
  EXPECT_EQ(no_support.body["errors"][0]["field"], "nominatedSupportName");
  EXPECT_EQ(call("POST", path("/advance-statements"), &ari,
                 json{{"treatmentPreferences", "No restraint, please."},
                      {"signedOn", "2026-11-20"},
                      {"nominatedSupportName", "Mere Tane"}})
                .status,
            201);
}

TEST_F(AdvanceStatements, revoking_leaves_none_current_and_keeps_the_record) {
  ASSERT_EQ(call("POST", path("/advance-statements"), &ari, statement("Please call my mum first.")).status, 201);
  EXPECT_EQ(
      call("POST", path("/advance-statements/revoke"), &ari, json{{"reason", "I want to write a new one."}}).status,
      204);
  auto list = call("GET", path("/advance-statements"), &ari);
  ASSERT_EQ(list.body["items"].size(), 1u);
  EXPECT_EQ(list.body["items"][0]["status"], "revoked");
  EXPECT_EQ(call("POST", path("/advance-statements/revoke"), &ari, json::object()).status, 404);
}

TEST_F(AdvanceStatements, are_never_shared_with_supporters) {
  auto s = call("POST", path("/supporters"), &ari, json{{"name", "Mere Tane"}, {"relationship", "mother"}});
  auto share = call("POST", path("/consents"), &ari,
                    json{{"supporterId", s.body["id"]}, {"parts", {"advance_statement"}}, {"purpose", "x"}});
  EXPECT_EQ(share.status, 422);
}

}  // namespace
}  // namespace trellis::test
