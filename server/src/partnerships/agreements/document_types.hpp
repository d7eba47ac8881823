// What an uploaded agreement document really is: its bytes are read (libmagic, the library behind
// file(1)) and must agree with the type it was declared as, so a renamed program is refused.
#pragma once
#include <string_view>

namespace trellis::partnerships {

bool content_matches(std::string_view declared_type, std::string_view bytes);

}  // namespace trellis::partnerships
