// Each enum's words, as the API, the database and the demo spell them: one table per enum, read
// both ways, so a state is an enum in code and the same word everywhere else.
#pragma once
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace trellis {

template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

// An enum takes part by declaring, beside itself, `std::span<const EnumName<E>> names_of(E)`
// (found by argument-dependent lookup) over a constexpr table of its values and words.
template <typename E>
concept NamedEnum = std::is_enum_v<E> && requires(E e) {
  { names_of(e) } -> std::convertible_to<std::span<const EnumName<E>>>;
};

template <NamedEnum E>
constexpr std::string_view name_of(E e) {
  for (const auto& n : names_of(e))
    if (n.value == e) return n.name;
  return {};
}

template <NamedEnum E>
constexpr std::optional<E> parse_name(std::string_view word) {
  for (const auto& n : names_of(E{}))
    if (n.name == word) return n.value;
  return std::nullopt;
}

// The words in the table's order: a schema's enum, a list of choices.
template <NamedEnum E>
std::vector<std::string_view> all_names() {
  std::vector<std::string_view> out;
  for (const auto& n : names_of(E{})) out.push_back(n.name);
  return out;
}

}  // namespace trellis
