// The built web client, read into memory at start with a gzip copy of each file. Hashed
// assets are cached for a year; index.html is revalidated; unknown paths fall back to it so
// the client's own routes work on reload.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "http/request.hpp"

namespace trellis::http {

class StaticFiles {
 public:
  // Loads every file below root; an absent root leaves the set empty.
  explicit StaticFiles(const std::string& root);
  bool empty() const { return files_.empty(); }
  std::size_t size() const { return files_.size(); }
  // GET/HEAD of a non-API path: the file, index.html, or nullopt when no client is built.
  std::optional<Response> serve(const Request& req) const;

 private:
  struct File {
    std::string body, gzip, content_type, etag;
    bool immutable = false;
  };
  Response render(const File& f, const Request& req) const;
  std::map<std::string, File> files_;
};

}  // namespace trellis::http
