#include "access/audit_batcher.hpp"

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
    lock.unlock();
    auto r = db_.write([&](store::Conn& c) { return append_audit(c, group->entries); });
    lock.lock();
    group->done = true;
    if (!r) group->error = r.error();
    writing_ = false;
    written_.notify_all();
  }
  if (mine->error) return fail(*mine->error);
  return {};
}

}  // namespace trellis::access
