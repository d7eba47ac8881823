#include "core/json_writer.hpp"

#include <cmath>

#include <nlohmann/json.hpp>
#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace trellis {
namespace {

// Whether every byte of s belongs to a well-formed UTF-8 sequence; ASCII is checked first, as
// nearly all text is.
bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  if (i == s.size()) return true;
  struct Discard {
    void Put(char) {}
  } out;
  rapidjson::MemoryStream in(s.data() + i, s.size() - i);
  while (in.Tell() < s.size() - i)
    if (!rapidjson::UTF8<>::Validate(in, out)) return false;
  return true;
}

// s with each sequence that is not UTF-8 replaced by one U+FFFD: the byte that began it and any
// continuation bytes after it. What follows is kept, as nlohmann/json's dump kept it (a lead
// byte announcing more bytes than came must not swallow the next character).
std::string repaired(std::string_view s) {
  struct Discard {
    void Put(char) {}
  } sink;
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    rapidjson::MemoryStream in(s.data() + i, s.size() - i);
    if (rapidjson::UTF8<>::Validate(in, sink)) {
      out.append(s.data() + i, in.Tell());
      i += in.Tell();
      continue;
    }
    out += "\xEF\xBF\xBD";
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return out;
}

}  // namespace

struct JsonWriter::Impl {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer{buffer};

  void text(std::string_view s, bool as_key) {
    std::string fixed;
    if (!is_utf8(s)) {
      fixed = repaired(s);
      s = fixed;
    }
    auto n = static_cast<rapidjson::SizeType>(s.size());
    if (as_key)
      writer.Key(s.data(), n);
    else
      writer.String(s.data(), n);
  }
};

JsonWriter::JsonWriter() : impl_(std::make_unique<Impl>()) {}
JsonWriter::~JsonWriter() = default;
JsonWriter::JsonWriter(JsonWriter&&) noexcept = default;
JsonWriter& JsonWriter::operator=(JsonWriter&&) noexcept = default;

void JsonWriter::begin_object() {
  next_is_version_ = false;
  ++depth_;
  impl_->writer.StartObject();
}
void JsonWriter::end_object() {
  --depth_;
  impl_->writer.EndObject();
}
void JsonWriter::begin_array() {
  next_is_version_ = false;
  ++depth_;
  impl_->writer.StartArray();
}
void JsonWriter::end_array() {
  --depth_;
  impl_->writer.EndArray();
}

void JsonWriter::key(std::string_view k) {
  next_is_version_ = depth_ == 1 && k == "version";
  impl_->text(k, true);
}

void JsonWriter::value(std::string_view s) {
  next_is_version_ = false;
  impl_->text(s, false);
}
void JsonWriter::null() {
  next_is_version_ = false;
  impl_->writer.Null();
}
void JsonWriter::boolean(bool b) {
  next_is_version_ = false;
  impl_->writer.Bool(b);
}
void JsonWriter::integer(std::int64_t v) {
  if (next_is_version_) version_ = v;
  next_is_version_ = false;
  impl_->writer.Int64(v);
}
void JsonWriter::unsigned_integer(std::uint64_t v) {
  if (next_is_version_ && v <= static_cast<std::uint64_t>(INT64_MAX)) version_ = static_cast<std::int64_t>(v);
  next_is_version_ = false;
  impl_->writer.Uint64(v);
}
void JsonWriter::number(double v) {
  next_is_version_ = false;
  // JSON has no NaN or infinity; nlohmann/json wrote them as null, and so do we.
  if (std::isfinite(v))
    impl_->writer.Double(v);
  else
    impl_->writer.Null();
}

void JsonWriter::json_value(const nlohmann::json& j) {
  if (next_is_version_ && j.is_number_integer()) version_ = j.get<std::int64_t>();
  raw(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void JsonWriter::raw(std::string_view json_text) {
  next_is_version_ = false;
  impl_->writer.RawValue(json_text.data(), json_text.size(), rapidjson::kObjectType);
}

std::string JsonWriter::take() { return {impl_->buffer.GetString(), impl_->buffer.GetSize()}; }

}  // namespace trellis
