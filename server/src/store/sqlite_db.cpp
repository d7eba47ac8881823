// SQLite backend: WAL, foreign keys on, a busy timeout, and a small pool of connections so
// readers run beside a writer. Statements are prepared once per connection and reused.
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

#include "store/db.hpp"
#include "store/pool.hpp"
#include "store/sqlite_conn.hpp"
#include "store/wal_checkpointer.hpp"

namespace trellis::store {
namespace {

class SqliteDb final : public Db {
 public:
  SqliteDb(std::string path, std::size_t pool_size, std::chrono::milliseconds wait, OpenMode mode)
      : path_(std::move(path)),
        mode_(mode),
        wait_(wait),
        checkpointer_(mode == OpenMode::serving ? std::make_unique<WalCheckpointer>(path_) : nullptr),
        pool_([this] { return connect(); }, pool_size, wait) {}

  Result<void> open() { return pool_.open(); }

  ~SqliteDb() override {
    if (wal_fd_ >= 0) ::close(wal_fd_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }
  bool commits_wait_for_sync_committed() const override { return mode_ == OpenMode::serving; }
  // Beside the real file, as SQLite's own WAL is: two paths to one database (a symbolic link)
  // must find one journal, whose lock then keeps a second server out.
  std::optional<std::string> journal_path(std::string_view name) const override {
    std::error_code ec;
    auto real = std::filesystem::weakly_canonical(path_, ec);
    return (ec ? path_ : real.string()) + "-" + std::string(name);
  }
  void limit_statements(std::chrono::milliseconds limit) override { statement_limit_ms_ = limit.count(); }

  // Serving, commits run with synchronous=NORMAL: SQLite writes each commit's pages to the WAL and
  // returns without syncing it. One fdatasync of the WAL then makes every commit written before
  // it durable (a sync is of the file, whichever descriptor asks). SQLite itself syncs the WAL
  // before a checkpoint copies it into the database, and the database before the WAL is reused,
  // so a commit synced here stays durable (https://www.sqlite.org/pragma.html#pragma_synchronous).
  // When no write has finished since the last sync and none is under way, there is nothing to
  // sync: reads that come many times a second then cost no sync at all.
  Result<void> sync_committed() override {
    if (mode_ != OpenMode::serving) return {};
    auto at_rest = writes_at_rest();
    std::lock_guard lock(wal_mu_);
    if (at_rest && *at_rest == writes_synced_) return {};
    TRY_VOID(open_wal());
    if (wal_fd_ >= 0 && ::fdatasync(wal_fd_) != 0)
      return fail(ErrorKind::unavailable, "Changes could not be saved to disk",
                  "The disk refused to save (" + std::string(std::strerror(errno)) + "). Tell your administrator.",
                  "sync_failed");
    if (at_rest) writes_synced_ = *at_rest;
    return {};
  }

  std::string describe() const override {
    return "sqlite:" + path_ + (mode_ == OpenMode::read_only ? " (read-only)" : "");
  }

  Result<void> ping() override {
    return read([](Conn& c) -> Result<void> {
      TRY(c.query("SELECT 1"));
      return {};
    });
  }

  Result<void> backup(const std::string& dest) override {
    auto conn = TRY(pool_.acquire());
    sqlite3* out = nullptr;
    int rc = sqlite3_open_v2(dest.c_str(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_close(out);
      return fail(ErrorKind::bad_request, "The backup file could not be created", dest);
    }
    // The online backup API copies a consistent snapshot page by page while others keep writing.
    sqlite3_backup* b = sqlite3_backup_init(out, "main", conn->handle(), "main");
    Result<void> result;
    if (!b) {
      result = fail(sqlite_error(out, sqlite3_errcode(out)));
    } else {
      while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        if (rc != SQLITE_OK) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      sqlite3_backup_finish(b);
      if (rc != SQLITE_DONE) result = fail(sqlite_error(out, rc));
    }
    sqlite3_close(out);
    return result;
  }

  Result<void> restore(const std::string& src) override {
    sqlite3* in = nullptr;
    if (sqlite3_open_v2(src.c_str(), &in, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      sqlite3_close(in);
      return fail(ErrorKind::bad_request, "The backup file could not be opened", src);
    }
    auto conn = pool_.acquire();
    if (!conn) {
      sqlite3_close(in);
      return fail(conn.error());
    }
    sqlite3_backup* b = sqlite3_backup_init((*conn)->handle(), "main", in, "main");
    Result<void> result;
    if (!b) {
      result = fail(sqlite_error((*conn)->handle(), sqlite3_errcode((*conn)->handle())));
    } else {
      int rc = sqlite3_backup_step(b, -1);
      sqlite3_backup_finish(b);
      if (rc != SQLITE_DONE) result = fail(sqlite_error((*conn)->handle(), rc));
    }
    sqlite3_close(in);
    return result;
  }

 protected:
  Result<void> run_transaction(TxKind kind, const std::function<Result<void>(Conn&)>& fn) override {
    // IMMEDIATE takes the write lock up front, so two writers never deadlock on an upgrade.
    const char* begin = kind == TxKind::write ? "BEGIN IMMEDIATE" : "BEGIN";
    auto attempt = [&]() -> Result<void> {
      auto conn = TRY(pool_.acquire());
      return attempt_transaction(*conn, begin, fn);
    };
    if (kind == TxKind::read) return with_retries(attempt);
    // SQLite has one writer at a time. This process's writers queue here, woken the moment the
    // one ahead finishes, rather than in SQLite's busy handler, which sleeps a millisecond or more
    // between tries; it still waits for another process (a command run beside the server).
    std::unique_lock turn(write_turn_, std::defer_lock);
    if (!turn.try_lock_for(wait_)) return fail(pool_busy_error(wait_));
    return with_retries(attempt);
  }

 private:
  Result<std::unique_ptr<SqliteConn>> connect() {
    bool read_only = mode_ == OpenMode::read_only;
    sqlite3* h = nullptr;
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path_.c_str(), &h, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc == SQLITE_OK && read_only && lacks_shm(h)) {
      sqlite3_close(h);
      h = nullptr;
      rc = open_immutable(&h);
    }
    if (rc != SQLITE_OK) {
      sqlite3_close(h);
      return fail(ErrorKind::unavailable, "The database file could not be opened",
                  read_only ? "Check that " + path_ + " exists and can be read."
                            : "Check that " + path_ + " is in a folder the server can write to.");
    }
    // SQLite quietly opens a write-protected file read-only even when asked for read-write; say so
    // now rather than at the first write.
    if (!read_only && sqlite3_db_readonly(h, "main") == 1) {
      sqlite3_close(h);
      return fail(ErrorKind::unavailable, "The database file cannot be written",
                  "Check that " + path_ + " and its folder can be written by the user Trellis runs as.");
    }
    auto c = std::make_unique<SqliteConn>(h, statement_limit_ms_);
    sqlite3_busy_timeout(h, 5000);
    // Choosing the journal mode writes to the file, so a read-only connection takes the one the
    // file has (WAL, when a read-write Trellis made it) and promises, as well, to write nothing.
    if (read_only) {
      TRY_VOID(c->exec_script("PRAGMA query_only=ON;"));
    } else {
      auto mode = TRY(c->query_one("PRAGMA journal_mode=WAL"));
      // Serving syncs the WAL itself (sync_committed); without one, nothing would be synced at all.
      if (mode_ == OpenMode::serving && (!mode || mode->text(0) != "wal"))
        return fail(ErrorKind::unavailable, "The database could not use its write-ahead log",
                    "Check that " + path_ + " is on a local disk that supports shared memory.");
      std::lock_guard lock(wal_mu_);
      if (wal_path_.empty()) wal_path_ = sqlite3_filename_wal(sqlite3_db_filename(h, "main"));
    }
    if (checkpointer_) checkpointer_->watch(h);
    TRY_VOID(c->exec_script(mode_ == OpenMode::serving ? "PRAGMA synchronous=NORMAL;" : "PRAGMA synchronous=FULL;"));
    // When the log starts again from its beginning (WalCheckpointer), a file grown past this by a
    // burst is cut back to it: twice what runs between restarts, so the file is reused, not regrown.
    TRY_VOID(c->exec_script("PRAGMA journal_size_limit=67108864;"));
    TRY_VOID(
        c->exec_script("PRAGMA foreign_keys=ON;"
                       " PRAGMA temp_store=MEMORY;"
                       // A 16 MB page cache per connection keeps the hot index pages; the operating system's
                       // cache holds the rest. A memory map was faster still for directory search but counted
                       // every mapped page against the server's memory, once per connection (840 MB at 100,000
                       // people). Measured in bench/ (docs/performance.md).
                       " PRAGMA cache_size=-16000;"));
    return c;
  }

  // A read-only connection to a WAL database still needs the -shm file beside it, and makes one
  // when there is none; in a folder it may not write to, every read then fails as a write would.
  // (Any other failure, such as a file that is not a database, is left to be reported as it is.)
  static bool lacks_shm(sqlite3* h) {
    int rc = sqlite3_exec(h, "SELECT COUNT(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    return (rc & 0xff) == SQLITE_READONLY;
  }

  // Then the file is read as unchanging (immutable=1: no locks, no -shm). That is sound only with
  // no -wal file holding changes not yet in the file, and no -shm: no connection has it open.
  // Without them a writer must first create them in that same folder, which is the kind an
  // operator makes read-only to keep a copy still (docs/decisions/0020).
  int open_immutable(sqlite3** h) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const char* side : {"-wal", "-shm"})
      if (fs::exists(path_ + side, ec) && fs::file_size(path_ + side, ec) > 0) return SQLITE_READONLY;
    std::string uri = "file:";
    for (char ch : fs::absolute(path_, ec).string()) {
      if (ch == '%' || ch == '?' || ch == '#')
        uri += ch == '%' ? "%25" : ch == '?' ? "%3f" : "%23";
      else
        uri += ch;
    }
    uri += "?immutable=1";
    spdlog::info("{} is in a folder this user cannot write to; reading it as an unchanging file", path_);
    return sqlite3_open_v2(uri.c_str(), h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
  }

  // Keeps a descriptor on the WAL file for sync_committed(). SQLite removes the WAL and makes it
  // again only when every connection closes, which a serving pool does not do; a changed file is
  // still noticed (by its inode) and opened afresh, and a new WAL's entry in its folder is synced
  // once.
  Result<void> open_wal() {
    // The WAL's name as SQLite has it: beside the real file when the path is a symbolic link. It
    // exists from the first statement on, and `serve` runs its migrations before any request.
    const auto& wal = wal_path_;
    struct stat now {};
    if (wal.empty() || ::stat(wal.c_str(), &now) != 0)
      return fail(ErrorKind::unavailable, "Changes could not be saved to disk",
                  "The database's log file " + wal + " is missing.", "sync_failed");
    if (wal_fd_ >= 0) {
      struct stat held {};
      if (::fstat(wal_fd_, &held) == 0 && held.st_ino == now.st_ino && held.st_dev == now.st_dev) return {};
      ::close(wal_fd_);
      wal_fd_ = -1;
    }
    wal_fd_ = ::open(wal.c_str(), O_RDONLY | O_CLOEXEC);
    if (wal_fd_ < 0)
      return fail(ErrorKind::unavailable, "Changes could not be saved to disk",
                  "The database's log file could not be opened (" + std::string(std::strerror(errno)) + ").",
                  "sync_failed");
    auto folder = std::filesystem::absolute(wal).parent_path().string();
    int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
      (void)::fsync(dir);
      ::close(dir);
    }
    return {};
  }

  std::string path_;
  OpenMode mode_;
  std::chrono::milliseconds wait_;
  std::unique_ptr<WalCheckpointer> checkpointer_;    // serving only; outlives the pool's connections
  std::atomic<std::int64_t> statement_limit_ms_{0};  // read by every connection: outlives them too
  Pool<SqliteConn> pool_;
  std::timed_mutex write_turn_;
  std::mutex wal_mu_;
  std::string wal_path_;  // from the first connection
  int wal_fd_ = -1;
  std::uint64_t writes_synced_ = 0;  // writes_at_rest() when last synced
};

// SQLite counts every allocation for sqlite3_status() under one lock shared by every
// connection; nothing here reads those counts, and with many threads reading at once the lock
// was a measured share of each search (docs/performance.md). Set before the library's first
// use; should something have used it first, the counts stay on and only cost that time.
void configure_library_once() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

std::unique_ptr<Db> open_sqlite(const std::string& path, std::size_t pool_size, std::chrono::milliseconds wait,
                                OpenMode mode, Result<void>& status) {
  configure_library_once();
  auto db = std::make_unique<SqliteDb>(path, pool_size == 0 ? 1 : pool_size, wait, mode);
  status = db->open();
  return db;
}

}  // namespace trellis::store
