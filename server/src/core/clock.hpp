// Time is injected: services read "now" from a Clock so tests can move it without sleeping.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace trellis {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  }
};

// A clock tests set and advance by hand.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : ms_(start.time_since_epoch().count()) {}
  TimePoint now() const override { return TimePoint(std::chrono::milliseconds(ms_.load())); }
  void advance(std::chrono::milliseconds d) { ms_ += d.count(); }
  void set(TimePoint t) { ms_ = t.time_since_epoch().count(); }

 private:
  std::atomic<std::int64_t> ms_;
};

// Times are stored as fixed-width UTC text ("2026-11-23T08:54:01.123Z"), which sorts correctly
// and reads the same on both databases.
std::string to_iso(TimePoint t);
bool parse_iso(const std::string& s, TimePoint& out);
// A calendar date, "2026-11-23".
bool valid_date(const std::string& s);
// The day of the week of a valid date: 0 Monday … 6 Sunday.
int weekday_of(const std::string& date);

}  // namespace trellis
