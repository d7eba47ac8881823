// The demo organisation's service directory: realistic Open Referral HSDS 3.0 organisations and
// services around Melbourne and regional Victoria, with categories, opening hours, languages and
// addresses. Deterministic for a given size, so demos and benchmarks see the same directory.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "partnerships/directory/hsds.hpp"

namespace trellis::demo {

struct DemoPlace {
  const char* suburb;
  const char* postcode;
  double latitude, longitude;
};
// The suburbs and towns the demo's services and people are in.
extern const std::vector<DemoPlace> kDemoPlaces;

inline constexpr std::size_t kDefaultDemoServices = 400;

// `services` services in organisations of one to six; the first two organisations are the demo
// partner agencies (Bayside Housing Support, Northside Employment Pathways).
std::vector<partnerships::HsdsRecord> demo_directory(std::size_t services);
// The HSDS id of the demo directory's i-th organisation.
std::string demo_organization_id(std::size_t i);

}  // namespace trellis::demo
