// Time-based one-time codes (TOTP, RFC 6238: 6 digits, 30-second steps, SHA-1), the kind every
// authenticator app reads, computed by Debian's liboath.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace trellis::access::totp {

// A new shared key: 160 random bits, in base32 as apps take it.
std::string new_secret();
// The otpauth:// address an app opens (or reads from a QR code) to learn the key.
std::string uri(const std::string& secret, const std::string& account, const std::string& issuer);
// The 30-second step a code belongs to when it is right for `now` (one step either side, for
// clocks that drift), or nothing. The caller refuses steps at or before the last one used.
std::optional<std::int64_t> check(const std::string& secret, const std::string& code, TimePoint now);
// The code for `now`: for tests, which play the authenticator app.
std::string code_at(const std::string& secret, TimePoint now);

}  // namespace trellis::access::totp
