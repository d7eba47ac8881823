// CSV as a tabular HSDS import sends it. Beyond not crashing: what parse_csv reads, write_csv
// writes back so that it reads the same, or an export would not import as it was.
#include <cstdlib>

#include "core/csv.hpp"
#include "input.hpp"

using namespace trellis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto rows = parse_csv(fuzz::as_text(data, size));
  if (!rows) return 0;
  auto again = parse_csv(write_csv(*rows));
  if (!again || *again != *rows) std::abort();  // the round trip changed the rows
  return 0;
}
