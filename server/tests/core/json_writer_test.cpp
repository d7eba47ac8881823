#include <cmath>
#include <limits>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/json_writer.hpp"

namespace trellis {
namespace {

struct Thing {
  std::string name;
  std::optional<int> rating;
  std::int64_t version = 0;
};
void write_json(JsonWriter& w, const Thing& t) {
  w.object([&] {
    w.field("name", t.name);
    w.field("rating", t.rating);
    w.field("version", t.version);
  });
}

nlohmann::json parsed(JsonWriter& w) { return nlohmann::json::parse(w.take()); }

TEST(JsonWriter, writes_records_lists_and_absent_values_as_null) {
  JsonWriter w;
  w.object([&] {
    w.field("items", std::vector<Thing>{{"a", 3, 1}, {"b", std::nullopt, 2}});
    w.field("next", std::optional<std::string>{});
    w.field("count", std::size_t{2});
    w.field("ok", true);
  });
  auto j = parsed(w);
  EXPECT_EQ(j["items"][0], (nlohmann::json{{"name", "a"}, {"rating", 3}, {"version", 1}}));
  EXPECT_TRUE(j["items"][1]["rating"].is_null());
  EXPECT_TRUE(j["next"].is_null());
  EXPECT_EQ(j["count"], 2);
  EXPECT_EQ(j["ok"], true);
}

TEST(JsonWriter, escapes_text_and_repairs_what_is_not_utf8) {
  JsonWriter w;
  std::string bad = "ok \xC3\xA9 \xFF then \"quoted\"\n\x01";
  w.object([&] { w.field("text", bad); });
  auto text = w.take();
  auto j = nlohmann::json::parse(text);  // throws on invalid UTF-8 or bad escapes
  EXPECT_EQ(j["text"], "ok \xC3\xA9 \xEF\xBF\xBD then \"quoted\"\n\x01");
}

TEST(JsonWriter, a_broken_sequence_never_swallows_the_characters_after_it) {
  JsonWriter w;
  w.array([&] {
    w.value("Caf\xE9 Browser");  // Latin-1, a lead byte announcing three bytes
    w.value("a\xC3(b");
    w.value("x\xE2\x82y");  // two bytes of three
    w.value("\x80\x80z");   // continuation bytes with nothing before them
  });
  auto j = nlohmann::json::parse(w.take());
  EXPECT_EQ(j[0], "Caf\xEF\xBF\xBD Browser");
  EXPECT_EQ(j[1], "a\xEF\xBF\xBD(b");
  EXPECT_EQ(j[2], "x\xEF\xBF\xBDy");
  EXPECT_EQ(j[3], "\xEF\xBF\xBDz");
}

TEST(JsonWriter, numbers_json_cannot_hold_are_null) {
  JsonWriter w;
  w.array([&] {
    w.value(std::numeric_limits<double>::quiet_NaN());
    w.value(std::numeric_limits<double>::infinity());
    w.value(2.5);
  });
  EXPECT_EQ(w.take(), "[null,null,2.5]");
}

TEST(JsonWriter, knows_the_top_level_version_for_the_etag_and_only_that) {
  JsonWriter w;
  w.object([&] {
    w.field("version", std::int64_t{4});
    w.key("goal");
    w.value(Thing{"nested", 1, 9});
  });
  EXPECT_EQ(w.version(), 4);
  JsonWriter nested;
  nested.object([&] { nested.field("items", std::vector<Thing>{{"a", 1, 7}}); });
  EXPECT_FALSE(nested.version());
}

TEST(JsonWriter, places_a_tree_and_text_already_json) {
  JsonWriter w;
  w.object([&] {
    w.key("doc");
    w.json_value({{"id", "x"}, {"list", {1, 2}}});
    w.key("kept");
    w.raw(R"({"a":true})");
  });
  auto j = parsed(w);
  EXPECT_EQ(j["doc"]["list"][1], 2);
  EXPECT_EQ(j["kept"]["a"], true);
}

}  // namespace
}  // namespace trellis
