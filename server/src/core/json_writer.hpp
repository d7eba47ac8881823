// How every answer's JSON is written: straight into the response text as the handler walks its
// records, with no tree of values between them (decision 0030). RapidJSON's writer does the
// writing; it stays out of this header so that only json_writer.cpp compiles it.
#pragma once
#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace trellis {

class JsonWriter;

// A type is written by a write_json(JsonWriter&, const T&) beside it, found by its namespace.
template <typename T>
concept WritesJson = requires(JsonWriter& w, const T& x) {
  write_json(w, x);
};

class JsonWriter {
 public:
  JsonWriter();
  ~JsonWriter();
  JsonWriter(JsonWriter&&) noexcept;
  JsonWriter& operator=(JsonWriter&&) noexcept;

  // {…} and […]: the body writes the members (key, value, …) or the items.
  template <typename F>
  void object(F&& body) {
    begin_object();
    body();
    end_object();
  }
  template <typename F>
  void array(F&& body) {
    begin_array();
    body();
    end_array();
  }

  void key(std::string_view k);
  template <typename T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

  // Text that is not valid UTF-8 is written with U+FFFD for each bad sequence, never as it is.
  void value(std::string_view s);
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(std::nullptr_t) { null(); }
  template <typename T>
  requires std::is_arithmetic_v<T>
  void value(T v) {
    if constexpr (std::is_same_v<T, bool>)
      boolean(v);
    else if constexpr (std::is_floating_point_v<T>)
      number(static_cast<double>(v));
    else if constexpr (std::is_signed_v<T>)
      integer(static_cast<std::int64_t>(v));
    else
      unsigned_integer(static_cast<std::uint64_t>(v));
  }
  template <typename T>
  void value(const std::optional<T>& v) {
    if (v)
      value(*v);
    else
      null();
  }
  template <typename T>
  void value(const std::vector<T>& xs) {
    array([&] {
      for (const auto& x : xs) value(x);
    });
  }
  template <WritesJson T>
  void value(const T& x) {
    write_json(*this, x);
  }
  void null();

  // A value held as a tree: documents built whole (the OpenAPI description, an HSDS record kept
  // as it came) and the odd small object.
  void json_value(const nlohmann::json& j);
  // JSON text already written, such as a stored document, placed as it is.
  void raw(std::string_view json_text);

  // The top-level object's "version", when it wrote one: what the answer's ETag says.
  std::optional<std::int64_t> version() const { return version_; }
  // The text written, once the writing is done.
  std::string take();

 private:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void boolean(bool b);
  void integer(std::int64_t v);
  void unsigned_integer(std::uint64_t v);
  void number(double v);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  int depth_ = 0;
  bool next_is_version_ = false;
  std::optional<std::int64_t> version_;
};

// One value as its JSON text.
template <typename T>
std::string json_text(const T& x) {
  JsonWriter w;
  w.value(x);
  return w.take();
}

}  // namespace trellis
