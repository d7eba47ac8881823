// The API's contract, held by the tests themselves: every route states its schemas, and after a
// whole run every operation has been seen to succeed with an answer that met them (support.cpp
// turns on --check-responses in every test, so a breach there is a 500 and fails that test).
#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <string>

#include "contract.hpp"
#include "core/schema.hpp"
#include "support.hpp"

namespace trellis::test {
namespace contract {
namespace {

struct Record {
  std::mutex mu;
  std::set<std::string> known;
  std::set<std::string> succeeded;
};
Record& record() {
  static Record r;
  return r;
}
std::string key(const api::Route& r) { return r.method + " " + r.pattern; }

// At the end of an unfiltered run: which operations no test saw succeed.
class Coverage : public ::testing::Environment {
 public:
  void TearDown() override {
    if (GTEST_FLAG_GET(filter) != "*") return;  // a chosen subset proves nothing about the rest
    auto& r = record();
    std::string missing;
    for (const auto& op : r.known)
      if (!r.succeeded.contains(op)) missing += "\n  " + op;
    EXPECT_TRUE(missing.empty()) << "No test saw these operations succeed against their schemas:" << missing;
  }
};
[[maybe_unused]] auto* const kCoverage = ::testing::AddGlobalTestEnvironment(new Coverage);

}  // namespace

void watch(app::App& app) {
  auto& r = record();
  {
    std::lock_guard lock(r.mu);
    for (const auto& route : app.routes().routes()) r.known.insert(key(route));
  }
  app.observe_answers([](const api::Route& route, const http::Response& answer) {
    if (answer.status >= 400) return;
    auto& rec = record();
    std::lock_guard lock(rec.mu);
    rec.succeeded.insert(key(route));
  });
}

}  // namespace contract

using Contract = TrellisTest;

// Each operation states its contract: a tag, a summary, a success status the API uses, and a
// response schema unless it answers 204 or another media type; a change that reads a body names
// its schema.
TEST_F(Contract, every_operation_states_its_contract) {
  const auto& schemas = Schemas::embedded();
  for (const auto& r : app->routes().routes()) {
    SCOPED_TRACE(r.method + " " + r.pattern);
    EXPECT_FALSE(r.doc.summary.empty());
    EXPECT_FALSE(r.doc.tag.empty());
    EXPECT_TRUE(r.doc.status == 200 || r.doc.status == 201 || r.doc.status == 202 || r.doc.status == 204);
    if (r.doc.status == 204)
      EXPECT_TRUE(r.doc.response.empty());
    else if (r.doc.media.empty())
      EXPECT_TRUE(schemas.has(r.doc.response)) << "no response schema";
    if (!r.doc.request.empty()) EXPECT_TRUE(schemas.has(r.doc.request));
    if (r.method == "GET") EXPECT_TRUE(r.doc.request.empty()) << "a read takes no body";
    for (const auto& q : r.doc.query) EXPECT_TRUE(schemas.has(q.schema)) << q.name;
  }
}

// A body that breaks its schema is refused before the handler runs, with each field named in
// plain words, and nothing is written.
TEST_F(Contract, a_body_that_breaks_its_schema_is_refused_field_by_field) {
  load_demo();
  auto admin = sign_in("administrator@demo.example");
  auto r = call("POST", "/api/v1/life-areas", &admin,
                nlohmann::json{{"name", std::string(81, 'x')}, {"description", 7}, {"colour", "green"}});
  ASSERT_EQ(r.status, 422) << r.body.dump();
  EXPECT_EQ(r.body["type"], "https://trellis.example/problems/invalid_fields");
  std::map<std::string, std::string> fields;
  for (const auto& e : r.body["errors"]) fields[e["field"]] = e["message"];
  EXPECT_EQ(fields["name"], "must be at most 80 characters");
  EXPECT_EQ(fields["description"], "must be text");
  EXPECT_EQ(fields["colour"], "is not a field this request accepts");
  auto listed = call("GET", "/api/v1/life-areas", &admin);
  for (const auto& a : listed.body["items"]) EXPECT_NE(a["name"], std::string(81, 'x'));
}

// A pattern never runs over an overlong value: the length refuses it first. (libstdc++'s regex
// matcher recurses once a character, so a megabyte-long email would end the process.)
TEST_F(Contract, an_overlong_value_is_refused_by_its_length_before_any_pattern_runs) {
  auto r =
      call("POST", "/api/v1/invitations/accept", nullptr,
           nlohmann::json{{"token", std::string(30, 't')}, {"email", std::string(900'000, 'a')}, {"password", "x"}});
  ASSERT_EQ(r.status, 422) << r.raw.body.substr(0, 300);
  EXPECT_EQ(r.body["errors"][0]["field"], "email");
  EXPECT_EQ(r.body["errors"][0]["message"], "must be at most 254 characters");
}

TEST(Schemas, every_pattern_has_a_max_length_beside_it) {
  std::vector<SchemaFile> loose = {{"a.json", R"({"$defs": {"Code": {"type": "string", "pattern": "^a*$"}}})"}};
  auto refused = Schemas::load(loose);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().detail.find("/Code"), std::string::npos) << refused.error().detail;
}

TEST(Schemas, every_reference_resolves_and_every_name_is_defined_once) {
  auto loaded = Schemas::load(embedded_schema_files());
  ASSERT_TRUE(loaded) << loaded.error().detail;
  std::vector<SchemaFile> twice = {{"a.json", R"({"$defs": {"Thing": {"type": "string"}}})"},
                                   {"b.json", R"({"$defs": {"Thing": {"type": "integer"}}})"}};
  auto dup = Schemas::load(twice);
  ASSERT_FALSE(dup);
  EXPECT_NE(dup.error().detail.find("Thing is defined twice"), std::string::npos);
  std::vector<SchemaFile> dangling = {{"a.json", R"({"$defs": {"Thing": {"$ref": "#/$defs/Nothing"}}})"}};
  auto bad = Schemas::load(dangling);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().detail.find("#/$defs/Nothing"), std::string::npos);
}

// The words a person reads come from the schema's own limits, and nested fields are named by path.
TEST(Schemas, explain_nested_fields_in_plain_words) {
  std::vector<SchemaFile> files = {{"t.json", R"({"$defs": {
    "Rating": {"type": "object", "additionalProperties": false, "required": ["lifeAreaId", "personRating"],
               "properties": {"lifeAreaId": {"type": "string", "maxLength": 32, "pattern": "^[0-9a-f]{32}$", "x-message": "must be an id as given by this API"},
                              "personRating": {"type": "integer", "minimum": 1, "maximum": 10},
                              "comment": {"type": ["string", "null"], "maxLength": 5}}},
    "CheckIn": {"type": "object", "additionalProperties": false, "required": ["ratings"],
                "properties": {"ratings": {"type": "array", "maxItems": 3, "items": {"$ref": "#/$defs/Rating"}},
                               "when": {"anyOf": [{"type": "string", "minLength": 2}, {"type": "null"}]}}}}})"}};
  auto s = Schemas::load(files);
  ASSERT_TRUE(s) << s.error().detail;
  EXPECT_TRUE(s->check("CheckIn", nlohmann::json::parse(R"({"ratings": [], "when": null})")).empty());
  auto wrong = s->check(
      "CheckIn",
      nlohmann::json::parse(
          R"({"ratings": [{"lifeAreaId": "x", "personRating": 11, "comment": "too long"}, {"personRating": 2.5},
                      {"lifeAreaId": "0123456789abcdef0123456789abcdef", "personRating": 0}], "when": "a"})"));
  std::map<std::string, std::string> got;
  for (const auto& f : wrong) got[f.field] = f.message;
  EXPECT_EQ(got["ratings[0].lifeAreaId"], "must be an id as given by this API");
  EXPECT_EQ(got["ratings[0].personRating"], "must be between 1 and 10");
  EXPECT_EQ(got["ratings[0].comment"], "must be at most 5 characters");
  EXPECT_EQ(got["ratings[1].lifeAreaId"], "is required");
  EXPECT_EQ(got["ratings[1].personRating"], "must be a whole number");
  EXPECT_EQ(got["ratings[2].personRating"], "must be between 1 and 10");
  EXPECT_EQ(got["when"], "must be at least 2 characters");
  EXPECT_EQ(got.size(), 7u) << "a field that meets its pattern is not named";
}

}  // namespace trellis::test
