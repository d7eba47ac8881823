#include "access/totp.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <chrono>
#include <cstdlib>
#include <memory>

namespace trellis::access::totp {
namespace {

constexpr unsigned kStepSeconds = 30;
constexpr unsigned kDigits = 6;

// liboath keeps no state between calls once initialised; initialising twice is harmless.
void ensure_init() {
  static const int ok = oath_init();
  (void)ok;
}

std::string key_of(const std::string& secret) {
  char* raw = nullptr;
  size_t len = 0;
  if (oath_base32_decode(secret.data(), secret.size(), &raw, &len) != OATH_OK) return "";
  std::unique_ptr<char, decltype(&std::free)> owned(raw, &std::free);
  return std::string(raw, len);
}

time_t seconds(TimePoint now) {
  return static_cast<time_t>(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

std::string percent_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
      out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string new_secret() {
  ensure_init();
  unsigned char key[20];
  randombytes_buf(key, sizeof key);
  char* b32 = nullptr;
  size_t len = 0;
  if (oath_base32_encode(reinterpret_cast<const char*>(key), sizeof key, &b32, &len) != OATH_OK)
    throw std::runtime_error("liboath could not encode a key");
  std::unique_ptr<char, decltype(&std::free)> owned(b32, &std::free);
  return std::string(b32, len);
}

std::string uri(const std::string& secret, const std::string& account, const std::string& issuer) {
  return "otpauth://totp/" + percent_encode(issuer) + ":" + percent_encode(account) + "?secret=" + secret +
         "&issuer=" + percent_encode(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

std::optional<std::int64_t> check(const std::string& secret, const std::string& code, TimePoint now) {
  ensure_init();
  if (code.size() != kDigits) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  auto key = key_of(secret);
  if (key.empty()) return std::nullopt;
  int pos = 0;
  uint64_t counter = 0;
  int r =
      oath_totp_validate4(key.data(), key.size(), seconds(now), kStepSeconds, 0, 1, &pos, &counter, 0, code.c_str());
  if (r < 0) return std::nullopt;
  return static_cast<std::int64_t>(counter);
}

std::string code_at(const std::string& secret, TimePoint now) {
  ensure_init();
  auto key = key_of(secret);
  char out[kDigits + 1] = {};
  if (oath_totp_generate(key.data(), key.size(), seconds(now), kStepSeconds, 0, kDigits, out) != OATH_OK) return "";
  return out;
}

}  // namespace trellis::access::totp
