// The service directory's rules: importing and exporting Open Referral HSDS 3.0 (JSON or tables,
// all or nothing), import jobs with progress, and finding services by words, category, language,
// opening hours and distance.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "partnerships/directory/hsds.hpp"
#include "partnerships/directory/imports.hpp"
#include "partnerships/directory/store.hpp"
#include "store/db.hpp"

namespace trellis::partnerships {

class DirectoryService {
 public:
  DirectoryService(store::Db& db, const Clock& clock) : db_(db), clock_(clock), imports_(clock) {}

  // All or nothing: a file with any rejected record changes nothing and says why for each.
  // `progress(done, total)` is called as records are applied.
  Result<ImportReport> import_hsds(const access::Actor& actor, std::string_view json_text,
                                   const std::function<void(std::size_t, std::size_t)>& progress = {});
  // A folder of HSDS CSV files (tabular form).
  Result<ImportReport> import_hsds_tabular(const access::Actor& actor, const std::string& dir,
                                           const std::function<void(std::size_t, std::size_t)>& progress = {});
  // The same for the web client: every record is checked now (a file with any problem is refused
  // whole, with each reason, as an unprocessable error); then it is applied on its own thread.
  Result<ImportProgress> start_import(const access::Actor& actor, HsdsFile file);
  std::optional<ImportProgress> import_progress(const std::string& org_id, const std::string& id);
  std::optional<ImportProgress> wait_for_import(const std::string& org_id, const std::string& id);
  Result<nlohmann::json> export_hsds(const access::Actor& actor);
  // File name -> content: the CSV tables and datapackage.json.
  Result<std::vector<std::pair<std::string, std::string>>> export_hsds_tabular(const access::Actor& actor);
  // `near` is a suburb, a postcode or an address; its place is the middle of the directory's
  // services there. Not known is a 400 naming the field.
  struct Search {
    std::vector<db::ServiceHit> hits;
    std::optional<db::Place> near;
  };
  Result<Search> find_services(const std::string& org_id, db::ServiceQuery q, const std::string& near = "");
  Result<std::vector<db::CategoryCount>> categories(const std::string& org_id);

 private:
  Result<ImportReport> apply(const access::Actor& actor, HsdsFile file,
                             const std::function<void(std::size_t, std::size_t)>& progress);
  store::Db& db_;
  const Clock& clock_;
  ImportJobs imports_;  // last: its threads are joined before the rest goes
};

}  // namespace trellis::partnerships

namespace trellis::partnerships {
// Every rejected record as a field of one unprocessable error: nothing was applied.
Error rejected_error(const std::vector<HsdsRejection>& rejected);
}  // namespace trellis::partnerships
