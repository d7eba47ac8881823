// Text helpers for search: names compared without case or accents ("Zoë" finds "zoe").
#pragma once
#include <string>
#include <string_view>

namespace trellis {

// Lower case, common Latin accents removed, runs of spaces collapsed.
std::string fold_for_search(std::string_view s);

}  // namespace trellis
