// What every response renderer needs beyond nlohmann/json itself: an absent value as null.
#pragma once
#include <optional>

#include <nlohmann/json.hpp>

namespace trellis {

template <typename T>
nlohmann::json or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace trellis
