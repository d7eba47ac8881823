#include <map>
#include <string>
#include <vector>

#include "partnerships/directory_fixture.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class DirectorySearch : public Directory {
 protected:
  json service(const std::string& id_tail, const std::string& name, double lat, double lon,
               const std::string& language) {
    return json{{"id", "00000000-0000-4000-8000-" + id_tail},
                {"name", name},
                {"status", "active"},
                {"description", name + " for people in the area"},
                {"languages", {{{"id", "10000000-0000-4000-8000-" + id_tail}, {"name", language}}}},
                {"service_at_locations",
                 {{{"id", "20000000-0000-4000-8000-" + id_tail},
                   {"location",
                    {{"id", "30000000-0000-4000-8000-" + id_tail},
                     {"location_type", "physical"},
                     {"latitude", lat},
                     {"longitude", lon}}}}}}};
  }
  void SetUp() override {
    Directory::SetUp();
    auto r =
        import(json::array({service("000000000001", "Riverside Counselling", -37.8136, 144.9631, "English"),
                            service("000000000002", "Café Connect peer group", -37.8200, 144.9700, "Vietnamese"),
                            service("000000000003", "Coastal Counselling", -38.1499, 144.3617, "English"),
                            service("000000000004", "Counselling in Vietnamese", -37.8000, 144.9000, "Vietnamese")})
                   .dump());
    ASSERT_EQ(r.status, 200) << r.raw.body;
  }
};

TEST_F(DirectorySearch, words_match_as_prefixes_without_accents) {
  EXPECT_EQ(names("q=couns").size(), 3u);
  EXPECT_EQ(names("q=cafe").size(), 1u);
  EXPECT_EQ(names("q=couns%20coastal"), std::vector<std::string>{"Coastal Counselling"});
}

TEST_F(DirectorySearch, nearest_first_within_the_radius) {
  // From Flinders Street: Riverside (0 km), Counselling in Vietnamese (~6 km); Geelong's is ~60 km.
  auto near = names("q=counselling&lat=-37.8136&lon=144.9631&radiusKm=20");
  EXPECT_EQ(near, (std::vector<std::string>{"Riverside Counselling", "Counselling in Vietnamese"}));
  auto wide = names("q=counselling&lat=-37.8136&lon=144.9631&radiusKm=100");
  ASSERT_EQ(wide.size(), 3u);
  EXPECT_EQ(wide.back(), "Coastal Counselling");
}

// Pages follow one another by cursor, by name and nearest first, with nothing missed or repeated.
TEST_F(DirectorySearch, pages_follow_by_cursor_by_name_and_nearest_first) {
  for (std::string order : {"", "&lat=-37.8136&lon=144.9631&radiusKm=100"}) {
    SCOPED_TRACE(order.empty() ? "by name" : "nearest first");
    std::vector<std::string> seen;
    std::string cursor;
    int pages = 0;
    do {
      auto r = call("GET", "/api/v1/directory/services?limit=1" + order + (cursor.empty() ? "" : "&cursor=" + cursor),
                    &practitioner);
      ASSERT_EQ(r.status, 200) << r.raw.body;
      ASSERT_LE(r.body["items"].size(), 1u);
      for (const auto& s : r.body["items"]) seen.push_back(s["name"]);
      cursor = r.body["nextCursor"].is_null() ? "" : r.body["nextCursor"].get<std::string>();
      ASSERT_LT(++pages, 10);
    } while (!cursor.empty());
    auto whole = call("GET", "/api/v1/directory/services?limit=50" + order, &practitioner);
    std::vector<std::string> all;
    for (const auto& s : whole.body["items"]) all.push_back(s["name"]);
    EXPECT_EQ(seen, all);
    EXPECT_EQ(all.size(), 4u);
    EXPECT_TRUE(whole.body["nextCursor"].is_null());
  }
  // A name-order cursor means nothing to a nearest-first search: refused, not guessed at.
  auto first = call("GET", "/api/v1/directory/services?limit=1", &practitioner);
  auto mixed = call(
      "GET",
      "/api/v1/directory/services?limit=1&lat=-37.8&lon=144.9&cursor=" + first.body["nextCursor"].get<std::string>(),
      &practitioner);
  EXPECT_EQ(mixed.status, 400);
  EXPECT_EQ(mixed.body["errors"][0]["field"], "cursor");
  EXPECT_EQ(call("GET", "/api/v1/directory/services?limit=0", &practitioner).status, 400);
}

