// Request bodies: the pipeline parses each body once, every route reads its fields through
// JsonReader, and a problem either finds is rendered as problem+json. The reads below use each of the reader's rules on
// the field names the seeds use, including the partner document upload's (name, contentType, base64 data).
#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_input.hpp"
#include "http/request.hpp"
#include "input.hpp"

using namespace trellis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = parse_json_body(fuzz::as_text(data, size));
  if (!body) {
    (void)http::Response::problem(body.error(), "fuzz");
    return 0;
  }
  auto in = JsonReader::of(*body);
  if (!in) {
    (void)http::Response::problem(in.error(), "fuzz");
    return 0;
  }
  static constexpr std::array<std::string_view, 4> kStatuses = {"draft", "active", "completed", "withdrawn"};
  static constexpr std::array<std::string_view, 3> kParts = {"profile", "plan", "goals"};
  in->text("name", Need::required, {.min = 1, .max = 200});
  in->text("contentType", Need::optional, {.max = 100});
  in->text("data", Need::optional, {.max = 1 << 20});
  in->text("notes", Need::optional, {.max = 4000, .multiline = true});
  in->text("raw", Need::optional, {.max = 50, .trim = false});
  in->email("email", Need::optional);
  in->id("personId", Need::optional);
  in->boolean("active", Need::optional);
  in->integer("rating", Need::optional, 0, 10);
  in->integer("waitWeeks", Need::optional, INT64_MIN, INT64_MAX);
  in->one_of("status", Need::optional, kStatuses);
  in->name_list("parts", Need::optional, kParts);
  in->id_list("teamIds", Need::optional, 5);
  if (const auto* items = in->raw("items", Need::optional); items && items->is_array())
    for (std::size_t i = 0; i < items->size() && i < 8; ++i)
      if (!(*items)[i].is_object()) in->add_error("items[" + std::to_string(i) + "]", "must be an object");
  auto done = in->finish();
  if (!done) (void)http::Response::problem(done.error(), "fuzz");
  return 0;
}
