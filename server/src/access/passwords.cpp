#include "access/passwords.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <unordered_set>

namespace trellis::access {
namespace {

// OWASP's minimum for argon2id is 19 MiB and 2 passes; we use exactly that floor so sign-in
// stays quick on small servers, and never less.
constexpr unsigned long long kOps = 2;
constexpr std::size_t kMem = 19u * 1024u * 1024u;

// Passwords people choose often enough that every cracking list starts with them.
const char* const kCommon[] = {
    "password1234", "password12345", "password123456", "123456789012", "1234567890123",
    "qwertyuiop12", "qwertyuiop123", "qwertyuiopasdf", "letmein12345", "iloveyou1234",
    "welcome12345", "administrator", "trustno1trustno1", "abc123abc123", "passw0rd1234",
    "changeme1234", "monkey123456", "football1234", "superman1234", "aaaaaaaaaaaa",
    "111111111111", "000000000000", "correcthorsebatterystaple", "qazwsxedcrfv",
    "1q2w3e4r5t6y", "zaq12wsxcde3", "asdfghjkl123", "p@ssw0rd1234", "trellis12345"};

struct Lists {
  std::shared_mutex mu;
  std::unordered_set<std::string> words;
};
Lists& lists() {
  static Lists l;
  return l;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "summer2024!!" -> "summer": the word people pad with digits and symbols.
std::string core_word(const std::string& s) {
  auto b = s.find_first_not_of("0123456789!@#$%^&*()-_=+.,?~ ");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of("0123456789!@#$%^&*()-_=+.,?~ ");
  return s.substr(b, e - b + 1);
}

bool repetitive(const std::string& s) {
  // One or two characters repeated, or a run like "abcdefghijkl" / "123456789012".
  std::unordered_set<char> distinct(s.begin(), s.end());
  if (distinct.size() <= 3) return true;
  bool ascending = true;
  for (std::size_t i = 1; i < s.size(); ++i)
    if (s[i] != s[i - 1] + 1 && !(s[i] == '0' && s[i - 1] == '9')) ascending = false;
  return ascending;
}

}  // namespace

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), kOps, kMem) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

void verify_dummy_password(std::string_view password) {
  static const std::string dummy = hash_password("dummy password for timing only");
  (void)verify_password(dummy, password);
}

void load_password_lists(const std::vector<std::string>& paths) {
  std::unordered_set<std::string> words;
  for (auto* w : kCommon) words.insert(w);
  for (const auto& p : paths) {
    std::ifstream in(p);
    if (!in) {
      spdlog::warn("password word list {} not found; install Debian's wamerican and cracklib-runtime", p);
      continue;
    }
    std::string line;
    while (std::getline(in, line)) {
      auto w = lower(line);
      if (w.size() >= 4 && w.find('\'') == std::string::npos) words.insert(std::move(w));
    }
  }
  auto& l = lists();
  std::unique_lock lock(l.mu);
  l.words = std::move(words);
}

Result<void> check_new_password(std::string_view field, std::string_view password,
                                const std::vector<std::string>& hints) {
  auto refuse = [&](std::string message) { return fail(Error::field(ErrorKind::unprocessable, std::string(field), std::move(message))); };
  std::size_t chars = 0;
  for (unsigned char c : password)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars < kMinPasswordLength)
    return refuse("must be at least 12 characters; a few unrelated words together work well");
  if (password.size() > kMaxPasswordLength) return refuse("must be at most 256 characters");
  auto p = lower(password);
  if (repetitive(p)) return refuse("is too easy to guess: avoid repeated or sequential characters");
  for (const auto& h : hints) {
    auto hint = lower(h);
    if (auto at = hint.find('@'); at != std::string::npos) hint = hint.substr(0, at);
    if (hint.size() >= 4 && p.find(hint) != std::string::npos)
      return refuse("must not contain your name or email address");
  }
  auto& l = lists();
  std::shared_lock lock(l.mu);
  auto word = core_word(p);
  if (l.words.contains(p) || (!word.empty() && l.words.contains(word)))
    return refuse("is a common or previously breached password; choose something less predictable");
  return {};
}

}  // namespace trellis::access
