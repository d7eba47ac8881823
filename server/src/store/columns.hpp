// One column table per record: each column's name beside the member it holds. The table builds
// the select list, the insert's names and placeholders, an update's assignments, the values to
// bind and the row mapping, so a column is named once and never found by its position.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/enum_names.hpp"
#include "store/db.hpp"

namespace trellis::store {

// How a member's type goes into a column and comes back out of a row.
template <typename V>
struct ColumnType;

template <>
struct ColumnType<std::string> {
  static Value to(const std::string& v) { return v; }
  static void from(const Row& r, std::size_t i, std::string& v) { v = r.text(i); }
};
template <>
struct ColumnType<std::optional<std::string>> {
  static Value to(const std::optional<std::string>& v) { return v; }
  static void from(const Row& r, std::size_t i, std::optional<std::string>& v) { v = r.opt_text(i); }
};
template <>
struct ColumnType<std::int64_t> {
  static Value to(std::int64_t v) { return v; }
  static void from(const Row& r, std::size_t i, std::int64_t& v) { v = r.integer(i); }
};
template <>
struct ColumnType<int> {
  static Value to(int v) { return v; }
  static void from(const Row& r, std::size_t i, int& v) { v = static_cast<int>(r.integer(i)); }
};
template <>
struct ColumnType<std::optional<int>> {
  static Value to(const std::optional<int>& v) { return v ? Value(*v) : Value(); }
  static void from(const Row& r, std::size_t i, std::optional<int>& v) {
    v = r.is_null(i) ? std::nullopt : std::optional<int>(static_cast<int>(r.integer(i)));
  }
};
template <>
struct ColumnType<std::optional<std::int64_t>> {
  static Value to(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
  static void from(const Row& r, std::size_t i, std::optional<std::int64_t>& v) {
    v = r.is_null(i) ? std::nullopt : std::optional<std::int64_t>(r.integer(i));
  }
};
template <>
struct ColumnType<bool> {
  static Value to(bool v) { return v; }
  static void from(const Row& r, std::size_t i, bool& v) { v = r.boolean(i); }
};
// A state or other named enum is stored as its word (core/enum_names.hpp).
template <NamedEnum E>
struct ColumnType<E> {
  static Value to(E v) { return name_of(v); }
  static void from(const Row& r, std::size_t i, E& v) { v = parse_name<E>(r.text(i)).value_or(E{}); }
};

// When a column is written: always; only when the row is made (its key, who it belongs to); or
// never by the record (version, which the statement itself sets and raises).
enum class Written { always, on_insert, never };

template <typename T>
struct Column {
  std::string_view name;
  Value (*to)(const T&);
  void (*from)(T&, const Row&, std::size_t);
  Written written = Written::always;
};

namespace detail {
template <typename M>
struct MemberOf;
template <typename C, typename V>
struct MemberOf<V C::*> {
  using Record = C;
  using Type = V;
};
}  // namespace detail

// A column that holds one member as it is: column<&Partner::name>("name").
template <auto Member>
constexpr auto column(std::string_view name, Written written = Written::always) {
  using Record = typename detail::MemberOf<decltype(Member)>::Record;
  using Type = typename detail::MemberOf<decltype(Member)>::Type;
  return Column<Record>{name, [](const Record& t) -> Value { return ColumnType<Type>::to(t.*Member); },
                        [](Record& t, const Row& r, std::size_t i) { ColumnType<Type>::from(r, i, t.*Member); },
                        written};
}

template <typename T>
class Columns {
 public:
  Columns(std::initializer_list<Column<T>> columns) : columns_(columns) {
    for (const auto& c : columns_) {
      append(select_, c.name);
      if (c.written == Written::never) continue;
      append(insert_names_, c.name);
      append(insert_placeholders_, "?");
      if (c.written == Written::always) append(assignments_, std::string(c.name) + " = ?");
    }
  }

  // "id, name, …" in the table's order, the order read() expects.
  const std::string& select_list() const { return select_; }
  // The same with each name qualified: select_list("p") is "p.id, p.name, …".
  std::string select_list(std::string_view alias) const {
    std::string out;
    for (const auto& c : columns_) append(out, std::string(alias) + "." + std::string(c.name));
    return out;
  }
  // The columns an insert writes, and as many placeholders.
  const std::string& insert_names() const { return insert_names_; }
  const std::string& insert_placeholders() const { return insert_placeholders_; }
  // "name = ?, status = ?, …": the columns an update writes (not the key, not the version).
  const std::string& assignments() const { return assignments_; }

  // Appends the values an insert binds, in insert_names() order.
  void insert_values(const T& t, Params& out) const { bind(t, out, true); }
  // Appends the values an update binds, in assignments() order.
  void update_values(const T& t, Params& out) const { bind(t, out, false); }

  // Reads a record from a row whose columns, from `first` on, are select_list()'s.
  T read(const Row& r, std::size_t first = 0) const {
    T t{};
    read_into(t, r, first);
    return t;
  }
  void read_into(T& t, const Row& r, std::size_t first = 0) const {
    for (std::size_t i = 0; i < columns_.size(); ++i) columns_[i].from(t, r, first + i);
  }
  std::size_t size() const { return columns_.size(); }

 private:
  static void append(std::string& list, std::string_view item) {
    if (!list.empty()) list += ", ";
    list += item;
  }
  void bind(const T& t, Params& out, bool inserting) const {
    for (const auto& c : columns_)
      if (c.written == Written::always || (inserting && c.written == Written::on_insert)) out.push_back(c.to(t));
  }

  std::vector<Column<T>> columns_;
  std::string select_, insert_names_, insert_placeholders_, assignments_;
};

}  // namespace trellis::store
