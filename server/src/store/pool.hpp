// What both backends share: a pool of connections guarded only while one is taken or given
// back (never while a statement runs), and the transaction loop with its retries.
#pragma once
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "store/db.hpp"

namespace trellis::store {

template <typename C>
class Pool {
 public:
  void add(std::unique_ptr<C> c) {
    std::lock_guard lock(mu_);
    free_.push_back(std::move(c));
  }
  std::unique_ptr<C> acquire() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    auto c = std::move(free_.back());
    free_.pop_back();
    return c;
  }
  void release(std::unique_ptr<C> c) {
    {
      std::lock_guard lock(mu_);
      free_.push_back(std::move(c));
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<C>> free_;
};

// BEGIN (as given), fn, then COMMIT; ROLLBACK when fn or COMMIT fails.
Result<void> attempt_transaction(Conn& c, std::string_view begin, const std::function<Result<void>(Conn&)>& fn);
// Runs attempt again, with a short growing pause, while it fails with a retryable error.
Result<void> with_retries(const std::function<Result<void>()>& attempt);

}  // namespace trellis::store
