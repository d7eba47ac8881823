// The fixture the directory tests share: a demo organisation, an administrator who imports and
// a practitioner who searches, and the shared HSDS examples.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "partnerships/directory/service.hpp"
#include "support.hpp"

#ifndef TRELLIS_SOURCE_DIR
#error "TRELLIS_SOURCE_DIR must name the repository, for the shared HSDS examples"
#endif

namespace trellis::test {

inline std::filesystem::path shared_hsds() {
  return std::filesystem::path(TRELLIS_SOURCE_DIR) / ".." / "shared" / "hsds";
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class Directory : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    admin = sign_in("administrator@demo.example");
    practitioner = sign_in("practitioner@demo.example");
  }
  // The names of the services a practitioner finds with this query string.
  std::vector<std::string> names(const std::string& query) {
    auto r = call("GET", "/api/v1/directory/services?" + query, &practitioner);
    EXPECT_EQ(r.status, 200) << r.raw.body;
    std::vector<std::string> out;
    for (const auto& s : r.body["items"]) out.push_back(s["name"]);
    return out;
  }
  // Starts an import as the web client does, waits for it to be applied on its own thread, and
  // gives back the finished import as the client would read it (or the refusal, when refused).
  Reply import(const std::string& body) {
    http::Request req;
    req.method = "POST";
    req.path = "/api/v1/directory/imports";
    req.headers = {{"cookie", admin.cookie}, {"x-csrf-token", admin.csrf}, {"host", "127.0.0.1:8080"}};
    req.body = body;
    auto started = call_raw(req);
    if (started.status != 202) return started;
    std::string id = started.body["id"];
    EXPECT_EQ(started.header("Location"), "/api/v1/directory/imports/" + id);
    runtime->partnerships.directory.wait_for_import(org_id(), id);
    auto done = call("GET", "/api/v1/directory/imports/" + id, &admin);
    EXPECT_EQ(done.body["state"], "applied") << done.raw.body;
    EXPECT_EQ(done.body["done"], done.body["total"]);
    return done;
  }
  Browser admin, practitioner;
};

}  // namespace trellis::test
