// Text helpers for search: names compared without case or accents ("Zoë" finds "zoe").
#pragma once
#include <string>
#include <string_view>

namespace trellis {

// Lower case, common Latin accents removed, runs of spaces collapsed.
std::string fold_for_search(std::string_view s);

// Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF), as
// JSON text must be: a string that is not cannot be stored or sent as JSON.
bool valid_utf8(std::string_view s);

}  // namespace trellis
