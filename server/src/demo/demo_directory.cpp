#include "demo/demo_directory.hpp"

#include <cstdio>
#include <random>

namespace trellis::demo {
namespace {

using nlohmann::json;

struct Category {
  const char* code;
  const char* name;
  const char* service;  // how a service of this kind is named
};
const Category kCategories[] = {
    {"counselling", "Counselling", "Counselling"},
    {"housing", "Housing and homelessness", "Housing Support"},
    {"peer_support", "Peer support", "Peer Support Group"},
    {"employment", "Work and study", "Employment Service"},
    {"food", "Food relief", "Food Relief"},
    {"legal", "Legal help", "Legal Advice"},
    {"family", "Family and parenting", "Family Support"},
    {"alcohol_drugs", "Alcohol and other drugs", "Alcohol and Drug Service"},
    {"recovery_college", "Recovery college", "Recovery College"},
    {"community_health", "Community health", "Community Health"},
    {"financial", "Money and financial counselling", "Financial Counselling"},
    {"youth", "Young people", "Youth Drop-in"},
    {"carers", "Carers and families", "Carer Support"},
    {"disability", "Disability support", "Disability Support"},
    {"creative", "Arts and creativity", "Art and Music Group"},
    {"physical_activity", "Physical activity", "Walking Group"},
    {"connection", "Community connection", "Men's and Women's Shed"},
    {"crisis", "Crisis support (24 hours)", "Crisis Line"},
};
const char* const kOrganisationKinds[] = {"Community Health", "Neighbourhood House", "Family Services",
                                          "Recovery Network", "Community Services",  "Health Service",
                                          "Youth Hub",        "Support Alliance"};
const char* const kLanguages[] = {"Vietnamese", "Mandarin", "Arabic",  "Greek",  "Italian",   "Somali",
                                  "Hindi",      "Dari",     "Spanish", "Auslan", "Cantonese", "Punjabi"};
const char* const kStreets[] = {"High Street",   "Station Street", "Church Street",  "Main Road",   "Victoria Street",
                                "Albert Street", "Hope Street",    "Railway Parade", "Park Avenue", "Queen Street"};
const char* const kExtras[] = {
    "Free, confidential, no referral needed.", "Bulk billed; bring your Medicare card if you have one.",
    "Drop in, or call to book a time.",        "Run by people with a lived experience of recovery.",
    "Interpreters are available at no cost.",  "Wheelchair accessible, with a quiet room."};
struct Pattern {
  const char* byday;  // empty: every day
  const char* opens;
  const char* closes;
};
const Pattern kPatterns[] = {
    {"MO,TU,WE,TH,FR", "09:00", "17:00"}, {"MO,WE,FR", "10:00", "15:00"}, {"TU,TH", "18:00", "21:00"},
    {"SA,SU", "09:00", "13:00"},          {"", "08:00", "20:00"},         {"MO,TU,WE,TH,FR", "08:30", "16:30"}};

// Deterministic ids: a type digit, then the index, shaped as a version 4 UUID.
std::string uuid(char type, std::size_t i) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%c%07zx-0000-4000-8000-%012zx", type, i & 0xfffffff, i);
  return buf;
}

// Uniform in [0, n) from the generator's raw output: the standard fixes mt19937_64's sequence,
// but not its distributions, so this keeps every machine's demo the same.
std::size_t below(std::mt19937_64& g, std::size_t n) { return static_cast<std::size_t>(g() % n); }
double unit(std::mt19937_64& g) { return static_cast<double>(g() >> 11) / 9007199254740992.0; }

json service_doc(std::mt19937_64& g, std::size_t i, const Category& kind, const DemoPlace& place) {
  json attributes = json::array({{{"id", uuid('a', i)},
                                  {"taxonomy_term",
                                   {{"id", uuid('b', static_cast<std::size_t>(&kind - kCategories))},
                                    {"code", kind.code},
                                    {"name", kind.name},
                                    {"description", kind.name},
                                    {"taxonomy", "Trellis demo categories"}}}}});
  json languages = json::array({{{"id", uuid('c', i * 2)}, {"name", "English"}, {"code", "en"}}});
  if (below(g, 3) == 0)
    languages.push_back({{"id", uuid('c', i * 2 + 1)}, {"name", kLanguages[below(g, std::size(kLanguages))]}});
  bool crisis = std::string_view(kind.code) == "crisis";
  const auto& pattern = crisis ? Pattern{"", "00:00", "00:00"} : kPatterns[below(g, std::size(kPatterns))];
  json schedule = {{"id", uuid('d', i)},
                   {"freq", *pattern.byday ? "WEEKLY" : "DAILY"},
                   {"opens_at", pattern.opens},
                   {"closes_at", pattern.closes}};
  if (*pattern.byday) schedule["byday"] = pattern.byday;
  json location = {
      {"id", uuid('e', i)},
      {"location_type", "physical"},
      {"name", std::string(place.suburb) + " " + kind.service},
      {"latitude", place.latitude + (unit(g) - 0.5) * 0.04},
      {"longitude", place.longitude + (unit(g) - 0.5) * 0.05},
      {"addresses",
       json::array({{{"id", uuid('f', i)},
                     {"address_1", std::to_string(1 + below(g, 300)) + " " + kStreets[below(g, std::size(kStreets))]},
                     {"city", place.suburb},
                     {"state_province", "VIC"},
                     {"postal_code", place.postcode},
                     {"country", "AU"},
                     {"address_type", "physical"}}})}};
  std::string name = std::string(place.suburb) + " " + kind.service;
  return {{"id", uuid('5', i)},
          {"name", name},
          {"description", std::string(kind.service) + " for people living in and around " + place.suburb + ". " +
                              kExtras[below(g, std::size(kExtras))]},
          {"status", below(g, 20) == 0 ? "temporarily closed" : "active"},
          {"attributes", attributes},
          {"languages", languages},
          {"schedules", json::array({schedule})},
          {"service_at_locations", json::array({{{"id", uuid('8', i)}, {"location", location}}})}};
}

}  // namespace

