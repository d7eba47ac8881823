#include "support.hpp"

namespace trellis::test {
namespace {

class OpenApi : public TrellisTest {};

TEST_F(OpenApi, the_served_document_lists_every_route_with_its_access_rule) {
  auto r = call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["openapi"], "3.1.0");
  std::size_t listed = 0;
  for (const auto& route : app->routes().routes()) {
    std::string path;
    for (const auto& s : route.segments) path += "/" + (s[0] == ':' ? "{" + s.substr(1) + "}" : s);
    std::string method = route.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    ASSERT_TRUE(r.body["paths"].contains(path)) << path;
    ASSERT_TRUE(r.body["paths"][path].contains(method)) << method << " " << path;
    EXPECT_FALSE(r.body["paths"][path][method]["x-trellis-access"].get<std::string>().empty());
    EXPECT_FALSE(r.body["paths"][path][method]["summary"].get<std::string>().empty());
    ++listed;
  }
  std::size_t in_doc = 0;
  for (const auto& [_, ops] : r.body["paths"].items()) in_doc += ops.size();
  EXPECT_EQ(in_doc, listed);
  EXPECT_GT(listed, 20u);
}

}  // namespace
}  // namespace trellis::test
