#include "core/json_input.hpp"

#include <limits>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/ids.hpp"

namespace trellis {

JsonReader::JsonReader() : obj_(std::make_unique<nlohmann::json>()) {}
JsonReader::JsonReader(JsonReader&&) noexcept = default;
JsonReader& JsonReader::operator=(JsonReader&&) noexcept = default;
JsonReader::~JsonReader() = default;

bool json_depth_within(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;  // the escaped character cannot end the string
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

bool is_blank_body(std::string_view body) { return body.find_first_not_of(" \t\r\n") == std::string_view::npos; }

Result<nlohmann::json> parse_json_body(std::string_view body) {
  auto parsed = TRY(parse_json_value(body));
  if (!parsed.is_object())
    return fail(ErrorKind::bad_request, "The request body must be a JSON object", "Send the fields inside { }.",
                "not_an_object");
  return parsed;
}

Result<nlohmann::json> parse_json_value(std::string_view body) {
  if (!json_depth_within(body))
    return fail(ErrorKind::bad_request, "The request body nests too deeply",
                "Send fields at most " + std::to_string(kMaxJsonDepth) + " lists or objects deep.", "json_too_deep");
  auto parsed = nlohmann::json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded())
    return fail(ErrorKind::bad_request, "The request body is not valid JSON",
                "Send a JSON object encoded as UTF-8, for example {\"name\": \"...\"}.", "malformed_json");
  return parsed;
}

Result<JsonReader> JsonReader::of(const nlohmann::json& body) {
  if (!body.is_object())
    return fail(ErrorKind::bad_request, "The request body must be a JSON object", "Send the fields inside { }.",
                "not_an_object");
  JsonReader r;
  *r.obj_ = body;
  return r;
}

void JsonReader::add_error(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message)});
}

const nlohmann::json* JsonReader::take(std::string_view name, Need need) {
  seen_.emplace(name);
  auto it = obj_->find(name);
  if (it == obj_->end() || it->is_null()) {
    if (need == Need::required) add_error(std::string(name), "is required");
    return nullptr;
  }
  return &*it;
}

namespace {
std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}
std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}
bool has_control(const std::string& s, bool multiline) {
  for (unsigned char c : s) {
    if (c == '\n' || c == '\t' || c == '\r') {
      if (!multiline) return true;
    } else if (c < 0x20 || c == 0x7F) {
      return true;
    }
  }
  return false;
}
}  // namespace

std::optional<std::string> JsonReader::text(std::string_view name, Need need, TextRule rule) {
  const auto* v = take(name, need);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    add_error(std::string(name), "must be text");
    return std::nullopt;
  }
  std::string s = rule.trim ? trimmed(v->get<std::string>()) : v->get<std::string>();
  auto len = utf8_length(s);
  if (len == 0 && need == Need::required) {
    add_error(std::string(name), "is required");
    return std::nullopt;
  }
  if (len < rule.min) {
    add_error(std::string(name), "must be at least " + std::to_string(rule.min) + " characters");
    return std::nullopt;
  }
  if (len > rule.max) {
    add_error(std::string(name), "must be at most " + std::to_string(rule.max) + " characters");
    return std::nullopt;
  }
  if (has_control(s, rule.multiline)) {
    add_error(std::string(name), rule.multiline ? "contains characters that cannot be shown" : "must be on one line");
    return std::nullopt;
  }
  return s;
}

bool valid_email(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at != s.rfind('@')) return false;
  auto domain = s.substr(at + 1);
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.')
    return false;
  for (char c : s)
    if (c == ' ' || static_cast<unsigned char>(c) < 0x21) return false;
  return s.size() <= 254;
}

std::optional<std::string> JsonReader::email(std::string_view name, Need need) {
  auto s = text(name, need, {.max = 254});
  if (!s) return std::nullopt;
  for (auto& c : *s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!valid_email(*s)) {
    add_error(std::string(name), "must be an email address, like name@example.org");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> JsonReader::id(std::string_view name, Need need) {
  const auto* v = take(name, need);
  if (!v) return std::nullopt;
  if (!v->is_string() || !looks_like_id(v->get_ref<const std::string&>())) {
    add_error(std::string(name), "must be an id as given by this API");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<bool> JsonReader::boolean(std::string_view name, Need need) {
  const auto* v = take(name, need);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    add_error(std::string(name), "must be true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::int64_t> JsonReader::integer(std::string_view name, Need need, std::int64_t min, std::int64_t max) {
  const auto* v = take(name, need);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    add_error(std::string(name), "must be a whole number");
    return std::nullopt;
  }
  auto n = whole_number_in(*v, min, max);
  if (!n) add_error(std::string(name), "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return n;
}

std::optional<std::int64_t> whole_number_in(const nlohmann::json& v, std::int64_t min, std::int64_t max) {
  if (v.is_number_unsigned()) {
    auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
  } else if (!v.is_number_integer()) {
    return std::nullopt;
  }
  auto n = v.get<std::int64_t>();
  if (n < min || n > max) return std::nullopt;
  return n;
}

std::optional<std::string> JsonReader::one_of(std::string_view name, Need need,
                                              std::span<const std::string_view> allowed) {
  const auto* v = take(name, need);
  if (!v) return std::nullopt;
  if (v->is_string()) {
    const auto& s = v->get_ref<const std::string&>();
    for (auto a : allowed)
      if (a == s) return s;
  }
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  add_error(std::string(name), "must be one of: " + list);
  return std::nullopt;
}

std::optional<std::vector<std::string>> JsonReader::id_list(std::string_view name, Need need, std::size_t max) {
  const auto* v = take(name, need);
  if (!v) return std::nullopt;
  if (!v->is_array() || v->size() > max) {
    add_error(std::string(name), "must be a list of at most " + std::to_string(max) + " ids");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto& item = (*v)[i];
    if (!item.is_string() || !looks_like_id(item.get_ref<const std::string&>())) {
      add_error(std::string(name) + "[" + std::to_string(i) + "]", "must be an id as given by this API");
      return std::nullopt;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<std::vector<std::string>> JsonReader::name_list(std::string_view name, Need need,
                                                              std::span<const std::string_view> allowed) {
  const auto* v = take(name, need);
  if (!v) return std::nullopt;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  if (!v->is_array()) {
    add_error(std::string(name), "must be a list of: " + list);
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : *v) {
    bool ok = item.is_string();
    if (ok) {
      ok = false;
      for (auto a : allowed) ok = ok || a == item.get_ref<const std::string&>();
    }
    if (!ok) {
      add_error(std::string(name), "may only contain: " + list);
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), item.get<std::string>()) == out.end()) out.push_back(item.get<std::string>());
  }
  return out;
}

Result<void> JsonReader::finish() {
  for (const auto& [key, _] : obj_->items())
    if (!seen_.contains(key)) add_error(key, "is not a field this request accepts");
  if (errors_.empty()) return {};
  return fail(invalid_fields(errors_));
}

}  // namespace trellis