const std::vector<DemoPlace> kDemoPlaces = {
    {"Sandringham", "3191", -37.951, 145.004}, {"Northcote", "3070", -37.770, 144.999},
    {"Footscray", "3011", -37.800, 144.900},   {"Dandenong", "3175", -37.987, 145.215},
    {"Geelong", "3220", -38.147, 144.361},     {"Ballarat", "3350", -37.562, 143.850},
    {"Bendigo", "3550", -36.757, 144.279},     {"Frankston", "3199", -38.144, 145.126},
    {"Sunshine", "3020", -37.788, 144.833},    {"Box Hill", "3128", -37.819, 145.122},
    {"Preston", "3072", -37.745, 145.013},     {"Werribee", "3030", -37.900, 144.661},
    {"Ringwood", "3134", -37.814, 145.229},    {"Broadmeadows", "3047", -37.683, 144.919},
    {"Shepparton", "3630", -36.380, 145.399},  {"Warrnambool", "3280", -38.383, 142.482},
    {"St Kilda", "3182", -37.864, 144.982},    {"Brunswick", "3056", -37.767, 144.960},
    {"Richmond", "3121", -37.818, 145.001},    {"Melbourne", "3000", -37.814, 144.963},
};

std::string demo_organization_id(std::size_t i) { return uuid('1', i); }

std::vector<partnerships::HsdsRecord> demo_directory(std::size_t services) {
  std::mt19937_64 g(20261123);
  std::vector<partnerships::HsdsRecord> out;
  std::size_t made = 0;
  for (std::size_t o = 0; made < services; ++o) {
    const auto& place = o == 0 ? kDemoPlaces[0] : o == 1 ? kDemoPlaces[1] : kDemoPlaces[below(g, kDemoPlaces.size())];
    std::string name =
        o == 0   ? "Bayside Housing Support"
        : o == 1 ? "Northside Employment Pathways"
                 : std::string(place.suburb) + " " + kOrganisationKinds[below(g, std::size(kOrganisationKinds))];
    std::size_t count = std::min<std::size_t>(services - made, 1 + below(g, 6));
    json list = json::array();
    for (std::size_t k = 0; k < count; ++k, ++made) {
      const auto& kind = o == 0 && k == 0   ? kCategories[1]
                         : o == 1 && k == 0 ? kCategories[3]
                                            : kCategories[below(g, std::size(kCategories))];
      list.push_back(service_doc(g, made, kind, place));
    }
    json org = {{"id", demo_organization_id(o)},
                {"name", name},
                {"description", name + ": services for people and families in " + place.suburb + " and nearby."},
                {"website", "https://example.org/" + std::to_string(o)},
                {"services", list}};
    out.push_back({"organization", org["id"].get<std::string>(), std::move(org)});
  }
  return out;
}

}  // namespace trellis::demo
