// A tabular HSDS import: CSV files by name. The input is the files one after another, each
// after a line "--- <file name>". The rows are read into records, services indexed, the
// records stored as JSON text, and the tables exported again as CSV.
#include <cstdlib>
#include <map>
#include <string>

#include "input.hpp"
#include "partnerships/directory/hsds.hpp"

using namespace trellis;
using namespace trellis::partnerships;

namespace {
std::map<std::string, std::string> files_in(std::string_view text) {
  std::map<std::string, std::string> files;
  std::string* current = nullptr;
  while (!text.empty()) {
    auto nl = text.find('\n');
    auto line = text.substr(0, nl == std::string_view::npos ? text.size() : nl + 1);
    text.remove_prefix(line.size());
    if (line.starts_with("--- ")) {
      auto name = line.substr(4);
      if (name.ends_with('\n')) name.remove_suffix(1);
      current = &files[std::string(name)];
    } else if (current) {
      *current += line;
    }
  }
  return files;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto file = read_hsds_tables(files_in(fuzz::as_text(data, size)));
  if (!file) return 0;
  for (const auto& r : file->records) {
    for (const auto& s : services_in(r)) {
      // Distance search does integer arithmetic on these: only real coordinates may be indexed.
      if (s.latitude_e6 && (*s.latitude_e6 < -90'000'000 || *s.latitude_e6 > 90'000'000)) std::abort();
      if (s.longitude_e6 && (*s.longitude_e6 < -180'000'000 || *s.longitude_e6 > 180'000'000)) std::abort();
    }
    (void)r.doc.dump();  // what the store writes
  }
  (void)hsds_tabular_export(file->records);
  return 0;
}
