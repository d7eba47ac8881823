// Directory imports that run after the request that started them, so the web client can show
// real progress (records applied of all) while a large HSDS file goes in. One at a time per
// organisation; a finished import is kept for an hour so its report can be read.
#pragma once
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "partnerships/directory/hsds.hpp"

namespace trellis::partnerships {

struct ImportReport {
  std::size_t added = 0, updated = 0, unchanged = 0;
  std::vector<HsdsRejection> rejected;  // when any, nothing was applied
  bool applied() const { return rejected.empty(); }
};

struct ImportProgress {
  std::string id, org_id, started_by;
  std::string state = "running";  // running, applied, failed
  std::size_t done = 0, total = 0;
  ImportReport report;
  std::optional<Error> error;
  TimePoint started_at, finished_at;
};

class ImportJobs {
 public:
  using Progress = std::function<void(std::size_t, std::size_t)>;
  using Work = std::function<Result<ImportReport>(const Progress&)>;

  explicit ImportJobs(const Clock& clock) : clock_(clock) {}
  ~ImportJobs();  // waits for running imports: a file is never left half-applied by a shutdown
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  // Starts `work` on its own thread; refused while the organisation has one running.
  Result<ImportProgress> start(const std::string& org_id, const std::string& user_id, std::size_t total, Work work);
  std::optional<ImportProgress> get(const std::string& org_id, const std::string& id);
  // Blocks until the import is no longer running (for the command line and tests).
  std::optional<ImportProgress> wait(const std::string& org_id, const std::string& id);

 private:
  void forget_old();  // holds mutex_
  const Clock& clock_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, ImportProgress> jobs_;
  std::map<std::string, std::jthread> threads_;  // by import id
};

}  // namespace trellis::partnerships
