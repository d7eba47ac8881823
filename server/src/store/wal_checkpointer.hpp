// Serving SQLite, the write-ahead log is copied back into the database by a thread of its own,
// not by whichever commit happens to pass 1,000 pages: SQLite's automatic checkpoint runs inside
// that commit, while the one writer holds the write lock and every other writer queues behind
// it (issue 11's profile of the partner inbox: 9% of all samples).
#pragma once
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace trellis::store {

class WalCheckpointer {
 public:
  explicit WalCheckpointer(std::string path);
  // Stops the thread; a checkpoint under way finishes first.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Has SQLite tell this checkpointer, instead of checkpointing itself, when a commit on this
  // connection has grown the log. The checkpointer must outlive the connection.
  void watch(sqlite3* connection);

 private:
  static int log_grew(void* self, sqlite3*, const char*, int pages);
  void run();
  void checkpoint(bool restart);

  std::string path_;
  sqlite3* own_ = nullptr;  // opened on first use: the database file exists by then
  std::mutex mutex_;
  std::condition_variable due_;
  bool wanted_ = false, restart_ = false, stopping_ = false;
  std::thread thread_;  // last: started once everything it uses exists
};

}  // namespace trellis::store