TEST_F(DirectorySearch, by_language) {
  EXPECT_EQ(names("language=vietnamese").size(), 2u);
  EXPECT_EQ(names("q=counselling&language=Vietnamese"), std::vector<std::string>{"Counselling in Vietnamese"});
}

TEST_F(DirectorySearch, a_bad_point_is_a_400_naming_it) {
  auto r = call("GET", "/api/v1/directory/services?lat=200&lon=1", &practitioner);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["errors"][0]["field"], "lat");
  EXPECT_EQ(call("GET", "/api/v1/directory/services?lat=-37.8", &practitioner).status, 400);
}

TEST_F(DirectorySearch, reimporting_a_changed_service_updates_the_index) {
  auto changed = service("000000000003", "Coastal Wellbeing Hub", -38.1499, 144.3617, "English");
  ASSERT_EQ(import(changed.dump()).status, 200);
  EXPECT_EQ(names("q=couns").size(), 2u);
  EXPECT_EQ(names("q=wellbeing%20hub"), std::vector<std::string>{"Coastal Wellbeing Hub"});
}

// Categories, opening hours and places, from the HSDS fields that carry them.
class DirectoryFacets : public Directory {
 protected:
  static json service(const std::string& tail, const std::string& name, const std::string& category,
                      const std::string& suburb, const std::string& postcode, double lat, double lon,
                      const json& schedule, const std::string& status = "active") {
    auto id = [&](char type) { return std::string(1, type) + "0000000-0000-4000-8000-" + tail; };
    json term = {{"id", "20000000-0000-4000-8000-0000000000" + std::to_string(10 + category.size())},
                 {"code", category},
                 {"name", category + " services"},
                 {"description", category}};
    json address = {{"id", id('5')},
                    {"address_1", "1 High Street"},
                    {"city", suburb},
                    {"state_province", "VIC"},
                    {"postal_code", postcode},
                    {"country", "AU"},
                    {"address_type", "physical"}};
    json location = {{"id", id('4')}, {"location_type", "physical"}, {"latitude", lat}, {"longitude", lon}};
    location["addresses"] = json::array({address});
    json out = {{"id", id('0')}, {"name", name}, {"status", status}};
    out["attributes"] = json::array({json{{"id", id('1')}, {"taxonomy_term", term}}});
    out["schedules"] = json::array({schedule});
    out["service_at_locations"] = json::array({json{{"id", id('3')}, {"location", location}}});
    return out;
  }
  static json weekly(const std::string& days, const std::string& opens, const std::string& closes) {
    return {{"id", "90000000-0000-4000-8000-" + std::to_string(100000000000 + days.size() * 1000 + opens.size())},
            {"freq", "WEEKLY"},
            {"byday", days},
            {"opens_at", opens},
            {"closes_at", closes}};
  }
  void SetUp() override {
    Directory::SetUp();
    json expired = weekly("MO,TU,WE,TH,FR", "09:00", "17:00");
    expired["valid_to"] = "2020-12-31";
    auto r = import(json::array({service("000000000001", "Northcote Housing Support", "housing", "Northcote", "3070",
                                         -37.770, 144.999, weekly("MO,TU,WE,TH,FR", "09:00", "17:00")),
                                 service("000000000002", "Late Night Peer Line", "peer", "Preston", "3072", -37.745,
                                         145.013, weekly("TU", "22:00:00", "02:00:00")),
                                 service("000000000003", "Geelong Housing Hub", "housing", "Geelong", "3220", -38.147,
                                         144.361, weekly("MO,TU,WE,TH,FR", "09:00", "17:00"), "temporarily closed"),
                                 service("000000000004", "Old Timetable Counselling", "counselling", "Northcote",
                                         "3070", -37.771, 145.000, expired)})
                        .dump());
    ASSERT_EQ(r.status, 200) << r.raw.body;
  }
};

