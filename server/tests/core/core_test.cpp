#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/json_input.hpp"
#include "core/pagination.hpp"
#include "http/gzip.hpp"

namespace trellis {
namespace {

// A body as the pipeline hands it to a handler: parsed, then read field by field.
Result<JsonReader> reader_of(std::string_view body) {
  auto parsed = TRY(parse_json_body(body));
  return JsonReader::of(parsed);
}

TEST(Time, iso_round_trips_and_sorts) {
  TimePoint t(std::chrono::milliseconds(1'795'000'000'123));
  auto s = to_iso(t);
  EXPECT_EQ(s.size(), 24u);
  TimePoint back;
  ASSERT_TRUE(parse_iso(s, back));
  EXPECT_EQ(back, t);
  EXPECT_LT(to_iso(t), to_iso(t + std::chrono::milliseconds(1)));
  EXPECT_FALSE(parse_iso("2026-02-30T00:00:00.000Z", back));
}

TEST(JsonReader, collects_every_problem_at_once) {
  auto r = reader_of(R"({"name": 3, "extra": true, "flag": "yes"})");
  ASSERT_TRUE(r.has_value());
  r->text("name", Need::required);
  r->text("missing", Need::required);
  r->boolean("flag", Need::optional);
  auto done = r->finish();
  ASSERT_FALSE(done.has_value());
  EXPECT_EQ(done.error().kind, ErrorKind::unprocessable);
  EXPECT_EQ(done.error().fields.size(), 4u);
}

TEST(JsonReader, trims_text_and_refuses_control_characters_on_one_line) {
  auto r = reader_of("{\"a\": \"  hello  \", \"b\": \"two\\nlines\", \"c\": \"two\\nlines\"}");
  EXPECT_EQ(*r->text("a", Need::required), "hello");
  EXPECT_FALSE(r->text("b", Need::required).has_value());
  EXPECT_EQ(*r->text("c", Need::required, {.max = 50, .multiline = true}), "two\nlines");
}

TEST(JsonReader, counts_characters_not_bytes) {
  auto r = reader_of(R"({"a": "Ngāti Whātua"})");
  EXPECT_TRUE(r->text("a", Need::required, {.max = 12}).has_value());
}

TEST(JsonReader, normalises_email) {
  auto r = reader_of(R"({"e": " Someone@Example.ORG ", "bad": "no-at-sign"})");
  EXPECT_EQ(*r->email("e", Need::required), "someone@example.org");
  EXPECT_FALSE(r->email("bad", Need::required).has_value());
}

TEST(Pagination, a_cursor_round_trips_and_garbage_is_refused) {
  auto c = encode_cursor({"Alex Morgan", "abc"});
  auto p = parse_page(std::string("10"), c);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->limit, 10u);
  EXPECT_EQ((*p->after)[0], "Alex Morgan");
  EXPECT_FALSE(parse_page(std::nullopt, std::string("!!!")).has_value());
  EXPECT_FALSE(parse_page(std::string("0"), std::nullopt).has_value());
  EXPECT_FALSE(parse_page(std::string("12abc"), std::nullopt).has_value());
}

TEST(Gzip, round_trips) {
  std::string text(5000, 'x');
  auto gz = http::gzip_compress(text);
  ASSERT_TRUE(gz.has_value());
  EXPECT_LT(gz->size(), text.size());
  EXPECT_EQ(*http::gzip_decompress(*gz), text);
}

}  // namespace
}  // namespace trellis

namespace trellis {
namespace {

// Issue 9: 4294967306 was stored as 10. A number is taken whole or refused, never wrapped.
TEST(WholeNumbers, numbers_beyond_64_bits_or_outside_the_range_are_refused_not_wrapped) {
  EXPECT_EQ(whole_number_in(nlohmann::json(7), 1, 10), 7);
  EXPECT_FALSE(whole_number_in(nlohmann::json(4294967306ull), 1, 10).has_value());
  // 2^64 - 1 would read as -1 if it were cast: inside a range that allows negatives.
  EXPECT_FALSE(whole_number_in(nlohmann::json(18446744073709551615ull), -10, 10).has_value());
  EXPECT_FALSE(whole_number_in(nlohmann::json(2.5), 1, 10).has_value());
  EXPECT_FALSE(whole_number_in(nlohmann::json("5"), 1, 10).has_value());
  EXPECT_EQ(whole_number_in(nlohmann::json(-3), -10, 10), -3);
}

}  // namespace
}  // namespace trellis
