// An HSDS JSON import: the file is read into records (or rejections), each accepted record's
// services are indexed for search, and the records are stored as JSON text and exported.
#include "input.hpp"
#include "partnerships/hsds.hpp"

using namespace trellis;
using namespace trellis::partnerships;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto file = read_hsds_json(fuzz::as_text(data, size));
  if (!file) return 0;
  for (const auto& r : file->records) {
    (void)services_in(r);
    (void)r.doc.dump();  // what the store writes
  }
  (void)hsds_export(file->records).dump();
  return 0;
}
