// Reading Open Referral HSDS 3.0 JSON: what kind each record is, whether it has what the
// standard requires, and the services inside it that the directory indexes for search.
#pragma once
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace trellis::partnerships {

inline constexpr std::string_view kHsdsKinds[] = {"organization", "service", "service_at_location", "location",
                                                  "taxonomy_term"};

struct HsdsRecord {
  std::string kind, id;
  nlohmann::json doc;
};

struct HsdsRejection {
  std::size_t index = 0;
  std::string id, reason;
};

struct HsdsFile {
  std::vector<HsdsRecord> records;
  std::vector<HsdsRejection> rejected;
};

// Accepts one record, an array of records, an HSDS paginated list ({"contents": [...]}) or a
// Trellis export ({"organizations": [...], "services": [...], ...}). Never fails part-way:
// every problem is listed in `rejected`.
// A UUID as HSDS 3.0 requires of every id.
bool is_uuid(const nlohmann::json& v);

// An HSDS file as text (a file the CLI was given), or as JSON already parsed (a request body).
Result<HsdsFile> read_hsds_json(std::string_view text);
Result<HsdsFile> read_hsds_document(const nlohmann::json& doc);

// A tabular HSDS export: a folder of CSV files, one per table (services.csv, phones.csv …),
// with or without datapackage.json. Each row becomes a record of kind "table:<name>"; each
// table's column order is kept as a record of kind "columns" so an export writes it back.
Result<HsdsFile> read_hsds_tabular(const std::string& dir);
// The same from the files' contents, by file name ("services.csv"); datapackage.json is left out.
Result<HsdsFile> read_hsds_tables(const std::map<std::string, std::string>& tables);
// The CSV files (name -> text) and a datapackage.json for the tabular records given.
std::vector<std::pair<std::string, std::string>> hsds_tabular_export(const std::vector<HsdsRecord>& records);

// One searchable service found in a record (a service, an organisation's services, or the
// service of a service-at-location).
struct Category {
  std::string code, name;
};
// One day's opening hours in minutes since midnight, local time at the service. A schedule that
// runs past midnight is split into two days.
struct OpeningHours {
  int weekday = 0;  // 0 Monday … 6 Sunday
  int opens_min = 0, closes_min = 0;
  std::optional<std::string> valid_from, valid_to;
};
struct IndexedService {
  std::string id, organization_id, name, description, status, search_text, languages, taxonomy_codes;
  std::optional<std::int64_t> latitude_e6, longitude_e6;
  std::vector<Category> categories;
  std::vector<OpeningHours> hours;  // weekly schedules only; others are not claimed as open
  std::string organization_name;
  std::string locality, postcode;  // locality folded for search
};
// Weekly hours from one HSDS schedule (empty when it is not a weekly or daily pattern).
std::vector<OpeningHours> weekly_hours(const nlohmann::json& schedule);
std::vector<IndexedService> services_in(const HsdsRecord& r);

// The export wrapper: documents grouped by kind.
nlohmann::json hsds_export(const std::vector<HsdsRecord>& records);

}  // namespace trellis::partnerships
