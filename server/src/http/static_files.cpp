#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/ids.hpp"
#include "http/gzip.hpp"

namespace trellis::http {
namespace {

std::string content_type_for(const std::string& ext) {
  static const std::map<std::string, std::string> types = {{".html", "text/html; charset=utf-8"},
                                                           {".js", "text/javascript; charset=utf-8"},
                                                           {".css", "text/css; charset=utf-8"},
                                                           {".json", "application/json"},
                                                           {".svg", "image/svg+xml"},
                                                           {".png", "image/png"},
                                                           {".ico", "image/x-icon"},
                                                           {".woff2", "font/woff2"},
                                                           {".txt", "text/plain; charset=utf-8"},
                                                           {".webmanifest", "application/manifest+json"},
                                                           {".map", "application/json"}};
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return;
  for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    File f;
    f.body = ss.str();
    f.content_type = content_type_for(entry.path().extension().string());
    f.etag = "\"" + sha256_hex(f.body).substr(0, 16) + "\"";
    auto rel = "/" + fs::relative(entry.path(), root).generic_string();
    // Vite puts content-hashed files under /assets/: they never change, so cache them for good.
    f.immutable = rel.starts_with("/assets/");
    if (f.body.size() > 512 &&
        (f.content_type.starts_with("text/") || f.content_type.find("json") != std::string::npos ||
         f.content_type.find("svg") != std::string::npos)) {
      if (auto gz = gzip_compress(f.body, 9); gz && gz->size() < f.body.size()) f.gzip = std::move(*gz);
    }
    files_.emplace(rel, std::move(f));
  }
}

Response StaticFiles::render(const File& f, const Request& req) const {
  Response r;
  r.content_type = f.content_type;
  r.header("ETag", f.etag);
  r.header("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.header("Vary", "Accept-Encoding");
  if (req.header("if-none-match") == f.etag) {
    r.status = 304;
    return r;
  }
  if (!f.gzip.empty() && accepts_gzip(req.header("accept-encoding"))) {
    r.body = f.gzip;
    r.header("Content-Encoding", "gzip");
  } else {
    r.body = f.body;
  }
  return r;
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
  if (files_.empty()) return std::nullopt;
  auto path = req.path == "/" ? std::string("/index.html") : req.path;
  if (path.find("..") == std::string::npos) {
    if (auto it = files_.find(path); it != files_.end()) return render(it->second, req);
  }
  // A missing hashed asset is a real 404, not the app shell.
  if (path.starts_with("/assets/")) return std::nullopt;
  auto index = files_.find("/index.html");
  if (index == files_.end()) return std::nullopt;
  return render(index->second, req);
}

}  // namespace trellis::http
