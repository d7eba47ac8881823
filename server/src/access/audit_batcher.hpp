// Audit events for reads, written in groups: each caller waits until its own event is committed
// (nothing shown goes unaudited, nothing audited is lost), but while one group is being written
// every caller that arrives joins the next, so under load one commit carries many events instead
// of each read paying for its own. Writes are still audited inside their own transaction.
#pragma once
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "access/audit.hpp"
#include "store/db.hpp"

namespace trellis::access {

class AuditBatcher {
 public:
  explicit AuditBatcher(store::Db& db) : db_(db) {}
  // Returns once the event is committed, or with the error that stopped its group. When the
  // group's write throws, the caller that was writing it gets the exception and every other
  // caller in the group gets an error: a failed commit fails every request in its group.
  Result<void> append(AuditEntry entry, TimePoint at);

  // For tests only: called inside each group's write transaction, so a test can throw there.
  using FaultHook = void (*)();
  void set_fault_hook(FaultHook hook) { fault_hook_.store(hook); }

 private:
  struct Group {
    std::vector<std::pair<AuditEntry, TimePoint>> entries;
    bool done = false;
    std::optional<Error> error;
  };
  void write(Group& group, std::unique_lock<std::mutex>& lock);

  store::Db& db_;
  std::mutex mutex_;
  std::condition_variable written_;
  std::shared_ptr<Group> open_ = std::make_shared<Group>();
  bool writing_ = false;
  std::atomic<FaultHook> fault_hook_{nullptr};
};

}  // namespace trellis::access
