// Audit events for reads and refusals, committed in groups by a writer thread of their own. A
// request hands over its event with what to do once the event is durable, and its thread goes
// back to other work: no request thread ever waits on a disk sync. The writer commits everything
// that arrived while the previous group was syncing, in one transaction with one sync, then calls
// each completion; when a group fails, every completion in it gets the error. So nothing shown
// goes unaudited and nothing audited is lost (decisions 0013 and 0024). Writes are audited inside
// their own transaction; when the database syncs commits in groups, their answers wait here too,
// for the same sync (after_sync, decision 0025). On SQLite, serving, a group's events are made
// durable in a journal beside the database and moved into the log a few times a second, so the
// readers' page caches are not emptied by a commit per group (AuditJournal, decision 0031).
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "access/audit.hpp"
#include "store/db.hpp"

namespace trellis::access {

class AuditJournal;

// What a request is answered when what it would show could not be recorded in the audit log.
Error audit_failed();

class AuditBatcher {
 public:
  // Called on the writer's thread once the event is committed, or with the error that stopped its
  // group. It must be quick and must not throw: it hands the answer back to the connection.
  using Done = std::function<void(Result<void>)>;

  // Opens the database's journal when it has one for serving, and moves in what a crash left
  // there; throws when it cannot, since the server must not start without its audit log.
  explicit AuditBatcher(store::Db& db);
  // The name of the server's journal, beside the database: "trellis.db-audit".
  static constexpr const char* kJournal = "audit";
  // Commits what was handed over, then stops the writer.
  ~AuditBatcher();
  AuditBatcher(const AuditBatcher&) = delete;
  AuditBatcher& operator=(const AuditBatcher&) = delete;

  // Several events that are done together: a list that shows many people is audited for each.
  void submit(std::vector<AuditEntry> entries, TimePoint at, Done done);
  void submit(AuditEntry entry, TimePoint at, Done done);
  // Calls done once everything committed before this call is durable: with the next group's sync.
  void after_sync(Done done);
  // Submits and waits for the commit: for callers with nothing else to do (tests, one-off tools).
  Result<void> append(AuditEntry entry, TimePoint at);
  // Returns once everything handed over before the call has been written, synced and answered,
  // and its events are in audit_events, where the audit log is read; or with why they are not.
  Result<void> flush();

  // For tests only: called as each group starts, before its transaction and its sync, so a test
  // can hold the writer there or make the whole group fail.
  using FaultHook = void (*)();
  void set_fault_hook(FaultHook hook) { fault_hook_.store(hook); }

 private:
  struct Item {
    std::vector<AuditEntry> entries;  // none: a write's answer waiting for the sync
    TimePoint at;
    Done done;
  };
  struct Outcome {
    Result<void> written;  // the group's events
    Result<void> synced;   // everything committed before the group began
  };
  void run();
  Outcome write_and_sync(const std::vector<Item>& group);
  Result<void> write(const std::vector<Item>& group);

  store::Db& db_;
  std::unique_ptr<AuditJournal> journal_;  // SQLite, serving; otherwise events go straight in
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<Item> queue_;
  bool stopping_ = false;
  std::atomic<FaultHook> fault_hook_{nullptr};
  std::thread writer_;  // last: started once everything it uses exists
};

}  // namespace trellis::access
