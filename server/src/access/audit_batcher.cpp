#include "access/audit_batcher.hpp"

#include "core/scope_exit.hpp"

namespace trellis::access {

Result<void> AuditBatcher::append(AuditEntry entry, TimePoint at) {
  std::unique_lock lock(mutex_);
  auto mine = open_;
  mine->entries.emplace_back(std::move(entry), at);
  while (!mine->done) {
    if (writing_) {
      written_.wait(lock);
      continue;
    }
    // Nobody is writing: this caller writes the open group (its own event among them) while
    // later callers gather in a new one.
    writing_ = true;
    auto group = std::exchange(open_, std::make_shared<Group>());
    write(*group, lock);
  }
  if (mine->error) return fail(*mine->error);
  return {};
}

// Called holding the lock with writing_ set; returns holding it with writing_ cleared.
void AuditBatcher::write(Group& group, std::unique_lock<std::mutex>& lock) {
  // However the write ends, even by an exception, the group is finished and the next writer may
  // start: a group left "being written" would make every later audited read wait forever.
  ScopeExit finish([&] {
    if (!lock.owns_lock()) lock.lock();
    if (!group.done) {
      group.done = true;
      group.error = Error::make(ErrorKind::internal, "Something went wrong on our side",
                                "What you asked for could not be recorded in the audit log, so it is not shown. "
                                "Please try again; if it keeps happening, tell your administrator.",
                                "audit_failed");
    }
    writing_ = false;
    written_.notify_all();
  });
  lock.unlock();
  auto r = db_.write([&](store::Conn& c) {
    if (auto hook = fault_hook_.load(std::memory_order_relaxed)) hook();
    return append_audit(c, group.entries);
  });
  lock.lock();
  group.done = true;
  if (!r) group.error = r.error();
}

}  // namespace trellis::access
