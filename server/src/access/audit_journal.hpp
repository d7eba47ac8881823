// Where the audit writer makes a group of read events durable when the database is SQLite,
// serving (decision 0031): a journal beside the database, one record and one sync per group. It
// is two files written in turn, so that under steady load one can start again from its beginning
// once all it holds is moved, while the other takes what comes meanwhile.
// A thread of its own moves what the journal holds into audit_events a few times a second, in one
// transaction that also records how far it has moved, so the chain is built as before and a
// record is never moved twice or skipped. Whatever a crash left in the journal is moved in when it
// opens again. Anyone who reads the log asks for everything to be moved in first (move_now).
#pragma once
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "access/audit.hpp"
#include "store/db.hpp"
#include "store/journal.hpp"

namespace trellis::access {

class AuditJournal {
 public:
  // Opens the journal's two files (`path` + ".1" and ".2"), moves in what an earlier run left in
  // them and starts moving. Its name keys how far it has been moved (audit_journal_moves); the
  // server's is "audit".
  static Result<std::unique_ptr<AuditJournal>> open(store::Db& db, std::string name, const std::string& path);
  // Those two files.
  static std::array<std::string, 2> files_at(const std::string& path) { return {path + ".1", path + ".2"}; }
  // Moves in what is left, then stops. What cannot be moved stays in the journal for next time.
  ~AuditJournal();
  AuditJournal(const AuditJournal&) = delete;
  AuditJournal& operator=(const AuditJournal&) = delete;

  // Makes the events durable in the journal, to be moved in with the next move. One thread only.
  // While more events wait to be moved than a bound allows, it waits for a move first, so memory
  // stays bounded and the audit log keeps up; it refuses when the last move failed.
  Result<void> write(const TimedEntries& events);
  // Returns once every event written before the call is in audit_events, or a move has failed.
  Result<void> move_now();

 private:
  AuditJournal(store::Db& db, std::string name, std::vector<store::Journal> files, std::uint64_t moved_through);
  Result<void> commit(const TimedEntries& events, std::uint64_t through);
  void run();

  store::Db& db_;
  const std::string name_;
  // The writer's thread alone: the two files, the one being written, the last record in each
  // since it started again, and whether the last write failed (its number is then written again,
  // in the same file, over whatever of it reached the disk).
  std::vector<store::Journal> files_;
  std::size_t active_ = 0;
  std::array<std::uint64_t, 2> last_in_{};
  bool last_write_failed_ = false;
  std::mutex mutex_;
  std::condition_variable wake_mover_, moved_;
  TimedEntries unmoved_;
  std::uint64_t written_through_;    // the last record written
  std::uint64_t committed_through_;  // the last record whose events are in audit_events
  std::uint64_t moved_through_;      // and synced there: the records up to it may be written over
  std::uint64_t moves_ = 0;          // moves tried, for move_now to know one finished
  std::optional<Error> last_failure_;
  bool move_asked_ = false;
  bool stopping_ = false;
  std::thread mover_;  // last: started once everything it uses exists
};

}  // namespace trellis::access
