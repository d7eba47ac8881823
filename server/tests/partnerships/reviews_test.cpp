#include "partnerships/partner_fixture.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class Reviews : public Referrals {
 protected:
  json all(int score, const std::string& comment = "") {
    json list = json::array();
    for (const char* d : {"need_and_purpose", "choice_of_partners", "shared_goals_and_roles", "planning",
                          "implementing_together", "barriers", "reflecting_and_going_on"})
      list.push_back({{"dimension", d}, {"score", score}, {"comment", comment}});
    return json{{"ratings", list}};
  }
};

TEST_F(Reviews, both_sides_rate_and_see_agreement_change_and_actions) {
  auto manager = sign_in("manager@demo.example");
  auto first =
      call("POST", "/api/v1/partners/" + partner_id + "/reviews", &manager, json{{"title", "2026 first half"}});
  ASSERT_EQ(first.status, 201) << first.raw.body;
  std::string first_id = first.body["id"];
  ASSERT_EQ(call("PUT", "/api/v1/partnership-reviews/" + first_id + "/ratings", &manager, all(2)).status, 200);
  clock.advance(std::chrono::hours(1));  // reviews are ordered by when they opened
  manager = sign_in("manager@demo.example");

  auto second =
      call("POST", "/api/v1/partners/" + partner_id + "/reviews", &manager, json{{"title", "2026 second half"}});
  std::string id = second.body["id"];
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  ASSERT_EQ(call("PUT", "/api/v1/partnership-reviews/" + id + "/ratings", &manager, all(4, "Much better")).status, 200);
  auto rated = call("PUT", "/api/v1/partnership-reviews/" + id + "/ratings", &bayside, all(2, "Referrals arrive thin"));
  ASSERT_EQ(rated.status, 200) << rated.raw.body;
  EXPECT_EQ(rated.body["serviceRaters"], 1);
  EXPECT_EQ(rated.body["partnerRaters"], 1);
  const auto& d = rated.body["results"][0];
  EXPECT_DOUBLE_EQ(d["mean"].get<double>(), 3.0);
  EXPECT_EQ(d["spread"], 2);                         // the two sides see it differently
  EXPECT_DOUBLE_EQ(d["change"].get<double>(), 1.0);  // up from 2.0 last time
  EXPECT_EQ(d["comments"].size(), 2u);

  auto action = call("POST", "/api/v1/partnership-reviews/" + id + "/actions", &bayside,
                     json{{"action", "Agree a referral checklist"}, {"owner", "Both intake teams"}});
  EXPECT_EQ(action.status, 201);
  EXPECT_EQ(action.body["actions"].size(), 1u);

  auto incomplete = call("PUT", "/api/v1/partnership-reviews/" + id + "/ratings", &bayside,
                         json{{"ratings", {{{"dimension", "planning"}, {"score", 3}}}}});
  EXPECT_EQ(incomplete.status, 422);
  auto out_of_range = call("PUT", "/api/v1/partnership-reviews/" + id + "/ratings", &bayside, all(9));
  EXPECT_EQ(out_of_range.status, 422);

  // Both sides read it back as it stands: the service's list of reviews, and the one review.
  auto listed = call("GET", "/api/v1/partners/" + partner_id + "/reviews", &manager);
  ASSERT_EQ(listed.status, 200) << listed.raw.body;
  ASSERT_EQ(listed.body["items"].size(), 2u);
  auto again = call("GET", "/api/v1/partnership-reviews/" + id, &bayside);
  ASSERT_EQ(again.status, 200) << again.raw.body;
  EXPECT_EQ(again.body["actions"].size(), 1u);
  EXPECT_EQ(again.body["partnerRaters"], 1);
}

TEST_F(Reviews, other_partners_and_workers_cannot_see_or_rate_a_review) {
  auto manager = sign_in("manager@demo.example");
  std::string id =
      call("POST", "/api/v1/partners/" + partner_id + "/reviews", &manager, json{{"title", "Annual"}}).body["id"];
  auto northside = sign_in("intake@northside.example", "morning bus to the city");
  EXPECT_EQ(call("GET", "/api/v1/partnership-reviews/" + id, &northside).status, 404);
  EXPECT_EQ(call("PUT", "/api/v1/partnership-reviews/" + id + "/ratings", &northside, all(5)).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/partnership-reviews/" + id, &practitioner).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/partners/" + partner_id + "/reviews", &practitioner).status, 404);
  EXPECT_EQ(call("POST", "/api/v1/partners/" + partner_id + "/reviews", &practitioner, json{{"title", "Mine"}}).status,
            403);
}

}  // namespace
}  // namespace trellis::test
