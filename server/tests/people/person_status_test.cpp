// Ending and resuming a person's support: the words on the wire and in the database, and the day
// support ended, which only ended support has.
#include <optional>
#include <string>
#include <utility>

#include "support.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class PersonSupport : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    practitioner = sign_in("practitioner@demo.example");
    person_id = add_person(practitioner, "Ari", "Tane", "1988-07-01");
  }
  // Changes the person's details at the version they are at now.
  Reply change(const json& body) {
    auto now = call("GET", "/api/v1/people/" + person_id, &practitioner);
    auto version = "\"" + std::to_string(now.body["version"].get<int>()) + "\"";
    return call("PATCH", "/api/v1/people/" + person_id, &practitioner, body, {{"if-match", version}});
  }
  // What the database holds: the status's word and the day support ended.
  std::pair<std::string, std::optional<std::string>> stored() {
    auto row = db->read([&](store::Conn& c) {
      return c.query_one("SELECT status, support_ended_on FROM people WHERE id = ?", {person_id});
    });
    return {(*row)->text(0), (*row)->opt_text(1)};
  }
  Browser practitioner;
  std::string person_id;
};

TEST_F(PersonSupport, a_new_person_is_receiving_support_with_no_end_day) {
  auto p = call("GET", "/api/v1/people/" + person_id, &practitioner);
  EXPECT_EQ(p.body["status"], "receiving_support");
  EXPECT_TRUE(p.body["supportEndedOn"].is_null());
  EXPECT_EQ(stored().first, "receiving_support");
}

TEST_F(PersonSupport, ending_support_without_a_day_ends_it_today_and_resuming_clears_the_day) {
  auto today = to_iso(clock.now()).substr(0, 10);
  auto ended = change(json{{"status", "ended"}});
  ASSERT_EQ(ended.status, 200) << ended.raw.body;
  EXPECT_EQ(ended.body["status"], "ended");
  EXPECT_EQ(ended.body["supportEndedOn"], today);
  EXPECT_EQ(stored(), std::make_pair(std::string("ended"), std::optional<std::string>(today)));

  // Another change leaves the day as it was.
  clock.advance(std::chrono::hours(24 * 3));
  practitioner = sign_in("practitioner@demo.example");
  auto later = change(json{{"phone", "0400 123 456"}});
  ASSERT_EQ(later.status, 200) << later.raw.body;
  EXPECT_EQ(later.body["supportEndedOn"], today);

  // Resuming clears it, even when a day is given with it.
  auto resumed = change(json{{"status", "receiving_support"}, {"supportEndedOn", "2026-01-05"}});
  ASSERT_EQ(resumed.status, 200) << resumed.raw.body;
  EXPECT_EQ(resumed.body["status"], "receiving_support");
  EXPECT_TRUE(resumed.body["supportEndedOn"].is_null());
  EXPECT_EQ(stored(), std::make_pair(std::string("receiving_support"), std::optional<std::string>()));
}

TEST_F(PersonSupport, ending_support_keeps_the_day_given_and_the_day_can_be_corrected) {
  auto ended = change(json{{"status", "ended"}, {"supportEndedOn", "2026-01-05"}});
  ASSERT_EQ(ended.status, 200) << ended.raw.body;
  EXPECT_EQ(ended.body["supportEndedOn"], "2026-01-05");
  auto corrected = change(json{{"supportEndedOn", "2026-01-06"}});
  ASSERT_EQ(corrected.status, 200) << corrected.raw.body;
  EXPECT_EQ(corrected.body["status"], "ended");
  EXPECT_EQ(corrected.body["supportEndedOn"], "2026-01-06");
  EXPECT_EQ(stored().second, "2026-01-06");
}

TEST_F(PersonSupport, an_unknown_status_is_refused_naming_the_field_and_changes_nothing) {
  auto r = change(json{{"status", "paused"}});
  EXPECT_EQ(r.status, 422) << r.raw.body;
  EXPECT_EQ(r.body["errors"][0]["field"], "status");
  EXPECT_EQ(stored().first, "receiving_support");
}

TEST_F(PersonSupport, the_caseload_shows_the_status_word) {
  ASSERT_EQ(change(json{{"status", "ended"}}).status, 200);
  auto list = call("GET", "/api/v1/people?q=tane", &practitioner);
  ASSERT_EQ(list.body["items"].size(), 1u) << list.raw.body;
  EXPECT_EQ(list.body["items"][0]["status"], "ended");
}

}  // namespace
}  // namespace trellis::test
