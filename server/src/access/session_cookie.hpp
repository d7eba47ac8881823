// The session cookie: HttpOnly and SameSite=Strict always; Secure with the __Host- prefix in
// production. Plain HTTP on loopback is allowed only in development.
#pragma once
#include <string>

#include "core/config.hpp"

namespace trellis::access {

std::string session_cookie(const Config& config, const std::string& token);
std::string clear_session_cookie(const Config& config);

}  // namespace trellis::access
