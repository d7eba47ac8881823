#include "core/clock.hpp"

#include <cstdio>
#include <ctime>

namespace trellis {

std::string to_iso(TimePoint t) {
  using namespace std::chrono;
  auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};
  char buf[64];  // ample: years beyond 9999 never occur, but the compiler cannot know
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), long(hms.hours().count()), long(hms.minutes().count()),
                long(hms.seconds().count()), long(hms.subseconds().count()));
  return buf;
}

bool parse_iso(const std::string& s, TimePoint& out) {
  int y, mo, d, h, mi, sec, ms = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &y, &mo, &d, &h, &mi, &sec, &ms) < 6) return false;
  using namespace std::chrono;
  year_month_day ymd{year(y), month(unsigned(mo)), day(unsigned(d))};
  if (!ymd.ok()) return false;
  out = TimePoint(sys_days(ymd).time_since_epoch() + hours(h) + minutes(mi) + seconds(sec) + milliseconds(ms));
  return true;
}

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  TimePoint t;
  return parse_iso(s + "T00:00:00.000Z", t);
}

int weekday_of(const std::string& date) {
  TimePoint t;
  parse_iso(date + "T00:00:00.000Z", t);
  auto day = std::chrono::floor<std::chrono::days>(t);
  return static_cast<int>(std::chrono::weekday(day).iso_encoding()) - 1;
}

}  // namespace trellis
