#include "app/openapi.hpp"

#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "api/routes.hpp"
#include "core/schema.hpp"

namespace trellis::app {
namespace {

using nlohmann::json;

bool is_param(const std::string& seg) { return !seg.empty() && seg[0] == ':'; }

bool is_unsafe(const std::string& method) { return method != "GET" && method != "HEAD"; }

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "GET /api/v1/people/:id/goals" -> "getPeopleByIdGoals": unique because method and path are.
std::string operation_id(const api::Route& r) {
  std::string out = lower(r.method);
  auto capitalised = [](const std::string& word) {
    std::string w;
    bool up = true;
    for (char c : word) {
      if (c == '-' || c == '_' || c == '.') {
        up = true;
        continue;
      }
      w += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      up = false;
    }
    return w;
  };
  for (const auto& seg : r.segments) {
    if (seg == "api" || seg == "v1") continue;
    out += is_param(seg) ? "By" + capitalised(seg.substr(1)) : capitalised(seg);
  }
  return out;
}

json problem_response(const std::string& description) {
  json content = json::object();
  content["application/problem+json"] = {{"schema", {{"$ref", "#/components/schemas/Problem"}}}};
  return {{"description", description}, {"content", content}};
}

json schema_ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

// References inside server/schemas are "#/$defs/Name"; in the document they are components.
json as_component(const json& s) {
  if (s.is_object()) {
    json out = json::object();
    for (const auto& [k, v] : s.items()) {
      if (k == "$ref" && v.is_string() && v.get<std::string>().starts_with("#/$defs/"))
        out[k] = "#/components/schemas/" + v.get<std::string>().substr(8);
      else
        out[k] = as_component(v);
    }
    return out;
  }
  if (s.is_array()) {
    json out = json::array();
    for (const auto& v : s) out.push_back(as_component(v));
    return out;
  }
  return s;
}

std::string success_description(int status) {
  switch (status) {
    case 201:
      return "Created";
    case 202:
      return "Accepted: the work goes on after this answer";
    case 204:
      return "Done; nothing to answer with";
    default:
      return "Success";
  }
}

json success_response(const api::RouteDoc& doc) {
  json out = {{"description", success_description(doc.status)}};
  if (!doc.media.empty()) {
    out["content"][doc.media] = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
  } else if (!doc.response.empty()) {
    out["content"]["application/json"] = {{"schema", schema_ref(doc.response)}};
  }
  if (doc.versioning == api::Versioning::etag || doc.versioning == api::Versioning::if_match ||
      doc.versioning == api::Versioning::if_match_once_saved)
    out["headers"]["ETag"] = {{"description", "The record's version; send it back as If-Match to change it"},
                              {"schema", {{"type", "string"}}}};
  return out;
}

json operation(const api::Route& r) {
  json params = json::array();
  for (const auto& seg : r.segments)
    if (is_param(seg))
      params.push_back({{"name", seg.substr(1)}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  for (const auto& q : r.doc.query) {
    json p = {{"name", q.name}, {"in", "query"}, {"required", false}, {"schema", schema_ref(q.schema)}};
    if (!q.description.empty()) p["description"] = q.description;
    params.push_back(p);
  }
  bool signed_in = r.rule.kind != access::Rule::Kind::anyone;
  if (signed_in && is_unsafe(r.method)) params.push_back({{"$ref", "#/components/parameters/CsrfToken"}});
  if (r.doc.versioning == api::Versioning::if_match)
    params.push_back({{"$ref", "#/components/parameters/IfMatch"}});
  else if (r.doc.versioning == api::Versioning::if_match_once_saved)
    params.push_back({{"$ref", "#/components/parameters/IfMatchOnceSaved"}});

  json responses = json::object();
  responses[std::to_string(r.doc.status)] = success_response(r.doc);
  responses["4XX"] = problem_response("A problem the caller can fix; the problem names what to change");
  responses["5XX"] = problem_response("A fault on the server's side; nothing was changed");

  json op = json::object();
  op["operationId"] = operation_id(r);
  op["summary"] = r.doc.summary;
  op["description"] = r.doc.summary + ". Who may: " + access::describe(r.rule) + ".";
  op["tags"] = json::array({r.doc.tag});
  op["x-trellis-access"] = access::describe(r.rule);
  if (!params.empty()) op["parameters"] = params;
  if (!r.doc.request.empty()) {
    // A body that needs no field may be left out (the pipeline reads none as {}).
    const auto& defs = Schemas::embedded().definitions();
    bool needs_fields = defs.contains(r.doc.request) && !defs[r.doc.request].value("required", json::array()).empty();
    op["requestBody"] = {{"required", needs_fields || Schemas::embedded().takes_more_than_objects(r.doc.request)},
                         {"content", {{"application/json", {{"schema", schema_ref(r.doc.request)}}}}}};
  }
  op["responses"] = responses;
  op["security"] = signed_in ? json::array({{{"session", json::array()}}}) : json::array();
  return op;
}

}  // namespace

nlohmann::json openapi_document(const api::Routes& routes, const std::string& session_cookie_name) {
  json paths = json::object();
  std::set<std::string> tags;
  for (const auto& r : routes.routes()) {
    std::string path;
    for (const auto& seg : r.segments) path += "/" + (is_param(seg) ? "{" + seg.substr(1) + "}" : seg);
    if (path.empty()) path = "/";
    paths[path][lower(r.method)] = operation(r);
    tags.insert(r.doc.tag);
  }
  json tag_list = json::array();
  for (const auto& t : tags) tag_list.push_back({{"name", t}, {"description", "Operations about " + t}});

  json components = json::object();
  components["securitySchemes"] = {
      {"session",
       {{"type", "apiKey"},
        {"in", "cookie"},
        {"name", session_cookie_name},
        {"description", "The session cookie set by signing in (POST /api/v1/auth/login)"}}}};
  components["parameters"] = {
      {"CsrfToken",
       {{"name", "X-CSRF-Token"},
        {"in", "header"},
        {"required", true},
        {"description", "The csrfToken given at sign-in; every change a signed-in user makes sends it"},
        {"schema", {{"type", "string"}}}}},
      {"IfMatch",
       {{"name", "If-Match"},
        {"in", "header"},
        {"required", true},
        {"description", "The ETag of the version you read; a change to a newer version is refused (409)"},
        {"schema", {{"type", "string"}}}}},
      {"IfMatchOnceSaved",
       {{"name", "If-Match"},
        {"in", "header"},
        {"required", false},
        {"description", "The ETag of the version you read, once the record has been saved"},
        {"schema", {{"type", "string"}}}}}};
  components["schemas"] = as_component(Schemas::embedded().definitions());

  json info = {{"title", "Trellis API"},
               {"version", "1"},
               {"description",
                "Recovery-oriented mental health services. Changes made while signed in send the X-CSRF-Token "
                "header; every problem is application/problem+json."}};
  return {{"openapi", "3.1.0"},
          {"info", info},
          {"servers", json::array({{{"url", "/"}, {"description", "This server"}}})},
          {"tags", tag_list},
          {"paths", paths},
          {"components", components}};
}

}  // namespace trellis::app
