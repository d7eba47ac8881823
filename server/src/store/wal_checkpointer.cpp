#include "store/wal_checkpointer.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace trellis::store {
namespace {

// SQLite's own default: past this many pages in the log, copy them back.
constexpr int kCheckpointPages = 1000;

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
    lock.unlock();
    checkpoint();
    lock.lock();
  }
}

void WalCheckpointer::checkpoint() {
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
    sqlite3_busy_timeout(own_, 1000);
  }
  // Passive: copies what no reader still needs, never waits on or blocks a reader or a writer.
  int logged = 0, copied = 0;
  int rc = sqlite3_wal_checkpoint_v2(own_, "main", SQLITE_CHECKPOINT_PASSIVE, &logged, &copied);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY)
    spdlog::warn("a checkpoint of {}'s log failed: {}", path_, sqlite3_errmsg(own_));
}

}  // namespace trellis::store
