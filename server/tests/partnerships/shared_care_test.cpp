#include "partnerships/partner_fixture.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class SharedCare : public Referrals {};

TEST_F(SharedCare, the_care_team_plans_with_a_partner_and_records_case_conferences) {
  auto plan = call("POST", path("/shared-care"), &practitioner,
                   json{{"partnerId", partner_id},
                        {"purpose", "Moving from hospital to a Bayside unit"},
                        {"whoDoesWhat", "Bayside finds the unit; Jordan visits weekly for the first month."},
                        {"dischargePlan", "Discharge on the day the lease starts."},
                        {"reviewOn", "2026-12-15"}});
  ASSERT_EQ(plan.status, 201) << plan.raw.body;
  std::string id = plan.body["id"];
  EXPECT_EQ(plan.body["partnerName"], "Bayside Housing");
  auto edit = call("PATCH", path("/shared-care/" + id), &practitioner,
                   json{{"whoDoesWhat", "Bayside finds the unit; Kim (peer worker) helps with moving."}},
                   {{"if-match", "\"1\""}});
  ASSERT_EQ(edit.status, 200) << edit.raw.body;
  auto stale =
      call("PATCH", path("/shared-care/" + id), &practitioner, json{{"contacts", "x"}}, {{"if-match", "\"1\""}});
  EXPECT_EQ(stale.status, 409);
  auto conf = call("POST", path("/case-conferences"), &practitioner,
                   json{{"heldOn", "2026-11-20"},
                        {"attendees", "Lena, Jordan Lee, Bayside intake"},
                        {"decisions", "Lena chooses the Bayside unit."},
                        {"personAttended", true}});
  ASSERT_EQ(conf.status, 201) << conf.raw.body;
  EXPECT_EQ(
      call("POST", path("/case-conferences"), &practitioner, json{{"heldOn", "soon"}, {"attendees", "x y"}}).status,
      422);
  auto list = call("GET", path("/case-conferences"), &practitioner);
  ASSERT_EQ(list.body["items"].size(), 1u);
  EXPECT_TRUE(list.body["items"][0]["personAttended"].get<bool>());
  // The person reads their shared care; they do not write it.
  auto lena = invite_and_accept(path("/invitations"), practitioner, "lena@example.org", "olive trees in the yard");
  EXPECT_EQ(call("GET", path("/shared-care"), &lena).body["items"].size(), 1u);
  EXPECT_EQ(call("POST", path("/case-conferences"), &lena, json{{"heldOn", "2026-11-21"}, {"attendees", "me"}}).status,
            403);
}

}  // namespace
}  // namespace trellis::test
