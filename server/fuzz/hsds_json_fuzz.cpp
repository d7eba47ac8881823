// An HSDS JSON import: the file is read into records (or rejections), each accepted record's
// services are indexed for search, and the records are stored as JSON text and exported.
#include <cstdlib>

#include "input.hpp"
#include "partnerships/directory/hsds.hpp"

using namespace trellis;
using namespace trellis::partnerships;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto file = read_hsds_json(fuzz::as_text(data, size));
  if (!file) return 0;
  for (const auto& r : file->records) {
    for (const auto& s : services_in(r)) {
      // Distance search does integer arithmetic on these: only real coordinates may be indexed.
      if (s.latitude_e6 && (*s.latitude_e6 < -90'000'000 || *s.latitude_e6 > 90'000'000)) std::abort();
      if (s.longitude_e6 && (*s.longitude_e6 < -180'000'000 || *s.longitude_e6 > 180'000'000)) std::abort();
    }
    (void)r.doc.dump();  // what the store writes
  }
  (void)hsds_export(file->records).dump();
  return 0;
}
