// ?limit= and ?cursor= of every list. First line: the limit ("-" for none); the rest: the
// cursor. A cursor this API would give out for the key read must read back as that key.
#include <cstdlib>
#include <optional>
#include <string>

#include "core/pagination.hpp"
#include "input.hpp"

using namespace trellis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parts = fuzz::first_lines(fuzz::as_text(data, size), 2);
  std::optional<std::string> limit, cursor;
  if (parts[0] != "-") limit = std::string(parts[0]);
  cursor = std::string(parts[1]);
  auto page = parse_page(limit, cursor);
  if (!page || !page->after) return 0;
  auto back = parse_page(std::nullopt, encode_cursor(*page->after));
  if (!back || back->after != page->after) std::abort();  // our own cursor did not read back
  return 0;
}
