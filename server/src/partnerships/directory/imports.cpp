#include "partnerships/directory/imports.hpp"

#include <spdlog/spdlog.h>

#include "core/ids.hpp"

namespace trellis::partnerships {

ImportJobs::~ImportJobs() {
  std::map<std::string, std::jthread> threads;
  {
    std::lock_guard lock(mutex_);
    threads.swap(threads_);
  }
  threads.clear();  // joins each
}

Result<ImportProgress> ImportJobs::start(const std::string& org_id, const std::string& user_id, std::size_t total,
                                         Work work) {
  std::lock_guard lock(mutex_);
  forget_old();
  for (const auto& [id, job] : jobs_)
    if (job.org_id == org_id && job.state == "running")
      return fail(ErrorKind::conflict, "Another import is still going in",
                  "Wait for it to finish, then try again: imports run one at a time.", "import_running");
  ImportProgress job;
  job.id = new_id();
  job.org_id = org_id;
  job.started_by = user_id;
  job.total = total;
  job.started_at = clock_.now();
  jobs_[job.id] = job;
  auto id = job.id;
  threads_[id] = std::jthread([this, id, work = std::move(work)] {
    auto progress = [&](std::size_t done, std::size_t of) {
      std::lock_guard lock(mutex_);
      jobs_[id].done = done;
      jobs_[id].total = of;
      changed_.notify_all();
    };
    // An exception must not end the thread, and with it the whole server: it fails this import
    // like any other error, with a message a person can act on, and the full text in the log.
    Result<ImportReport> r = [&]() -> Result<ImportReport> {
      try {
        return work(progress);
      } catch (const std::exception& ex) {
        spdlog::error("directory import {} stopped by an unexpected error: {}", id, ex.what());
        return fail(ErrorKind::internal, "The import stopped because of a fault on our side",
                    "Nothing from this file was applied. Please try again; if it keeps happening, tell your "
                    "administrator.",
                    "import_crashed");
      }
    }();
    std::lock_guard lock(mutex_);
    auto& j = jobs_[id];
    j.finished_at = clock_.now();
    if (r) {
      j.state = "applied";
      j.report = std::move(*r);
      j.done = j.total;
    } else {
      j.state = "failed";
      j.error = r.error();
      spdlog::error("directory import {} failed: {} {}", id, r.error().title, r.error().detail);
    }
    changed_.notify_all();
  });
  return job;
}

std::optional<ImportProgress> ImportJobs::get(const std::string& org_id, const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second.org_id != org_id) return std::nullopt;
  return it->second;
}

std::optional<ImportProgress> ImportJobs::wait(const std::string& org_id, const std::string& id) {
  std::unique_lock lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second.org_id != org_id) return std::nullopt;
  changed_.wait(lock, [&] { return jobs_[id].state != "running"; });
  return jobs_[id];
}

void ImportJobs::forget_old() {
  auto cutoff = clock_.now() - std::chrono::hours(1);
  std::erase_if(jobs_, [&](const auto& kv) { return kv.second.state != "running" && kv.second.finished_at < cutoff; });
  // A finished import's thread set its state under this lock and only returns after; joining it
  // here is immediate and keeps the map short.
  std::erase_if(threads_, [&](const auto& kv) {
    auto job = jobs_.find(kv.first);
    return job == jobs_.end() || job->second.state != "running";
  });
}

}  // namespace trellis::partnerships
