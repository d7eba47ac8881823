#include "store/pool.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace trellis::store {

Error pool_busy_error(std::chrono::milliseconds waited) {
  auto seconds = std::max<long long>(1, std::chrono::ceil<std::chrono::seconds>(waited).count());
  Error e = Error::make(ErrorKind::unavailable, "The service is busy",
                        "Trellis could not reach its database within " + std::to_string(seconds) +
                            (seconds == 1 ? " second" : " seconds") +
                            " because it is handling a lot at once. Nothing was changed; please try again in a moment.",
                        "database_busy");
  e.retry_after_seconds = 1;
  return e;
}

Result<void> attempt_transaction(Conn& c, std::string_view begin, const std::function<Result<void>(Conn&)>& fn) {
  TRY_VOID(c.exec(begin, {}));
  auto r = fn(c);
  if (!r) {
    (void)c.exec("ROLLBACK", {});
    return r;
  }
  auto committed = c.exec("COMMIT", {});
  if (!committed) {
    (void)c.exec("ROLLBACK", {});
    return fail(committed.error());
  }
  return {};
}

Result<void> with_retries(const std::function<Result<void>()>& attempt) {
  constexpr int kMaxAttempts = 8;
  for (int n = 1;; ++n) {
    auto r = attempt();
    if (r || !r.error().retryable || n >= kMaxAttempts) return r;
    // Another transaction holds what we need; it is usually done within milliseconds.
    std::this_thread::sleep_for(std::chrono::milliseconds(5 << n));
  }
}

}  // namespace trellis::store
