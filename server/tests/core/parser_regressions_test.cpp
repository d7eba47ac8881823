// What fuzzing the parsers found (server/fuzz/, docs/fuzzing.md), kept so the normal suite
// guards it: each case is the input that failed, or the smallest one like it.
#include <gtest/gtest.h>

#include <string>

#include "core/csv.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"
#include "partnerships/directory/hsds.hpp"

namespace trellis {
namespace {

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// csv_fuzz: "" alone on the last line was kept as a row of one empty value, though the same
// line anywhere else is skipped as blank, so an export of it read back without that row.
TEST(ParserRegressions, csv_a_blank_last_line_is_skipped_like_any_other) {
  auto rows = parse_csv("a,b\n\"\"");
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(*rows, (std::vector<CsvRow>{{"a", "b"}}));
  const std::string found_by_fuzzing(
      "a,b,c\xc0J\x13\x00"
      "0`\x00\x00\x12\n\"\"\xff\xff\x12\n\"\"",
      23);
  auto first = parse_csv(found_by_fuzzing);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(parse_csv(write_csv(*first)).value(), *first);
}

// A first value starting with a byte-order mark was written bare, and reading took it for
// the file's own mark and dropped it.
TEST(ParserRegressions, csv_a_value_starting_with_a_byte_order_mark_round_trips) {
  std::vector<CsvRow> rows = {{"\xEF\xBB\xBFid", "name"}, {"1", "x"}};
  EXPECT_EQ(parse_csv(write_csv(rows)).value(), rows);
}

// hsds_tables_fuzz: a CSV file that is not UTF-8 (a spreadsheet's "CSV" in Windows-1252, say)
// became records whose JSON could not be written: the store's dump() threw.
TEST(ParserRegressions, hsds_tables_refuse_a_file_that_is_not_utf8) {
  auto file = partnerships::read_hsds_tables(
      {{"services.csv", "id,name,status\n6b2d3e4f-5061-4728-9bac-1d2e3f4a5b6c,Caf\xE9 group,active\n"},
       {"b\xF8rn.csv", "id\n"}});
  ASSERT_TRUE(file.has_value());
  EXPECT_TRUE(file->records.empty());
  ASSERT_EQ(file->rejected.size(), 2u);
  for (const auto& r : file->rejected) EXPECT_NE(r.reason.find("UTF-8"), std::string::npos) << r.id;
  for (const auto& r : file->rejected) EXPECT_TRUE(valid_utf8(r.id)) << "the rejection names the file in UTF-8";
}

// A megabyte of nested lists in an accepted HSDS record overflowed the stack when the record
// was copied (nlohmann::json copies, compares and dumps recursively): one request ended the server.
TEST(ParserRegressions, hsds_json_refuses_nesting_deeper_than_records_go) {
  std::string deep = R"({"id": "5a1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b", "name": "N", "description": "D", "website": )" +
                     nested(500'000) + "}";
  auto file = partnerships::read_hsds_json(deep);
  ASSERT_FALSE(file.has_value());
  EXPECT_EQ(file.error().code, "json_too_deep");
  EXPECT_EQ(file.error().kind, ErrorKind::bad_request);
}

// hsds_json_fuzz: a longitude of 288.9986 (and 1e300, past what llround holds) was indexed as
// it came, and distance search does integer arithmetic on it. Only real coordinates are indexed.
TEST(ParserRegressions, hsds_services_index_only_real_coordinates) {
  auto file = partnerships::read_hsds_json(R"([
    {"id": "6b2d3e4f-5061-4728-9bac-1d2e3f4a5b6c", "name": "A", "status": "active",
     "service_at_locations": [{"location": {"latitude": -37.7701, "longitude": 288.9986}}]},
    {"id": "7c3e4f50-6172-4839-a0cb-2e3f4a5b6c7d", "name": "B", "status": "active",
     "service_at_locations": [{"location": {"latitude": 1e300, "longitude": -180}}]}])");
  ASSERT_TRUE(file.has_value());
  ASSERT_EQ(file->records.size(), 2u);
  auto a = partnerships::services_in(file->records[0]).at(0);
  EXPECT_EQ(a.latitude_e6, -37'770'100);
  EXPECT_FALSE(a.longitude_e6.has_value());
  auto b = partnerships::services_in(file->records[1]).at(0);
  EXPECT_FALSE(b.latitude_e6.has_value());
  EXPECT_EQ(b.longitude_e6, -180'000'000);
}

TEST(ParserRegressions, request_bodies_refuse_deep_nesting_and_take_what_routes_need) {
  auto deep = parse_json_body(R"({"items": )" + nested(500'000) + "}");
  ASSERT_FALSE(deep.has_value());
  EXPECT_EQ(deep.error().code, "json_too_deep");
  EXPECT_TRUE(parse_json_body(R"({"items": )" + nested(kMaxJsonDepth - 1) + "}").has_value());
  EXPECT_FALSE(parse_json_body(R"({"items": )" + nested(kMaxJsonDepth) + "}").has_value());
}

TEST(ParserRegressions, json_depth_counts_only_brackets_outside_strings) {
  EXPECT_TRUE(json_depth_within(R"({"a": ")" + std::string(100, '[') + R"("})", 2));
  EXPECT_TRUE(json_depth_within(R"({"a": "\"[[[[[\\"})", 1));
  EXPECT_FALSE(json_depth_within(R"({"a": "\\", "b": [[]]})", 2));
  EXPECT_TRUE(json_depth_within("]]]]", 0));
}

TEST(ParserRegressions, valid_utf8_follows_rfc_3629) {
  EXPECT_TRUE(valid_utf8("Zo\xC3\xAB \xF0\x9F\x8C\xBF plain"));
  EXPECT_FALSE(valid_utf8("\xC0\x80"));          // an overlong NUL
  EXPECT_FALSE(valid_utf8("\xE0\x80\xAF"));      // an overlong '/'
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(valid_utf8("caf\xC3"));           // cut short
  EXPECT_FALSE(valid_utf8("\xE9t\xE9"));         // Windows-1252
}

}  // namespace
}  // namespace trellis
