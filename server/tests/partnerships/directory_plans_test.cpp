// A search may be led by its words' matches, its category, the names in order or the place;
// which one changes what it costs, never what it answers. Each lead is run here on the same
// directory, on both databases, page by page.
#include <map>
#include <string>
#include <vector>

#include "partnerships/directory/store.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

using partnerships::Category;
using partnerships::HsdsRecord;
using partnerships::IndexedService;
using partnerships::OpeningHours;
using partnerships::db::SearchLead;
using partnerships::db::ServiceQuery;

class DirectoryPlans : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    // 240 services on a grid around Melbourne's centre, a few kilometres apart, with names that
    // repeat (so the id breaks ties), four categories, words in some, hours in some, and every
    // tenth without a place.
    const char* names[] = {"Riverside Support", "Northside Counselling", "Peer Café", "Housing Help"};
    const char* codes[] = {"housing", "counselling", "peer", "food"};
    auto ok = db->write([&](store::Conn& c) -> Result<void> {
      for (int i = 0; i < 240; ++i) {
        IndexedService s;
        char tail[13];
        std::snprintf(tail, sizeof tail, "%012d", i);
        s.id = std::string("50000000-0000-4000-8000-") + tail;
        s.name = names[i % 4];
        s.status = i % 7 == 0 ? "inactive" : "active";
        s.search_text = std::string(i % 3 == 0 ? "counselling " : "") + (i % 5 == 0 ? "peer " : "") + "support";
        s.languages = i % 2 ? "English" : "English,Vietnamese";
        s.categories = {Category{codes[i % 4], codes[i % 4]}};
        s.taxonomy_codes = codes[i % 4];
        if (i % 10 != 9) {
          s.latitude_e6 = -37'813'600 + (i % 16 - 8) * 9'000;
          s.longitude_e6 = 144'963'100 + (i / 16 - 7) * 11'000;
        }
        if (i % 2 == 0) s.hours = {OpeningHours{0, 9 * 60, 17 * 60, std::nullopt, std::nullopt}};
        TRY_VOID(partnerships::db::index_services(c, org, HsdsRecord{"service", s.id, {}}, {s}));
      }
      return {};
    });
    ASSERT_TRUE(ok) << ok.error().detail;
  }

  // Every service the query finds, page by page of `page`, led by `lead`.
  std::vector<std::string> all_pages(ServiceQuery q, SearchLead lead, std::size_t page) {
    q.lead = lead;
    q.limit = page;
    std::vector<std::string> out;
    for (int pages = 0; pages < 100; ++pages) {
      auto hits = db->read([&](store::Conn& c) { return partnerships::db::search_services(c, org, q); });
      EXPECT_TRUE(hits) << hits.error().detail;
      if (!hits) return out;
      for (const auto& h : *hits) out.push_back(h.id);
      if (hits->size() < page) return out;
      const auto& last = hits->back();
      q.after = q.near_lat_e6 ? std::vector<std::string>{"d",
                                                         std::to_string(partnerships::db::search_distance(
                                                             q, *last.latitude_e6, *last.longitude_e6)),
                                                         last.id}
                              : std::vector<std::string>{"n", last.name, last.id};
    }
    ADD_FAILURE() << "more than 100 pages";
    return out;
  }

  // An organisation of its own, so no other directory is mixed in (the tables have no keys
  // to organisations).
  std::string org = "0000000000000000000000000000d1a5";
};

TEST_F(DirectoryPlans, every_lead_gives_the_same_pages) {
  ServiceQuery words;
  words.folded_text = "counselling";
  ServiceQuery category;
  category.category = "housing";
  ServiceQuery both = words;
  both.category = "counselling";
  ServiceQuery open_in_vietnamese = words;
  open_in_vietnamese.open_at = partnerships::db::LocalMoment{0, 10 * 60, "2026-11-23"};
  open_in_vietnamese.language = "vietnamese";
  std::map<std::string, ServiceQuery> queries{{"everything", ServiceQuery{}},
                                              {"words", words},
                                              {"category", category},
                                              {"words and category", both},
                                              {"open, in Vietnamese", open_in_vietnamese}};
  for (auto [name, q] : std::map<std::string, ServiceQuery>(queries)) {
    q.near_lat_e6 = -37'813'600;
    q.near_lon_e6 = 144'963'100;
    q.radius_km = 9;
    queries[name + ", near the centre"] = q;
  }
  for (const auto& [name, q] : queries) {
    SCOPED_TRACE(name);
    bool near = q.near_lat_e6.has_value();
    auto whole = all_pages(q, near ? SearchLead::place : SearchLead::names, 500);
    ASSERT_FALSE(whole.empty());
    std::vector<SearchLead> leads{near ? SearchLead::place : SearchLead::names};
    if (!q.folded_text.empty()) leads.push_back(SearchLead::words);
    if (q.category) leads.push_back(SearchLead::category);
    for (auto lead : leads)
      for (std::size_t page : {std::size_t{7}, std::size_t{500}}) {
        SCOPED_TRACE("lead " + std::to_string(static_cast<int>(lead)) + ", pages of " + std::to_string(page));
        EXPECT_EQ(all_pages(q, lead, page), whole);
      }
  }
}

// The circle around the point widens until it holds a page, and never past the radius: a page
// of the nearest, then nothing farther than was asked.
TEST_F(DirectoryPlans, the_place_lead_widens_to_a_page_and_stops_at_the_radius) {
  ServiceQuery q;
  q.near_lat_e6 = -37'813'600;
  q.near_lon_e6 = 144'963'100;
  q.radius_km = 100;
  auto nearest = all_pages(q, SearchLead::place, 50);
  EXPECT_EQ(nearest.size(), 216u) << "every service with a place";
  q.radius_km = 2;
  q.limit = 500;
  q.lead = SearchLead::place;
  auto close = db->read([&](store::Conn& c) { return partnerships::db::search_services(c, org, q); });
  ASSERT_TRUE(close);
  ASSERT_FALSE(close->empty());
  EXPECT_LT(close->size(), 216u);
  for (const auto& h : *close)
    EXPECT_LE(partnerships::db::search_distance(q, *h.latitude_e6, *h.longitude_e6),
              static_cast<std::int64_t>(2 / 111.32 * 1e6) * static_cast<std::int64_t>(2 / 111.32 * 1e6));
  EXPECT_EQ(std::vector<std::string>(nearest.begin(), nearest.begin() + static_cast<long>(close->size())), [&] {
    std::vector<std::string> ids;
    for (const auto& h : *close) ids.push_back(h.id);
    return ids;
  }());
}

}  // namespace
}  // namespace trellis::test
