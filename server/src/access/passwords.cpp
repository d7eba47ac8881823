#include "access/passwords.hpp"

#include <sodium.h>
#include <zxcvbn.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace trellis::access {
namespace {

// OWASP's minimum for argon2id is 19 MiB and 2 passes; we use exactly that floor so sign-in
// stays quick on small servers, and never less.
constexpr unsigned long long kOps = 2;
constexpr std::size_t kMem = 19u * 1024u * 1024u;

// A password must take at least this many guesses (as log2) by zxcvbn's estimate: about 10^11,
// past zxcvbn's own "very unguessable" mark. Long passphrases of ordinary words pass; common and
// breached passwords, keyboard walks, repeats, dates and the user's own name or email do not.
constexpr double kMinGuessBits = 36.0;

// Words every attacker of this software knows: its name and passwords it has published (the
// README once printed the demo organisation's). Treated as dictionary words in every password.
// The demo organisation's own accounts are given it directly (demo data is refused in production);
// no real account may choose it. A test keeps this list in step with demo::kDefaultPassword.
const char* const kPublishedWords[] = {"trellis", "hope-grows-here", "hopegrowshere", "wattle-river-lantern-morning",
                                       "wattleriverlanternmorning"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The user's own words: their email, its local part, and each part of their name (the email's
// domain is shared with colleagues and says nothing of them).
std::vector<std::string> own_words(const std::vector<std::string>& hints) {
  std::vector<std::string> out;
  for (const auto& h : hints) {
    auto w = lower(h);
    if (w.size() >= 3) out.push_back(w);
    auto at = w.find('@');
    if (at != std::string::npos) w = w.substr(0, at);
    if (at != std::string::npos && w.size() >= 3) out.push_back(w);
    std::string part;
    for (char c : w + " ") {
      if (std::isalnum(static_cast<unsigned char>(c)))
        part += c;
      else {
        if (part.size() >= 3 && part != w) out.push_back(part);
        part.clear();
      }
    }
  }
  return out;
}

// Why a weak password is weak, from the pattern that made it cheapest to guess.
std::string weakness(const ZxcMatch_t* info) {
  const ZxcMatch_t* cheapest = nullptr;
  for (auto* m = info; m; m = m->Next)
    if (m->Type != BRUTE_MATCH && (!cheapest || m->Entrpy / m->Length < cheapest->Entrpy / cheapest->Length))
      cheapest = m;
  if (!cheapest) return "is too easy to guess; a few unrelated words together work well";
  switch (static_cast<int>(cheapest->Type) & ~MULTIPLE_MATCH) {
    case USER_MATCH:
    case USER_LEET_MATCH:
      return "must not be built from your name, your email address or this software's name";
    case SPATIAL_MATCH:
      return "is a pattern of keys next to each other; choose a few unrelated words instead";
    case REPEATS_MATCH:
      return "repeats itself; choose a few unrelated words instead";
    case SEQUENCE_MATCH:
      return "is a sequence like abcd or 1234; choose a few unrelated words instead";
    case DATE_MATCH:
    case YEAR_MATCH:
      return "is built around a date; choose a few unrelated words instead";
    default:
      return "is a common or previously breached password; choose something less predictable";
  }
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

Result<void> check_new_password(std::string_view field, std::string_view password,
                                const std::vector<std::string>& hints) {
  auto refuse = [&](std::string message) {
    return fail(Error::field(ErrorKind::unprocessable, std::string(field), std::move(message)));
  };
  std::size_t chars = 0;
  for (unsigned char c : password)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars < kMinPasswordLength)
    return refuse("must be at least 12 characters; a few unrelated words together work well");
  if (password.size() > kMaxPasswordLength) return refuse("must be at most 256 characters");
  std::string p(password);
  auto words = own_words(hints);
  // zxcvbn prices a name inside a longer phrase as cheap but not free; we refuse it outright.
  auto folded = lower(password);
  for (const auto& w : words)
    if (w.size() >= 4 && w.find('@') == std::string::npos && folded.find(w) != std::string::npos)
      return refuse("must not contain your name or email address");
  std::vector<const char*> dict;
  for (const auto& w : words) dict.push_back(w.c_str());
  for (auto* w : kPublishedWords) dict.push_back(w);
  dict.push_back(nullptr);
  // A published password stays published however it is spaced or capitalised.
  std::string squashed;
  for (char ch : folded)
    if (std::isalnum(static_cast<unsigned char>(ch))) squashed += ch;
  for (auto* w : kPublishedWords) {
    std::string published;
    for (const char* q = w; *q; ++q)
      if (std::isalnum(static_cast<unsigned char>(*q))) published += *q;
    if (published.size() >= 12 && squashed.find(published) != std::string::npos)
      return refuse("was published with this software; choose your own");
  }
  ZxcMatch_t* info = nullptr;
  double bits = ZxcvbnMatch(p.c_str(), dict.data(), &info);
  std::unique_ptr<ZxcMatch_t, decltype(&ZxcvbnFreeInfo)> owned(info, &ZxcvbnFreeInfo);
  if (bits < kMinGuessBits) return refuse(weakness(info));
  return {};
}

}  // namespace trellis::access
