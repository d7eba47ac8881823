#include "core/text.hpp"

#include <array>
#include <utility>

namespace trellis {
namespace {

// UTF-8 Latin-1 Supplement and Latin Extended-A letters people's names use most, folded.
constexpr std::array<std::pair<std::string_view, char>, 62> kFolds = {{
    {"à", 'a'}, {"á", 'a'}, {"â", 'a'}, {"ã", 'a'}, {"ä", 'a'}, {"å", 'a'}, {"ā", 'a'}, {"ą", 'a'},
    {"À", 'a'}, {"Á", 'a'}, {"Â", 'a'}, {"Ã", 'a'}, {"Ä", 'a'}, {"Å", 'a'}, {"Ā", 'a'},
    {"ç", 'c'}, {"ć", 'c'}, {"č", 'c'}, {"Ç", 'c'}, {"Č", 'c'},
    {"è", 'e'}, {"é", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"ē", 'e'}, {"ę", 'e'}, {"È", 'e'}, {"É", 'e'}, {"Ê", 'e'}, {"Ë", 'e'}, {"Ē", 'e'},
    {"ì", 'i'}, {"í", 'i'}, {"î", 'i'}, {"ï", 'i'}, {"ī", 'i'}, {"Í", 'i'}, {"Î", 'i'}, {"Ï", 'i'},
    {"ñ", 'n'}, {"ń", 'n'}, {"Ñ", 'n'},
    {"ò", 'o'}, {"ó", 'o'}, {"ô", 'o'}, {"õ", 'o'}, {"ö", 'o'}, {"ø", 'o'}, {"ō", 'o'}, {"Ó", 'o'}, {"Ö", 'o'}, {"Ø", 'o'},
    {"ù", 'u'}, {"ú", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ū", 'u'}, {"Ú", 'u'}, {"Ü", 'u'},
    {"ý", 'y'}, {"ÿ", 'y'}, {"ž", 'z'},
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

}  // namespace trellis
