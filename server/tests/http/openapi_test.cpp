#include <set>

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

TEST_F(OpenApi, every_operation_has_a_unique_id_problem_responses_and_the_csrf_header_it_needs) {
  auto r = call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  std::set<std::string> ids;
  std::size_t with_csrf = 0;
  for (const auto& [path, ops] : r.body["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      ASSERT_TRUE(op.contains("operationId")) << method << " " << path;
      EXPECT_TRUE(ids.insert(op["operationId"].get<std::string>()).second) << op["operationId"];
      // Each response is an object with a description (an array here once made the document invalid).
      for (const auto& [code, resp] : op["responses"].items()) {
        ASSERT_TRUE(resp.is_object()) << code << " of " << method << " " << path;
        EXPECT_TRUE(resp.contains("description"));
      }
      EXPECT_EQ(op["responses"]["4XX"]["content"]["application/problem+json"]["schema"]["$ref"],
                "#/components/schemas/Problem");
      bool signed_in = !op["security"].empty();
      bool csrf = false;
      for (const auto& p : op.value("parameters", nlohmann::json::array()))
        csrf = csrf || p.value("$ref", "") == "#/components/parameters/CsrfToken";
      EXPECT_EQ(csrf, signed_in && method != "get") << method << " " << path;
      with_csrf += csrf;
    }
  }
  EXPECT_GT(with_csrf, 20u);
  EXPECT_EQ(r.body["components"]["securitySchemes"]["session"]["name"], config.session_cookie_name());
}

TEST_F(OpenApi, names_the_production_cookie_as_production_sets_it) {
  config.production = true;
  auto r = call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["components"]["securitySchemes"]["session"]["name"], "__Host-trellis_session");
}

}  // namespace
}  // namespace trellis::test
