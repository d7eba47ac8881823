#include <map>
#include <set>
#include <string>

#include "recovery/recovery_fixture.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

TEST_F(Recovery, an_organisation_starts_with_the_default_life_areas) {
  EXPECT_EQ(area.size(), 13u);
  EXPECT_TRUE(area.contains("housing"));
  EXPECT_TRUE(area.contains("culture"));
}

TEST_F(Recovery, the_person_checks_in_and_the_worker_view_sits_beside_never_instead) {
  auto mine = call("POST", path("/check-ins"), &ari,
                   json{{"ratings",
                         {{{"lifeAreaId", area["housing"]}, {"personRating", 4}, {"whatWouldHelp", "A quieter place"}},
                          {{"lifeAreaId", area["connection"]}, {"personRating", 7}}}},
                        {"priorities", "Sleep better"}});
  ASSERT_EQ(mine.status, 201) << mine.raw.body;
  auto refused = call("POST", path("/check-ins"), &ari,
                      json{{"ratings", {{{"lifeAreaId", area["housing"]}, {"personRating", 5}, {"workerRating", 3}}}}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body["errors"][0]["field"], "ratings[0].workerRating");
  clock.advance(std::chrono::hours(24 * 14));
  practitioner = sign_in("practitioner@demo.example");
  ari = sign_in("ari@example.org", "kowhai flowers in spring");
  auto worker = call("POST", path("/check-ins"), &practitioner,
                     json{{"ratings", {{{"lifeAreaId", area["housing"]}, {"personRating", 6}, {"workerRating", 5}}}}});
  ASSERT_EQ(worker.status, 201) << worker.raw.body;
  auto list = call("GET", path("/check-ins"), &ari);
  ASSERT_EQ(list.body["items"].size(), 2u);
  EXPECT_EQ(list.body["items"][0]["ratings"][0]["personRating"], 6);
  EXPECT_EQ(list.body["items"][0]["ratings"][0]["workerRating"], 5);
  EXPECT_EQ(list.body["items"][1]["ratings"].size(), 2u);
}

TEST_F(Recovery, ratings_outside_one_to_ten_or_unknown_areas_are_refused_whole) {
  auto r = call("POST", path("/check-ins"), &ari,
                json{{"ratings",
                      {{{"lifeAreaId", area["housing"]}, {"personRating", 11}},
                       {{"lifeAreaId", "0123456789abcdef0123456789abcdef"}, {"personRating", 5}}}}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(call("GET", path("/check-ins"), &ari).body["items"].size(), 0u);
}

TEST_F(Recovery, the_plan_shows_who_wrote_each_part_and_asks_the_person_to_agree) {
  auto first =
      call("PUT", path("/plan"), &ari,
           json{{"sections", {{"hopes", "To have my own place by the sea."}, {"whatHelps", "Walking the dog"}}}});
  ASSERT_EQ(first.status, 200) << first.raw.body;
  EXPECT_EQ(first.body["sections"]["hopes"]["writtenBy"], "person");
  EXPECT_TRUE(first.body["agreedByPerson"].get<bool>());
  auto etag = *first.header("ETag");
  auto worker =
      call("PUT", path("/plan"), &practitioner,
           json{{"sections", {{"strengths", "Determined, funny, a great cook."}}}, {"reviewOn", "2027-02-01"}},
           {{"if-match", etag}});
  ASSERT_EQ(worker.status, 200) << worker.raw.body;
  EXPECT_EQ(worker.body["sections"]["strengths"]["writtenBy"], "worker");
  EXPECT_EQ(worker.body["sections"]["hopes"]["writtenBy"], "person");
  EXPECT_FALSE(worker.body["agreedByPerson"].get<bool>());
  EXPECT_EQ(call("POST", path("/plan/response"), &practitioner, json{{"agree", true}}, {{"if-match", "\"2\""}}).status,
            403);
  auto no_words = call("POST", path("/plan/response"), &ari, json{{"agree", false}}, {{"if-match", "\"2\""}});
  EXPECT_EQ(no_words.status, 422);
  auto agreed = call("POST", path("/plan/response"), &ari, json{{"agree", true}}, {{"if-match", "\"2\""}});
  ASSERT_EQ(agreed.status, 200) << agreed.raw.body;
  EXPECT_TRUE(agreed.body["agreedByPerson"].get<bool>());
  auto history = call("GET", path("/plan/history"), &practitioner);
  ASSERT_EQ(history.body["items"].size(), 2u);
  EXPECT_EQ(history.body["items"][1]["data"]["sections"]["hopes"]["text"], "To have my own place by the sea.");
}

TEST_F(Recovery, a_stale_plan_edit_gets_409_and_loses_nothing) {
  auto first = call("PUT", path("/plan"), &ari, json{{"sections", {{"hopes", "A garden"}}}});
  auto etag = *first.header("ETag");
  ASSERT_EQ(
      call("PUT", path("/plan"), &practitioner, json{{"sections", {{"strengths", "Patient"}}}}, {{"if-match", etag}})
          .status,
      200);
  auto stale = call("PUT", path("/plan"), &ari, json{{"sections", {{"hopes", "Overwritten?"}}}}, {{"if-match", etag}});
  EXPECT_EQ(stale.status, 409);
  auto now = call("GET", path("/plan"), &ari);
  EXPECT_EQ(now.body["sections"]["hopes"]["text"], "A garden");
  EXPECT_EQ(now.body["sections"]["strengths"]["text"], "Patient");
  EXPECT_EQ(call("PUT", path("/plan"), &ari, json{{"sections", {{"hopes", "x"}}}}).status, 428);
}

TEST_F(Recovery, goals_and_steps_achieved_become_achievements_and_nothing_is_failed) {
  auto goal = call("POST", path("/goals"), &ari,
                   json{{"title", "Get back into surfing"},
                        {"whyItMatters", "It makes me feel free"},
                        {"lifeAreaIds", {area["recreation"]}}});
  ASSERT_EQ(goal.status, 201) << goal.raw.body;
  EXPECT_EQ(goal.body["writtenBy"], "person");
  std::string goal_id = goal.body["id"];
  auto step = call("POST", path("/goals/" + goal_id + "/steps"), &practitioner,
                   json{{"description", "Find a second-hand wetsuit"}, {"who", "person"}, {"dueOn", "2026-12-15"}});
  ASSERT_EQ(step.status, 201) << step.raw.body;
  std::string step_id = step.body["id"];
  EXPECT_EQ(call("PATCH", path("/goals/" + goal_id), &ari, json{{"status", "failed"}}, {{"if-match", "\"1\""}}).status,
            422);
  auto done = call("PATCH", path("/goals/" + goal_id + "/steps/" + step_id), &ari, json{{"status", "done"}},
                   {{"if-match", "\"1\""}});
  ASSERT_EQ(done.status, 200) << done.raw.body;
  EXPECT_FALSE(done.body["doneAt"].is_null());
  auto achieved = call("PATCH", path("/goals/" + goal_id), &ari, json{{"status", "achieved"}}, {{"if-match", "\"1\""}});
  ASSERT_EQ(achieved.status, 200);
  auto list = call("GET", path("/achievements"), &ari);
  ASSERT_EQ(list.body["items"].size(), 2u);
  auto kinds = std::set<std::string>{list.body["items"][0]["kind"], list.body["items"][1]["kind"]};
  EXPECT_EQ(kinds, (std::set<std::string>{"goal", "step"}));
  call("POST", path("/goals/" + goal_id + "/notes"), &practitioner, json{{"note", "Ari has been twice this week."}});
  auto goals = call("GET", path("/goals"), &ari);
  EXPECT_EQ(goals.body["items"][0]["steps"].size(), 1u);
  EXPECT_EQ(goals.body["items"][0]["notes"][0]["writtenByName"], "Jordan Lee");
  auto history = call("GET", path("/goals/" + goal_id + "/history"), &practitioner);
  EXPECT_EQ(history.body["items"].size(), 1u);
  EXPECT_EQ(history.body["items"][0]["data"]["status"], "not_started");
  wait_for_audit_log();
  auto events = db->read([&](store::Conn& c) {
    return c.query("SELECT action FROM audit_events WHERE person_id = ? AND action IN ('goal.achieved', 'step.done')",
                   {person_id});
  });
  EXPECT_EQ(events->size(), 2u);
}

TEST_F(Recovery, a_supporter_sees_the_plan_without_the_safety_section_and_only_what_is_shared) {
  call("PUT", path("/plan"), &ari,
       json{{"sections",
             {{"hopes", "My own place"}, {"safetyUpsets", "Raised voices"}, {"wellnessEarlySigns", "Not sleeping"}}}});
  auto s = call("POST", path("/supporters"), &ari, json{{"name", "Mere Tane"}, {"relationship", "mother"}});
  std::string supporter_id = s.body["id"];
  auto mere = invite_and_accept(path("/supporters/" + supporter_id + "/invitations"), practitioner, "mere@example.org",
                                "tui singing at dawn");
  EXPECT_EQ(call("GET", path("/plan"), &mere).status, 404);
  ASSERT_EQ(call("POST", path("/consents"), &ari,
                 json{{"supporterId", supporter_id}, {"parts", {"plan"}}, {"purpose", "So Mum knows my hopes."}})
                .status,
            201);
  auto seen = call("GET", path("/plan"), &mere);
  ASSERT_EQ(seen.status, 200) << seen.raw.body;
  EXPECT_TRUE(seen.body["sections"].contains("hopes"));
  EXPECT_FALSE(seen.body["sections"].contains("safetyUpsets"));
  EXPECT_FALSE(seen.body["sections"].contains("wellnessEarlySigns"));
  EXPECT_EQ(call("GET", path("/goals"), &mere).status, 403);
  EXPECT_EQ(call("GET", path("/check-ins"), &mere).status, 403);
  auto care = call("GET", path("/plan"), &practitioner);
  EXPECT_TRUE(care.body["sections"].contains("safetyUpsets"));
}

class AppointmentPrep : public Recovery {};

TEST_F(AppointmentPrep, the_person_gets_ready_and_the_worker_reads_it) {
  EXPECT_EQ(call("POST", path("/appointment-preps"), &ari, json::object()).status, 422);
  auto r = call("POST", path("/appointment-preps"), &ari,
                json{{"howThingsHaveBeen", "Up and down; better this week."},
                     {"wantToTalkAbout", "My sleep, and the housing letter."},
                     {"wantTreatmentToHelp", "To get back to work part-time."}});
  ASSERT_EQ(r.status, 201) << r.raw.body;
  auto seen = call("GET", path("/appointment-preps"), &practitioner);
  ASSERT_EQ(seen.body["items"].size(), 1u);
  EXPECT_EQ(seen.body["items"][0]["wantToTalkAbout"], "My sleep, and the housing letter.");
  EXPECT_EQ(seen.body["items"][0]["writtenByRole"], "person");
}

class LifeAreas : public Recovery {};

TEST_F(LifeAreas, an_organisation_adds_renames_and_retires_its_own_areas) {
  auto admin = sign_in("administrator@demo.example");
  EXPECT_EQ(call("POST", "/api/v1/life-areas", &practitioner, json{{"name", "Country"}}).status, 403);
  auto added = call("POST", "/api/v1/life-areas", &admin,
                    json{{"name", "Connection to Country"}, {"description", "Land, sea and sky"}});
  ASSERT_EQ(added.status, 201) << added.raw.body;
  EXPECT_EQ(call("POST", "/api/v1/life-areas", &admin, json{{"name", "Connection to Country"}}).status, 409);
  auto retired = call("PATCH", "/api/v1/life-areas/" + area["money"], &admin, json{{"active", false}});
  ASSERT_EQ(retired.status, 200);
  auto refused =
      call("POST", path("/check-ins"), &ari, json{{"ratings", {{{"lifeAreaId", area["money"]}, {"personRating", 5}}}}});
  EXPECT_EQ(refused.status, 422);
  auto ok = call("POST", path("/check-ins"), &ari,
                 json{{"ratings", {{{"lifeAreaId", added.body["id"]}, {"personRating", 9}}}}});
  EXPECT_EQ(ok.status, 201);
  auto list = call("GET", "/api/v1/life-areas", &ari);
  EXPECT_EQ(list.body["items"].size(), 14u);
}

// Issue 9, item 7: what the mutation run showed no test would notice.
TEST_F(Recovery, reading_check_ins_is_audited_with_the_person) {
  ASSERT_EQ(call("GET", path("/check-ins"), &practitioner).status, 200);
  wait_for_audit_log();
  auto row = db->read([&](store::Conn& c) {
    return c.query_one(
        "SELECT COUNT(*) FROM audit_events WHERE person_id = ? AND action = 'person.read' AND entity_type = "
        "'check_ins'",
        {person_id});
  });
  EXPECT_EQ((*row)->integer(0), 1);
}

TEST_F(Recovery, a_stale_goal_or_step_edit_gets_409_and_loses_nothing) {
  auto goal = call("POST", path("/goals"), &ari, json{{"title", "Walk to the lighthouse"}});
  std::string goal_id = goal.body["id"];
  ASSERT_EQ(call("PATCH", path("/goals/" + goal_id), &ari, json{{"title", "Walk to the lighthouse and back"}},
                 {{"if-match", "\"1\""}})
                .status,
            200);
  auto stale =
      call("PATCH", path("/goals/" + goal_id), &practitioner, json{{"title", "Walk"}}, {{"if-match", "\"1\""}});
  EXPECT_EQ(stale.status, 409);
  auto step = call("POST", path("/goals/" + goal_id + "/steps"), &ari,
                   json{{"description", "Buy good shoes"}, {"who", "person"}});
  ASSERT_EQ(step.status, 201) << step.raw.body;
  std::string step_id = step.body["id"];
  ASSERT_EQ(call("PATCH", path("/goals/" + goal_id + "/steps/" + step_id), &ari,
                 json{{"description", "Buy good walking shoes"}}, {{"if-match", "\"1\""}})
                .status,
            200);
  EXPECT_EQ(call("PATCH", path("/goals/" + goal_id + "/steps/" + step_id), &practitioner,
                 json{{"description", "Shoes"}}, {{"if-match", "\"1\""}})
                .status,
            409);
  auto goals = call("GET", path("/goals"), &ari);
  EXPECT_EQ(goals.body["items"][0]["title"], "Walk to the lighthouse and back");
  EXPECT_EQ(goals.body["items"][0]["steps"][0]["description"], "Buy good walking shoes");
}

TEST_F(Recovery, the_person_agrees_only_to_the_version_they_saw) {
  auto first = call("PUT", path("/plan"), &ari, json{{"sections", {{"hopes", "A garden"}}}});
  ASSERT_EQ(first.status, 200);
  auto worker = call("PUT", path("/plan"), &practitioner, json{{"sections", {{"strengths", "Patient"}}}},
                     {{"if-match", *first.header("ETag")}});
  ASSERT_EQ(worker.status, 200);
  // Ari saw version 1; the worker has changed it since. Agreeing to what they never saw is refused.
  auto stale = call("POST", path("/plan/response"), &ari, json{{"agree", true}}, {{"if-match", *first.header("ETag")}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_FALSE(call("GET", path("/plan"), &ari).body["agreedByPerson"].get<bool>());
}

TEST_F(Recovery, a_rating_too_large_for_a_number_is_refused_not_wrapped) {
  auto r = call("POST", path("/check-ins"), &ari,
                json{{"ratings", {{{"lifeAreaId", area["housing"]}, {"personRating", 4294967306ull}}}}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(call("GET", path("/check-ins"), &ari).body["items"].size(), 0u);
}

// Nothing is ever failed: an achieved goal or a done step can be taken up again, and achieved again.
TEST_F(Recovery, an_achieved_goal_or_done_step_can_be_picked_up_again) {
  auto goal = call("POST", path("/goals"), &ari, json{{"title", "Swim a kilometre"}, {"status", "achieved"}});
  ASSERT_EQ(goal.status, 201) << goal.raw.body;
  EXPECT_FALSE(goal.body["achievedAt"].is_null());
  std::string goal_id = goal.body["id"];
  auto again = call("PATCH", path("/goals/" + goal_id), &ari, json{{"status", "under_way"}}, {{"if-match", "\"1\""}});
  ASSERT_EQ(again.status, 200) << again.raw.body;
  EXPECT_TRUE(again.body["achievedAt"].is_null());
  auto achieved = call("PATCH", path("/goals/" + goal_id), &ari, json{{"status", "achieved"}}, {{"if-match", "\"2\""}});
  ASSERT_EQ(achieved.status, 200) << achieved.raw.body;
  EXPECT_FALSE(achieved.body["achievedAt"].is_null());
  auto step = call("POST", path("/goals/" + goal_id + "/steps"), &ari,
                   json{{"description", "Swim twice a week"}, {"who", "person"}, {"status", "done"}});
  ASSERT_EQ(step.status, 201) << step.raw.body;
  EXPECT_FALSE(step.body["doneAt"].is_null());
  auto undone = call("PATCH", path("/goals/" + goal_id + "/steps/" + std::string(step.body["id"])), &ari,
                     json{{"status", "set_aside"}}, {{"if-match", "\"1\""}});
  ASSERT_EQ(undone.status, 200) << undone.raw.body;
  EXPECT_EQ(undone.body["status"], "set_aside");
  EXPECT_TRUE(undone.body["doneAt"].is_null());
  wait_for_audit_log();
  auto actions = db->read([&](store::Conn& c) {
    return c.query("SELECT action FROM audit_events WHERE person_id = ? AND entity_type = 'goal' ORDER BY seq",
                   {person_id});
  });
  ASSERT_TRUE(actions);
  std::vector<std::string> seen;
  for (const auto& r : *actions) seen.push_back(r.text(0));
  EXPECT_EQ(seen, (std::vector<std::string>{"goal.create", "goal.update", "goal.achieved"}));
}

}  // namespace
}  // namespace trellis::test
