#include "core/schema.hpp"

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <map>
#include <optional>
#include <regex>
#include <set>
#include <stdexcept>

namespace trellis {
namespace {

using nlohmann::json;
constexpr std::string_view kRefPrefix = "#/$defs/";

// valijson checks `format` by compiling a std::regex for every value, and refuses null where a
// nullable field has one; `format` stays in the published document as documentation, and the
// `pattern` beside it is what is checked (decision 0022).
json without_formats(const json& s) {
  if (s.is_object()) {
    json out = json::object();
    for (const auto& [k, v] : s.items())
      if (k != "format") out[k] = without_formats(v);
    return out;
  }
  if (s.is_array()) {
    json out = json::array();
    for (const auto& v : s) out.push_back(without_formats(v));
    return out;
  }
  return s;
}

void collect_refs(const json& s, std::set<std::string>& out) {
  if (s.is_object()) {
    for (const auto& [k, v] : s.items()) {
      if (k == "$ref" && v.is_string())
        out.insert(v.get<std::string>());
      else
        collect_refs(v, out);
    }
  } else if (s.is_array()) {
    for (const auto& v : s) collect_refs(v, out);
  }
}

std::optional<std::string> pattern_without_max_length(const json& s, const std::string& path) {
  if (s.is_object()) {
    if (s.contains("pattern") && !s.contains("maxLength")) return path;
    for (const auto& [k, v] : s.items())
      if (auto found = pattern_without_max_length(v, path + "/" + k)) return found;
  } else if (s.is_array()) {
    for (std::size_t i = 0; i < s.size(); ++i)
      if (auto found = pattern_without_max_length(s[i], path + "/" + std::to_string(i))) return found;
  }
  return std::nullopt;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string join(const json& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + (v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

std::string child(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

// Words for what a value breaks, read from the schema that refused it. valijson judges; this
// only explains, field by field, so a person sees "must be at most 80 characters" rather than a
// validator's message about constraints.
class Explainer {
 public:
  explicit Explainer(const json& defs) : defs_(defs) {}

  void explain(const json& schema, const json& value, const std::string& path, std::vector<FieldError>& out) const {
    const json& s = resolve(schema);
    for (const char* key : {"anyOf", "oneOf"}) {
      if (auto it = s.find(key); it != s.end() && it->is_array()) {
        // The keywords beside the branches first (an object's own fields), then the branch the
        // value was meant for.
        auto before = out.size();
        if (s.size() > 1) {
          json rest = s;
          rest.erase(key);
          explain(rest, value, path, out);
        }
        if (out.size() == before) explain(branch_for(*it, value), value, path, out);
        return;
      }
    }
    if (!type_allows(s, value)) {
      out.push_back({path, value.is_null() ? "is required" : type_message(s)});
      return;
    }
    if (auto e = s.find("enum"); e != s.end() && std::find(e->begin(), e->end(), value) == e->end()) {
      out.push_back({path, "must be one of: " + join(*e)});
      return;
    }
    if (value.is_string())
      explain_text(s, value.get<std::string>(), path, out);
    else if (value.is_number())
      explain_number(s, value, path, out);
    else if (value.is_array())
      explain_list(s, value, path, out);
    else if (value.is_object())
      explain_object(s, value, path, out);
  }

 private:
  const json& resolve(const json& s) const {
    const json* at = &s;
    for (int hops = 0; hops < 16 && at->is_object() && at->contains("$ref"); ++hops) {
      auto ref = (*at)["$ref"].get<std::string>();
      at = &defs_.at(ref.substr(kRefPrefix.size()));
    }
    return *at;
  }

  static bool is_type(const std::string& type, const json& v) {
    if (type == "string") return v.is_string();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    if (type == "boolean") return v.is_boolean();
    if (type == "array") return v.is_array();
    if (type == "object") return v.is_object();
    if (type == "null") return v.is_null();
    return false;
  }

  static bool type_allows(const json& s, const json& v) {
    auto t = s.find("type");
    if (t == s.end()) return true;
    if (t->is_string()) return is_type(t->get<std::string>(), v);
    for (const auto& one : *t)
      if (is_type(one.get<std::string>(), v)) return true;
    return false;
  }

  // The branch a value was meant for: the first whose type admits it, else the first not null.
  const json& branch_for(const json& branches, const json& value) const {
    for (const auto& b : branches)
      if (type_allows(resolve(b), value) && !(value.is_null() && !resolve(b).contains("type"))) return b;
    for (const auto& b : branches)
      if (!(resolve(b).value("type", json()) == "null")) return b;
    return branches.front();
  }

  static std::string type_message(const json& s) {
    if (auto m = s.find("x-message"); m != s.end()) return m->get<std::string>();
    std::string type;
    auto t = s.find("type");
    if (t != s.end() && t->is_string())
      type = t->get<std::string>();
    else if (t != s.end())
      for (const auto& one : *t)
        if (one != "null") type = one.get<std::string>();
    if (type == "string") return "must be text";
    if (type == "integer") return "must be a whole number";
    if (type == "number") return "must be a number";
    if (type == "boolean") return "must be true or false";
    if (type == "array") return "must be a list";
    if (type == "object") return "must be an object with fields";
    return "is not a value this field takes";
  }

  // Only on the way to explaining a refusal, so compiling the expression here costs nothing
  // on the path every valid body takes.
  static bool matches(const json& pattern, const std::string& v) {
    try {
      return std::regex_search(v, std::regex(pattern.get<std::string>()));
    } catch (const std::regex_error&) {
      return false;
    }
  }

  static void explain_text(const json& s, const std::string& v, const std::string& path, std::vector<FieldError>& out) {
    auto n = code_points(v);
    if (auto min = s.find("minLength"); min != s.end() && n < min->get<std::size_t>()) {
      out.push_back({path, n == 0 ? "is required"
                                  : "must be at least " + std::to_string(min->get<std::size_t>()) + " characters"});
    } else if (auto max = s.find("maxLength"); max != s.end() && n > max->get<std::size_t>()) {
      out.push_back({path, "must be at most " + std::to_string(max->get<std::size_t>()) + " characters"});
    } else if (auto pattern = s.find("pattern"); pattern != s.end() && !matches(*pattern, v)) {
      out.push_back({path, s.value("x-message", std::string("is not in the form this field takes"))});
    }
  }

  static void explain_number(const json& s, const json& v, const std::string& path, std::vector<FieldError>& out) {
    auto min = s.find("minimum");
    auto max = s.find("maximum");
    bool low = min != s.end() && v < *min;
    bool high = max != s.end() && v > *max;
    if (!low && !high) return;
    if (min != s.end() && max != s.end())
      out.push_back({path, "must be between " + min->dump() + " and " + max->dump()});
    else if (low)
      out.push_back({path, "must be at least " + min->dump()});
    else
      out.push_back({path, "must be at most " + max->dump()});
  }

  void explain_list(const json& s, const json& v, const std::string& path, std::vector<FieldError>& out) const {
    if (auto max = s.find("maxItems"); max != s.end() && v.size() > max->get<std::size_t>()) {
      out.push_back({path, "must be a list of at most " + max->dump() + " items"});
      return;
    }
    if (auto min = s.find("minItems"); min != s.end() && v.size() < min->get<std::size_t>()) {
      out.push_back({path, min->get<std::size_t>() == 1 ? "must have at least one item"
                                                        : "must have at least " + min->dump() + " items"});
      return;
    }
    if (s.value("uniqueItems", false)) {
      for (std::size_t i = 0; i < v.size(); ++i)
        for (std::size_t j = i + 1; j < v.size(); ++j)
          if (v[i] == v[j]) {
            out.push_back({path, "must not list the same item twice"});
            return;
          }
    }
    if (auto items = s.find("items"); items != s.end())
      for (std::size_t i = 0; i < v.size(); ++i) explain(*items, v[i], path + "[" + std::to_string(i) + "]", out);
  }

  void explain_object(const json& s, const json& v, const std::string& path, std::vector<FieldError>& out) const {
    static const json kNone = json::object();
    const json& props = s.contains("properties") ? s["properties"] : kNone;
    if (auto req = s.find("required"); req != s.end())
      for (const auto& name : *req) {
        auto key = name.get<std::string>();
        if (!v.contains(key)) out.push_back({child(path, key), "is required"});
      }
    for (const auto& [key, value] : v.items()) {
      if (auto p = props.find(key); p != props.end())
        explain(*p, value, child(path, key), out);
      else if (auto extra = s.find("additionalProperties"); extra != s.end()) {
        if (*extra == false)
          out.push_back({child(path, key), "is not a field this request accepts"});
        else if (extra->is_object())
          explain(*extra, value, child(path, key), out);
      }
    }
  }

  const json& defs_;
};

// Whether a schema admits only objects at its root: "type": "object", or every branch of an
// anyOf/oneOf does. Read from the schema, not from trying values against it.
bool objects_only(const json& defs, const json& s, int depth = 0) {
  if (depth > 16) return false;
  if (auto ref = s.find("$ref"); ref != s.end())
    return objects_only(defs, defs.at(ref->get<std::string>().substr(kRefPrefix.size())), depth + 1);
  if (auto t = s.find("type"); t != s.end()) return *t == "object";
  for (const char* key : {"anyOf", "oneOf"})
    if (auto branches = s.find(key); branches != s.end() && branches->is_array() && !branches->empty()) {
      for (const auto& b : *branches)
        if (!objects_only(defs, b, depth + 1)) return false;
      return true;
    }
  return false;
}

}  // namespace

struct Schemas::Impl {
  json defs = json::object();
  std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> compiled;
  std::set<std::string, std::less<>> takes_more_than_objects;
};

Result<Schemas> Schemas::load(const std::vector<SchemaFile>& files) {
  auto bad = [](const std::string& what) {
    return fail(ErrorKind::internal, "The API's schemas are not usable", what, "schema_invalid");
  };
  auto impl = std::make_shared<Impl>();
  for (const auto& f : files) {
    auto doc = json::parse(f.text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return bad(std::string(f.path) + " is not valid JSON");
    if (!doc.is_object() || !doc.contains("$defs") || !doc["$defs"].is_object())
      return bad(std::string(f.path) + " must be an object with \"$defs\"");
    for (const auto& [name, schema] : doc["$defs"].items()) {
      if (impl->defs.contains(name)) return bad("the schema " + name + " is defined twice (again in " + f.path + ")");
      impl->defs[name] = schema;
    }
  }
  if (auto where = pattern_without_max_length(impl->defs, ""))
    return bad("the pattern at " + *where +
               " has no maxLength beside it; give it one, so no pattern ever runs over "
               "an overlong value");
  std::set<std::string> refs;
  collect_refs(impl->defs, refs);
  for (const auto& ref : refs)
    if (!ref.starts_with(kRefPrefix) || !impl->defs.contains(ref.substr(kRefPrefix.size())))
      return bad("a schema refers to " + ref + ", which no file under server/schemas defines");

  // One document holds every definition; each is compiled as that document with its own "$ref"
  // at the root, so references resolve within it.
  json root = {{"$defs", without_formats(impl->defs)}};
  for (const auto& [name, _] : impl->defs.items()) {
    root["$ref"] = std::string(kRefPrefix) + name;
    auto compiled = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    try {
      parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(root), *compiled);
    } catch (const std::exception& ex) {
      return bad("the schema " + name + " cannot be compiled: " + ex.what());
    }
    impl->compiled.emplace(name, std::move(compiled));
    if (!objects_only(impl->defs, impl->defs[name])) impl->takes_more_than_objects.insert(name);
  }
  Schemas out;
  out.impl_ = std::move(impl);
  return out;
}

const Schemas& Schemas::embedded() {
  static const Schemas schemas = [] {
    auto loaded = load(embedded_schema_files());
    if (!loaded) throw std::runtime_error(loaded.error().title + ": " + loaded.error().detail);
    return std::move(*loaded);
  }();
  return schemas;
}

bool Schemas::has(std::string_view name) const { return impl_->compiled.find(name) != impl_->compiled.end(); }

const nlohmann::json& Schemas::definitions() const { return impl_->defs; }

bool Schemas::takes_more_than_objects(std::string_view name) const {
  return impl_->takes_more_than_objects.contains(std::string(name));
}

std::vector<FieldError> Schemas::check(std::string_view name, const nlohmann::json& value) const {
  auto it = impl_->compiled.find(name);
  if (it == impl_->compiled.end()) return {{"", "has no schema named " + std::string(name)}};
  // The validator caches the regular expressions it compiles, and is not safe to share.
  thread_local valijson::Validator validator;
  // First without results: valijson then stops at a value's first broken rule, and maxLength
  // comes before pattern, so no regular expression ever runs over an overlong string (with
  // results it checks every rule, and libstdc++'s matcher recurses once a character: a megabyte
  // of text would overflow the stack). load() holds every pattern to a maxLength.
  if (validator.validate(*it->second, valijson::adapters::NlohmannJsonAdapter(value), nullptr)) return {};

  std::vector<FieldError> out;
  Explainer(impl_->defs).explain(impl_->defs.at(std::string(name)), value, "", out);
  if (out.empty()) {
    valijson::ValidationResults results;
    validator.validate(*it->second, valijson::adapters::NlohmannJsonAdapter(value), &results);
    // Something the explainer has no words for: the validator's own, at its deepest path.
    // valijson names a path as ["<root>", "[ratings]", "[0]", "[comment]"]: written here as
    // ratings[0].comment, like every other field this API names.
    valijson::ValidationResults::Error e;
    std::size_t deepest = 0;
    while (results.popError(e)) {
      if (!out.empty() && e.context.size() <= deepest) continue;
      std::string path;
      for (std::size_t i = 1; i < e.context.size(); ++i) {
        auto part = e.context[i].substr(1, e.context[i].size() - 2);
        bool index = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
        path += index ? "[" + part + "]" : (path.empty() ? part : "." + part);
      }
      deepest = e.context.size();
      out = {{path, e.description}};
    }
  }
  return out;
}

}  // namespace trellis
