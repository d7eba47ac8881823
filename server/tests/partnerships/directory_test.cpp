#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "partnerships/directory_fixture.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

const char* const kExamples[] = {"organization_full.json", "service_full.json", "service_at_location_full.json",
                                 "location.json", "taxonomy_term.json"};

TEST_F(Directory, the_hsds_examples_import_export_and_reimport_unchanged) {
  std::vector<json> inputs;
  for (auto* f : kExamples) {
    auto text = read_file(shared_hsds() / "examples" / f);
    inputs.push_back(json::parse(text));
    auto r = import(text);
    ASSERT_EQ(r.status, 200) << f << ": " << r.raw.body;
    EXPECT_EQ(r.body["added"], 1) << f;
  }
  auto exported = call("GET", "/api/v1/directory/export", &admin);
  ASSERT_EQ(exported.status, 200);
  std::size_t total = 0;
  for (const auto& [key, list] : exported.body.items())
    if (list.is_array()) total += list.size();
  EXPECT_EQ(total, inputs.size());
  for (const auto& in : inputs) {
    bool found = false;
    for (const auto& [key, list] : exported.body.items())
      if (list.is_array())
        for (const auto& d : list) found = found || d == in;
    EXPECT_TRUE(found) << "export lost or changed " << in["id"];
  }
  auto again = import(exported.raw.body);
  ASSERT_EQ(again.status, 200) << again.raw.body;
  EXPECT_EQ(again.body["added"], 0);
  EXPECT_EQ(again.body["updated"], 0);
  EXPECT_EQ(again.body["unchanged"], static_cast<int>(inputs.size()));

  // The export validates against the HSDS 3.0 schemas, checked by Ajv (a JSON Schema validator).
  auto file = std::filesystem::temp_directory_path() / ("trellis-hsds-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << exported.raw.body;
  auto command = "cd '" + std::string(TRELLIS_SOURCE_DIR) + "' && node scripts/validate-hsds.mjs '" + file.string() +
                 "' '" + (shared_hsds() / "schema").string() + "' > /dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0) << "the export does not validate: run " << command;
  std::filesystem::remove(file);
}

TEST_F(Directory, a_file_with_one_bad_record_is_refused_whole_with_each_reason) {
  auto good = json::parse(read_file(shared_hsds() / "examples" / "service_full.json"));
  json bad = good;
  bad["id"] = "not-a-uuid";
  json no_status = good;
  no_status["id"] = "11111111-2222-3333-4444-555555555555";
  no_status.erase("status");
  auto r = import(json::array({good, bad, no_status}).dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["type"], "https://trellis.example/problems/hsds_rejected");
  ASSERT_EQ(r.body["errors"].size(), 2u);
  EXPECT_EQ(r.body["errors"][0]["field"], "records[1]");
  EXPECT_NE(r.body["errors"][0]["message"].get<std::string>().find("UUID"), std::string::npos);
  EXPECT_NE(r.body["errors"][1]["message"].get<std::string>().find("status"), std::string::npos);
  auto exported = call("GET", "/api/v1/directory/export", &admin);
  EXPECT_EQ(exported.body["services"].size(), 0u);  // the good record was not applied either
  EXPECT_EQ(import("{not json").status, 400);
}

TEST_F(Directory, a_paginated_list_imports_and_an_update_is_counted_as_one) {
  auto list = read_file(shared_hsds() / "examples" / "service_list.json");
  auto first = import(list);
  ASSERT_EQ(first.status, 200) << first.raw.body;
  EXPECT_GE(first.body["added"].get<int>(), 1);
  auto changed = json::parse(read_file(shared_hsds() / "examples" / "service_full.json"));
  changed["description"] = "Now also on Saturdays.";
  auto second = import(changed.dump());
  EXPECT_EQ(second.body["updated"].get<int>() + second.body["added"].get<int>(), 1);
}

TEST_F(Directory, workers_find_services_by_words_in_name_description_or_organisation) {
  for (auto* f : kExamples) ASSERT_EQ(import(read_file(shared_hsds() / "examples" / f)).status, 200);
  auto practitioner = sign_in("practitioner@demo.example");
  auto found = call("GET", "/api/v1/directory/services?q=COUNSELLING", &practitioner);
  ASSERT_EQ(found.status, 200);
  ASSERT_GE(found.body["items"].size(), 1u);
  EXPECT_EQ(found.body["items"][0]["name"], "Community Counselling");
  EXPECT_EQ(call("GET", "/api/v1/directory/services?q=counselling%20zzzz", &practitioner).body["items"].size(), 0u);
  auto person = sign_in("person@demo.example");
  EXPECT_EQ(call("GET", "/api/v1/directory/services?q=x", &person).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/directory/export", &practitioner).status, 403);
}

class DirectoryTabular : public Directory {
 protected:
  access::Actor actor() { return access::Actor{org_id(), std::nullopt, std::nullopt, "test", "test"}; }
};

std::string without_cr(std::string s) {
  std::erase(s, '\r');
  return s;
}

TEST_F(DirectoryTabular, the_csv_examples_import_export_and_reimport_unchanged) {
  auto& svc = runtime->partnerships.directory;
  auto first = svc.import_hsds_tabular(actor(), (shared_hsds() / "examples" / "csv").string());
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(first->applied());
  EXPECT_GT(first->added, 20u);
  auto files = svc.export_hsds_tabular(actor());
  ASSERT_TRUE(files.has_value());
  auto dir = std::filesystem::temp_directory_path() / ("trellis-tabular-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const auto& [name, text] : *files) std::ofstream(dir / name, std::ios::binary) << text;
  EXPECT_EQ(without_cr(read_file(dir / "services.csv")),
            without_cr(read_file(shared_hsds() / "examples" / "csv" / "services.csv")));
  EXPECT_TRUE(json::parse(read_file(dir / "datapackage.json")).contains("resources"));
  auto again = svc.import_hsds_tabular(actor(), dir.string());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->added, 0u);
  EXPECT_EQ(again->updated, 0u);
  EXPECT_EQ(again->unchanged, first->added);
  std::filesystem::remove_all(dir);
  // Services from the tables are searchable too.
  auto practitioner = sign_in("practitioner@demo.example");
  EXPECT_GE(call("GET", "/api/v1/directory/services?q=counselling", &practitioner).body["items"].size(), 1u);
}

TEST_F(DirectoryTabular, a_broken_csv_refuses_the_whole_folder) {
  auto dir = std::filesystem::temp_directory_path() / ("trellis-badcsv-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "organizations.csv") << "id,name,description\r\n"
                                              "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Good Org,Fine\r\n";
  std::ofstream(dir / "services.csv") << "id,name,status\r\n"
                                         "ac148810-d857-441c-9679-408f346de14b,\"Never closed,active\r\n";
  auto r = runtime->partnerships.directory.import_hsds_tabular(actor(), dir.string());
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->applied());
  ASSERT_EQ(r->rejected.size(), 1u);
  EXPECT_NE(r->rejected[0].reason.find("line 2"), std::string::npos) << r->rejected[0].reason;
  auto files = runtime->partnerships.directory.export_hsds_tabular(actor());
  EXPECT_EQ(files->size(), 1u);  // only datapackage.json: nothing was imported
  std::filesystem::remove_all(dir);
}

// Issue 9: a 1 MB name once made every directory page a megabyte.
TEST_F(Directory, a_record_with_an_overlong_field_is_refused_naming_it) {
  auto good = json::parse(read_file(shared_hsds() / "examples" / "service_full.json"));
  json long_name = good;
  long_name["name"] = std::string(501, 'x');
  auto r = import(json::array({long_name}).dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.raw.body.find("name is longer than 500 characters"), std::string::npos) << r.raw.body.substr(0, 400);
  json long_text = good;
  long_text["description"] = std::string(20'001, 'y');
  EXPECT_EQ(import(json::array({long_text}).dump()).status, 422);
  EXPECT_EQ(import(json::array({good}).dump()).status, 200);
}

}  // namespace
}  // namespace trellis::test
