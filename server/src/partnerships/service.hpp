// The partnerships area's rules. So far: the service directory — importing and exporting
// Open Referral HSDS 3.0, and finding services in it.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "partnerships/hsds.hpp"
#include "partnerships/store.hpp"
#include "store/db.hpp"

namespace trellis::http { struct Actor; }

namespace trellis::partnerships {

struct ImportReport {
  std::size_t added = 0, updated = 0, unchanged = 0;
  std::vector<HsdsRejection> rejected;  // when any, nothing was applied
  bool applied() const { return rejected.empty(); }
};

class PartnershipsService {
 public:
  PartnershipsService(store::Db& db, const Clock& clock) : db_(db), clock_(clock) {}

  // All or nothing: a file with any rejected record changes nothing and says why for each.
  // `progress(done, total)` is called as records are applied.
  Result<ImportReport> import_hsds(const http::Actor& actor, std::string_view json_text,
                                   const std::function<void(std::size_t, std::size_t)>& progress = {});
  // A folder of HSDS CSV files (tabular form).
  Result<ImportReport> import_hsds_tabular(const http::Actor& actor, const std::string& dir,
                                           const std::function<void(std::size_t, std::size_t)>& progress = {});
  Result<nlohmann::json> export_hsds(const http::Actor& actor);
  // File name -> content: the CSV tables and datapackage.json.
  Result<std::vector<std::pair<std::string, std::string>>> export_hsds_tabular(const http::Actor& actor);
  Result<std::vector<db::ServiceHit>> find_services(const std::string& org_id, db::ServiceQuery q);

 private:
  Result<ImportReport> apply(const http::Actor& actor, HsdsFile file,
                             const std::function<void(std::size_t, std::size_t)>& progress);
  store::Db& db_;
  const Clock& clock_;
};

}  // namespace trellis::partnerships
