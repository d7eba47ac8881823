#include "access/session_cookie.hpp"

#include <chrono>

#include "access/service.hpp"

namespace trellis::access {

namespace {
std::string attributes(const Config& config) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") + (config.secure_cookies() ? "; Secure" : "");
}
}  // namespace

std::string session_cookie(const Config& config, const std::string& token) {
  auto max_age = std::chrono::duration_cast<std::chrono::seconds>(kAbsoluteTimeout).count();
  return config.session_cookie_name() + "=" + token + attributes(config) + "; Max-Age=" + std::to_string(max_age);
}

std::string clear_session_cookie(const Config& config) {
  return config.session_cookie_name() + "=" + attributes(config) + "; Max-Age=0";
}

}  // namespace trellis::access
