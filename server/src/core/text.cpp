#include "core/text.hpp"

#include <array>
#include <utility>

namespace trellis {
namespace {

// UTF-8 Latin-1 Supplement and Latin Extended-A letters people's names use most, folded.
constexpr std::array<std::pair<std::string_view, char>, 62> kFolds = {{
    {"à", 'a'}, {"á", 'a'}, {"â", 'a'}, {"ã", 'a'}, {"ä", 'a'}, {"å", 'a'}, {"ā", 'a'}, {"ą", 'a'}, {"À", 'a'},
    {"Á", 'a'}, {"Â", 'a'}, {"Ã", 'a'}, {"Ä", 'a'}, {"Å", 'a'}, {"Ā", 'a'}, {"ç", 'c'}, {"ć", 'c'}, {"č", 'c'},
    {"Ç", 'c'}, {"Č", 'c'}, {"è", 'e'}, {"é", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"ē", 'e'}, {"ę", 'e'}, {"È", 'e'},
    {"É", 'e'}, {"Ê", 'e'}, {"Ë", 'e'}, {"Ē", 'e'}, {"ì", 'i'}, {"í", 'i'}, {"î", 'i'}, {"ï", 'i'}, {"ī", 'i'},
    {"Í", 'i'}, {"Î", 'i'}, {"Ï", 'i'}, {"ñ", 'n'}, {"ń", 'n'}, {"Ñ", 'n'}, {"ò", 'o'}, {"ó", 'o'}, {"ô", 'o'},
    {"õ", 'o'}, {"ö", 'o'}, {"ø", 'o'}, {"ō", 'o'}, {"Ó", 'o'}, {"Ö", 'o'}, {"Ø", 'o'}, {"ù", 'u'}, {"ú", 'u'},
    {"û", 'u'}, {"ü", 'u'}, {"ū", 'u'}, {"Ú", 'u'}, {"Ü", 'u'}, {"ý", 'y'}, {"ÿ", 'y'}, {"ž", 'z'},
}};

}  // namespace

std::string fold_for_search(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      char ch = static_cast<char>(std::tolower(c));
      bool space = ch == ' ' || ch == '\t' || ch == '\n';
      if (space) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += ch;
      }
      ++i;
      continue;
    }
    std::size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
    auto ch = s.substr(i, len);
    bool folded = false;
    for (const auto& [from, to] : kFolds) {
      if (from == ch) {
        out += to;
        folded = true;
        break;
      }
    }
    if (!folded) out += ch;  // other scripts are kept as they are
    i += len;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte; later ones are always 80..BF
    if (c >= 0xC2 && c <= 0xDF)
      len = 2;
    else if (c == 0xE0)
      len = 3, lo = 0xA0;  // below is overlong
    else if (c == 0xED)
      len = 3, hi = 0x9F;  // above are the surrogates
    else if (c >= 0xE1 && c <= 0xEF)
      len = 3;
    else if (c == 0xF0)
      len = 4, lo = 0x90;  // below is overlong
    else if (c == 0xF4)
      len = 4, hi = 0x8F;  // above is past U+10FFFF
    else if (c >= 0xF1 && c <= 0xF3)
      len = 4;
    else
      return false;  // 80..C1 and F5..FF never start a character
    if (i + len > s.size()) return false;
    auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return false;
    for (std::size_t k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

}  // namespace trellis
