// The one way request bodies are read: parse a JSON object, take each field with its rule, and
// finish() reports every missing, mistyped or unknown field at once, named, as one 4xx.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace trellis {

enum class Need { required, optional };

struct TextRule {
  std::size_t min = 0;
  std::size_t max = 200;
  bool multiline = false;
  bool trim = true;
};

// The two shapes most text takes: a line (a name, a title) and a paragraph or more.
inline TextRule one_line(std::size_t max = 200) { return {.max = max}; }
inline TextRule paragraph(std::size_t max = 4000) { return {.max = max, .multiline = true}; }

// A request body as JSON: 400 when it is not JSON, nests deeper than kMaxJsonDepth, or is not an
// object. The one parser of bodies: the pipeline's, before a handler reads the fields.
Result<nlohmann::json> parse_json_body(std::string_view body);
// The same for a body whose schema decides its shape (a list of records, say): any JSON value.
Result<nlohmann::json> parse_json_value(std::string_view body);
// No body at all, or only white space: no fields, which every reader of bodies takes as {}.
bool is_blank_body(std::string_view body);

class JsonReader {
 public:
  // A body the pipeline already parsed (and checked against its schema); 400 when not an object.
  static Result<JsonReader> of(const nlohmann::json& body);
  JsonReader(JsonReader&&) noexcept;
  JsonReader& operator=(JsonReader&&) noexcept;
  ~JsonReader();

  std::optional<std::string> text(std::string_view name, Need need, TextRule rule = {});
  std::optional<std::string> email(std::string_view name, Need need);
  std::optional<std::string> id(std::string_view name, Need need);
  std::optional<bool> boolean(std::string_view name, Need need);
  std::optional<std::int64_t> integer(std::string_view name, Need need, std::int64_t min, std::int64_t max);
  std::optional<std::string> one_of(std::string_view name, Need need, std::span<const std::string_view> allowed);
  // A list of names, each one of `allowed`, without repeats.
  std::optional<std::vector<std::string>> name_list(std::string_view name, Need need,
                                                    std::span<const std::string_view> allowed);
  std::optional<std::vector<std::string>> id_list(std::string_view name, Need need, std::size_t max = 100);

  // A field read by the caller's own rules (lists of objects): marks it seen, reports it missing.
  const nlohmann::json* raw(std::string_view name, Need need) { return take(name, need); }

  // Everything collected: unknown fields and each field's problem, or success.
  Result<void> finish();
  void add_error(std::string field, std::string message);

 private:
  JsonReader();
  const nlohmann::json* take(std::string_view name, Need need);
  std::unique_ptr<nlohmann::json> obj_;
  std::set<std::string, std::less<>> seen_;
  std::vector<FieldError> errors_;
};

bool valid_email(std::string_view s);
// The value as a whole number when it is one within [min, max]; numbers too large for 64 bits and
// fractions are refused, never wrapped or rounded (4294967306 is not 10).
std::optional<std::int64_t> whole_number_in(const nlohmann::json& v, std::int64_t min, std::int64_t max);

// How deeply JSON from outside may nest: HSDS records, the deepest we take, nest about 14
// levels. Parsing is iterative, but copying, comparing and writing a document recurse once a
// level, so a megabyte of "[" would overflow the stack of whoever copied it.
inline constexpr std::size_t kMaxJsonDepth = 64;
// Whether the arrays and objects of `text` nest at most `max_depth` deep: a scan before parsing,
// for any reader of JSON from outside. Text that is not JSON passes and the parser refuses it.
bool json_depth_within(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

}  // namespace trellis
