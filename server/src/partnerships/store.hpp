// The partnerships area's SQL: the service directory's documents and its search index.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "partnerships/hsds.hpp"
#include "store/db.hpp"

namespace trellis::partnerships::db {

using store::Conn;

Result<std::optional<std::string>> document(Conn& c, const std::string& org_id, const std::string& kind,
                                            const std::string& hsds_id);
Result<void> insert_document(Conn& c, const std::string& org_id, const HsdsRecord& r, const std::string& at);
Result<void> update_document(Conn& c, const std::string& org_id, const HsdsRecord& r, const std::string& at);
// Replaces the services indexed from one document.
Result<void> index_services(Conn& c, const std::string& org_id, const HsdsRecord& source,
                            const std::vector<IndexedService>& services);
Result<std::vector<HsdsRecord>> documents(Conn& c, const std::string& org_id);

struct ServiceHit {
  std::string id, organization_id, name, description, status, languages;
  std::optional<std::int64_t> latitude_e6, longitude_e6;
};
struct ServiceQuery {
  std::string folded_text;  // every word, as a prefix, must appear (full-text index)
  std::optional<std::string> language;
  std::optional<std::int64_t> near_lat_e6, near_lon_e6;
  double radius_km = 25;
  std::size_t limit = 50;
};
// By name, or nearest first when a point is given (within the radius).
Result<std::vector<ServiceHit>> search_services(Conn& c, const std::string& org_id, const ServiceQuery& q);

}  // namespace trellis::partnerships::db
