// A synthetic organisation the size of a state's community mental health service, for the
// benchmark: the demo organisation, then thousands of staff in teams and a hundred thousand
// people with a year of records each. Deterministic for a seed.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "store/db.hpp"

namespace trellis::demo {

struct ScaleOptions {
  std::size_t people = 100000;
  std::size_t staff = 2000;      // practitioners and peer workers, twenty to a team
  std::size_t services = 50000;  // in the service directory
  std::uint64_t seed = 1;
};
// The benchmark's worker: a practitioner whose caseload is the largest, sixty people.
inline constexpr const char* kScaleWorkerEmail = "worker1@scale.example";

using ScaleProgress = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

// Refused when the database already holds an organisation.
Result<void> load_scale_data(store::Db& db, const Clock& clock, const std::string& password,
                             const ScaleOptions& options, const ScaleProgress& progress);

}  // namespace trellis::demo
