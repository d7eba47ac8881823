#include "partnerships/agreements/document_types.hpp"

#include <magic.h>

#include <memory>
#include <string>

namespace trellis::partnerships {
namespace {

// One cookie per call: libmagic's handles are not thread-safe, and uploads are rare.
std::string sniff(std::string_view bytes) {
  std::unique_ptr<magic_set, decltype(&magic_close)> m(magic_open(MAGIC_MIME_TYPE), &magic_close);
  if (!m || magic_load(m.get(), nullptr) != 0) return "";
  const char* type = magic_buffer(m.get(), bytes.data(), bytes.size());
  return type ? type : "";
}

}  // namespace

bool content_matches(std::string_view declared, std::string_view bytes) {
  auto found = sniff(bytes);
  if (found.empty()) return false;
  if (found == declared) return true;
  // Word files are zip archives; a small one may be named only "zip" by its signature, so look
  // for the part every Word document has.
  if (declared == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return found == "application/zip" && bytes.find("word/document.xml") != std::string_view::npos;
  // Older Word files are OLE compound documents, which libmagic may name by their container.
  if (declared == "application/msword") return found == "application/CDFV2" || found == "application/x-ole-storage";
  return false;
}

}  // namespace trellis::partnerships
