// The service directory's SQL: its HSDS documents and the search index built from them.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "partnerships/directory/hsds.hpp"
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
// Adds or updates each record's document and re-indexes its services; an unchanged record is
// left alone. `progress(done, total)` is called every hundred records.
struct ApplyCounts {
  std::size_t added = 0, updated = 0, unchanged = 0;
};
Result<ApplyCounts> apply_records(Conn& c, const std::string& org_id, const std::vector<HsdsRecord>& records,
                                  const std::string& at, const std::function<void(std::size_t, std::size_t)>& progress);
Result<std::vector<HsdsRecord>> documents(Conn& c, const std::string& org_id);

struct ServiceHit {
  std::string id, organization_id, name, description, status, languages, taxonomy_codes, locality, postcode,
      organization_name;
  std::optional<std::int64_t> latitude_e6, longitude_e6;
};
// What a search reads first; every other condition is a test on what it reads. The search
// chooses by the filters' sizes (store_search.cpp); a test names one to show that each gives
// the same pages.
enum class SearchLead {
  words,     // the full-text matches, sorted afterwards
  category,  // the category's services, sorted afterwards
  names,     // the services in name order, stopping at a page
  place,     // the services in a box around the point, widened until it holds a page
};
// A moment in local time at the services: the day of the week, minutes since midnight, the date.
struct LocalMoment {
  int weekday = 0;  // 0 Monday … 6 Sunday
  int minute = 0;
  std::string date;
};
struct ServiceQuery {
  std::string folded_text;  // every word, as a prefix, must appear (full-text index)
  std::optional<std::string> language;
  std::optional<std::string> category;  // a taxonomy term's code
  std::optional<LocalMoment> open_at;   // active and open then, by its weekly hours
  std::optional<std::int64_t> near_lat_e6, near_lon_e6;
  double radius_km = 25;
  std::size_t limit = 50;
  // Where the page before ended: ("n", name, id) by name, or ("d", distance, id) nearest first;
  // the distance is search_distance's, so it orders exactly as the database does.
  std::optional<std::vector<std::string>> after;
  std::optional<SearchLead> lead;  // chosen by the search unless given; ignored where it cannot lead
};
// The ordering distance from the query's point: squared microdegrees of latitude, longitude
// scaled by cos(latitude) in thousandths, in the integer arithmetic the SQL uses.
std::int64_t search_distance(const ServiceQuery& q, std::int64_t latitude_e6, std::int64_t longitude_e6);
// By name, or nearest first when a point is given (within the radius); at most q.limit hits.
Result<std::vector<ServiceHit>> search_services(Conn& c, const std::string& org_id, const ServiceQuery& q);

struct CategoryCount {
  std::string code, name;
  std::int64_t services = 0;
};
Result<std::vector<CategoryCount>> categories(Conn& c, const std::string& org_id);

// The middle of the services the directory has at a postcode, or in a suburb (folded name).
struct Place {
  std::int64_t latitude_e6 = 0, longitude_e6 = 0, services = 0;
};
Result<std::optional<Place>> place_by_postcode(Conn& c, const std::string& org_id, const std::string& postcode);
Result<std::optional<Place>> place_by_locality(Conn& c, const std::string& org_id, const std::string& folded_locality);

}  // namespace trellis::partnerships::db
