// What both backends share: a pool of connections lent out as leases (guarded only while one is
// taken or given back, never while a statement runs), and the transaction loop with its retries.
#pragma once
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "store/db.hpp"

namespace trellis::store {

// The error a request gets when no connection came free in time: the service is busy (503),
// which the person can retry, rather than a request that waits forever.
Error pool_busy_error(std::chrono::milliseconds waited);

// C is a backend's connection: a Conn that can also say whether a transaction is still open on it.
template <typename C>
class Pool {
 public:
  using Connect = std::function<Result<std::unique_ptr<C>>()>;

  // A borrowed connection. It goes back to the pool when the lease ends, however the borrower's
  // scope ends: a return, an error value or an exception.
  class Lease {
   public:
    Lease(Lease&& o) noexcept : pool_(o.pool_), c_(std::move(o.c_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (c_) pool_->give_back(std::move(c_));
    }
    C& operator*() const { return *c_; }
    C* operator->() const { return c_.get(); }

   private:
    friend class Pool;
    Lease(Pool& pool, std::unique_ptr<C> c) : pool_(&pool), c_(std::move(c)) {}
    Pool* pool_;
    std::unique_ptr<C> c_;
  };

  Pool(Connect connect, std::size_t size, std::chrono::milliseconds wait)
      : connect_(std::move(connect)), size_(size), wait_(wait) {}
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // Opens every connection now, so a wrong address or an unwritable file is reported at start.
  Result<void> open() {
    for (std::size_t i = 0; i < size_; ++i) {
      auto c = TRY(connect_());
      std::lock_guard lock(mu_);
      free_.push_back(std::move(c));
    }
    return {};
  }

  // Waits at most `wait` for a free connection, then reports the service as busy.
  Result<Lease> acquire() {
    std::unique_lock lock(mu_);
    if (!cv_.wait_for(lock, wait_, [&] { return !free_.empty() || missing_ > 0; })) {
      spdlog::warn("no database connection came free in {} ms ({} in the pool)", wait_.count(), size_);
      return fail(pool_busy_error(wait_));
    }
    if (!free_.empty()) {
      auto c = std::move(free_.back());
      free_.pop_back();
      return Lease(*this, std::move(c));
    }
    // A broken connection was dropped earlier (see give_back): open its replacement, outside the
    // lock so others can keep borrowing.
    --missing_;
    lock.unlock();
    auto c = connect_();
    if (!c) {
      {
        std::lock_guard relock(mu_);
        ++missing_;
      }
      cv_.notify_one();
      return fail(c.error());
    }
    return Lease(*this, std::move(*c));
  }

 private:
  // A connection goes back only with no transaction open: one left open by an exception would keep
  // its locks (SQLite's write lock, PostgreSQL's row locks) and hand the next borrower a
  // half-finished transaction. When ROLLBACK cannot close it the connection is broken: it is
  // dropped, and acquire() opens a new one in its place.
  void give_back(std::unique_ptr<C> c) {
    if (c->in_transaction()) {
      spdlog::warn("a database connection came back with its transaction open; rolling it back");
      (void)c->exec("ROLLBACK", {});
      if (c->in_transaction()) {
        spdlog::error("the rollback did not close the transaction; replacing the connection");
        c.reset();
      }
    }
    {
      std::lock_guard lock(mu_);
      if (c)
        free_.push_back(std::move(c));
      else
        ++missing_;
    }
    cv_.notify_one();
  }

  Connect connect_;
  std::size_t size_;
  std::chrono::milliseconds wait_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<C>> free_;
  std::size_t missing_ = 0;  // dropped connections not yet replaced
};

// BEGIN (as given), fn, then COMMIT; ROLLBACK when fn or COMMIT fails. When fn throws, the lease
// holding the connection rolls back on its way to the pool.
Result<void> attempt_transaction(Conn& c, std::string_view begin, const std::function<Result<void>(Conn&)>& fn);
// Runs attempt again, with a short growing pause, while it fails with a retryable error.
Result<void> with_retries(const std::function<Result<void>()>& attempt);

}  // namespace trellis::store
