// Passwords: argon2id hashes (libsodium) and the rule for a new password — at least 12
// characters, hard to guess, no composition rules (NIST SP 800-63B).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace trellis::access {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 256;

std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// Takes the same time as a real check, so unknown emails cannot be told apart by timing.
void verify_dummy_password(std::string_view password);

// Returns a 422 naming `field` when the password must not be used: too short, or too easy to
// guess by zxcvbn's estimate (Debian's libzxcvbn: common and breached passwords, words, names,
// keyboard walks, repeats, dates). `hints` are the account's email and name, never to be built on.
Result<void> check_new_password(std::string_view field, std::string_view password,
                                const std::vector<std::string>& hints);

}  // namespace trellis::access