TEST_F(DirectoryFacets, by_category_with_a_count_of_services_in_each) {
  EXPECT_EQ(names("category=housing"), (std::vector<std::string>{"Geelong Housing Hub", "Northcote Housing Support"}));
  EXPECT_EQ(names("category=housing&q=hub"), std::vector<std::string>{"Geelong Housing Hub"});
  auto r = call("GET", "/api/v1/directory/categories", &practitioner);
  ASSERT_EQ(r.status, 200);
  std::map<std::string, std::int64_t> counts;
  for (const auto& k : r.body["items"]) counts[k["code"]] = k["services"];
  EXPECT_EQ(counts, (std::map<std::string, std::int64_t>{{"counselling", 1}, {"housing", 2}, {"peer", 1}}));
}

TEST_F(DirectoryFacets, open_at_a_local_time_by_weekly_hours) {
  // 2026-11-23 is a Monday.
  EXPECT_EQ(names("openAt=2026-11-23T10:00"), std::vector<std::string>{"Northcote Housing Support"});
  EXPECT_TRUE(names("openAt=2026-11-23T17:00").empty()) << "closing time is not open";
  EXPECT_TRUE(names("openAt=2026-11-28T10:00").empty()) << "Saturday";
  // Tuesday 22:00 to 02:00 runs past midnight into Wednesday.
  EXPECT_EQ(names("openAt=2026-11-24T23:30"), std::vector<std::string>{"Late Night Peer Line"});
  EXPECT_EQ(names("openAt=2026-11-25T01:15"), std::vector<std::string>{"Late Night Peer Line"});
  EXPECT_TRUE(names("openAt=2026-11-25T02:00").empty());
  // Temporarily closed, and hours that ended in 2020, are not open.
  EXPECT_EQ(names("openAt=2026-11-24T10:00"), std::vector<std::string>{"Northcote Housing Support"});
  auto bad = call("GET", "/api/v1/directory/services?openAt=2026-11-23%2010:00", &practitioner);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["errors"][0]["field"], "openAt");
}

TEST_F(DirectoryFacets, near_a_suburb_postcode_or_address_nearest_first_with_distance) {
  auto r = call("GET", "/api/v1/directory/services?near=Northcote&radiusKm=10", &practitioner);
  ASSERT_EQ(r.status, 200) << r.raw.body;
  ASSERT_EQ(r.body["items"].size(), 3u);
  EXPECT_EQ(r.body["items"][2]["name"], "Late Night Peer Line");
  EXPECT_LT(r.body["items"][0]["distanceKm"].get<double>(), 0.2);
  EXPECT_GT(r.body["items"][2]["distanceKm"].get<double>(), 2.0);
  EXPECT_EQ(names("near=3220&radiusKm=10"), std::vector<std::string>{"Geelong Housing Hub"});
  EXPECT_EQ(names("near=12%20Wattle%20Street%2C%20Geelong%20VIC&radiusKm=10"),
            std::vector<std::string>{"Geelong Housing Hub"});
  auto unknown = call("GET", "/api/v1/directory/services?near=Atlantis", &practitioner);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.body["errors"][0]["field"], "near");
  EXPECT_EQ(call("GET", "/api/v1/directory/services?near=3070&lat=-37&lon=145", &practitioner).status, 400);
}

TEST(WeeklyHours, monthly_and_day_less_schedules_are_not_claimed_as_open) {
  using partnerships::weekly_hours;
  EXPECT_TRUE(
      weekly_hours({{"freq", "MONTHLY"}, {"byday", "1MO"}, {"opens_at", "09:00"}, {"closes_at", "12:00"}}).empty());
  EXPECT_TRUE(weekly_hours({{"opens_at", "09:00"}, {"closes_at", "12:00"}}).empty());
  EXPECT_EQ(weekly_hours({{"freq", "DAILY"}, {"opens_at", "08:00"}, {"closes_at", "20:00"}}).size(), 7u);
  auto all_day = weekly_hours({{"freq", "WEEKLY"}, {"byday", "SU"}, {"opens_at", "00:00"}, {"closes_at", "00:00"}});
  ASSERT_EQ(all_day.size(), 1u);
  EXPECT_EQ(all_day[0].weekday, 6);
  EXPECT_EQ(all_day[0].closes_min, 24 * 60);
}

}  // namespace
}  // namespace trellis::test
