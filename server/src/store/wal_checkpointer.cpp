#include "store/wal_checkpointer.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <utility>

namespace trellis::store {
namespace {

// SQLite's own default: past this many pages in the log, copy them back.
constexpr int kCheckpointPages = 1000;
// Past this many, also start the log again from its beginning. Under steady reads a passive
// checkpoint never finds every reader past the log's end, and a log is only started again once
// all of it is copied back and no reader needs it: without this it grew for as long as the load
// lasted (1.7 GB in 16 s of check-ins), and every page written went to a new block of the file.
// A restart waits, briefly, for the readers of older snapshots to finish, and holds writers
// meanwhile; about 32 MB of log between restarts keeps that rare.
constexpr int kRestartPages = 8000;
// How long a restart waits for those readers before it gives up until the next commit.
constexpr int kRestartWaitMs = 100;

}  // namespace

WalCheckpointer::WalCheckpointer(std::string path) : path_(std::move(path)), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  due_.notify_one();
  thread_.join();
  if (own_) sqlite3_close_v2(own_);
}

void WalCheckpointer::watch(sqlite3* connection) { sqlite3_wal_hook(connection, &WalCheckpointer::log_grew, this); }

int WalCheckpointer::log_grew(void* self, sqlite3*, const char*, int pages) {
  if (pages >= kCheckpointPages) {
    auto* c = static_cast<WalCheckpointer*>(self);
    {
      std::lock_guard lock(c->mutex_);
      c->wanted_ = true;
      c->restart_ = c->restart_ || pages >= kRestartPages;
    }
    c->due_.notify_one();
  }
  return SQLITE_OK;
}

void WalCheckpointer::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    due_.wait(lock, [this] { return wanted_ || stopping_; });
    if (stopping_) return;
    wanted_ = false;
    bool restart = std::exchange(restart_, false);
    lock.unlock();
    checkpoint(restart);
    lock.lock();
  }
}

void WalCheckpointer::checkpoint(bool restart) {
  if (!own_) {
    if (sqlite3_open_v2(path_.c_str(), &own_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      spdlog::warn("the log checkpointer could not open {}: {}", path_, sqlite3_errmsg(own_));
      sqlite3_close_v2(own_);
      own_ = nullptr;
      return;
    }
    // As the serving connections: the log is synced before a checkpoint copies it, and the
    // database after (https://www.sqlite.org/pragma.html#pragma_synchronous).
    sqlite3_exec(own_, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(own_, kRestartWaitMs);
  }
  // Passive: copies what no reader still needs, never waits on or blocks a reader or a writer.
  // Restart: copies everything, then waits until the next writer can start the log again.
  int logged = 0, copied = 0;
  int rc = sqlite3_wal_checkpoint_v2(own_, "main", restart ? SQLITE_CHECKPOINT_RESTART : SQLITE_CHECKPOINT_PASSIVE,
                                     &logged, &copied);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY)
    spdlog::warn("a checkpoint of {}'s log failed: {}", path_, sqlite3_errmsg(own_));
}

}  // namespace trellis::store
