// Reading Open Referral HSDS 3.0 JSON: what kind each record is, whether it has what the
// standard requires, and the services inside it that the directory indexes for search.
#pragma once
#include <nlohmann/json.hpp>

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
Result<HsdsFile> read_hsds_json(std::string_view text);

// A tabular HSDS export: a folder of CSV files, one per table (services.csv, phones.csv …),
// with or without datapackage.json. Each row becomes a record of kind "table:<name>"; each
// table's column order is kept as a record of kind "columns" so an export writes it back.
Result<HsdsFile> read_hsds_tabular(const std::string& dir);
// The CSV files (name -> text) and a datapackage.json for the tabular records given.
std::vector<std::pair<std::string, std::string>> hsds_tabular_export(const std::vector<HsdsRecord>& records);

// One searchable service found in a record (a service, an organisation's services, or the
// service of a service-at-location).
struct IndexedService {
  std::string id, organization_id, name, description, status, search_text, languages, taxonomy_codes;
  std::optional<std::int64_t> latitude_e6, longitude_e6;
};
std::vector<IndexedService> services_in(const HsdsRecord& r);

// The export wrapper: documents grouped by kind.
nlohmann::json hsds_export(const std::vector<HsdsRecord>& records);

}  // namespace trellis::partnerships
