#include "partnerships/directory/hsds.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/csv.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"

namespace trellis::partnerships {

bool is_uuid(const nlohmann::json& v) {
  if (!v.is_string()) return false;
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}
namespace {

using nlohmann::json;

std::string kind_of(const json& d) {
  if (d.contains("location_type")) return "location";
  if (d.contains("service") && d["service"].is_object()) return "service_at_location";
  if (!d.contains("services"))
    for (const char* key : {"status", "service_areas", "service_at_locations", "eligibility_description",
                            "application_process", "fees_description", "interpretation_services"})
      if (d.contains(key)) return "service";
  if (d.contains("taxonomy") || d.contains("term_uri") || d.contains("taxonomy_detail")) return "taxonomy_term";
  if (d.contains("services") || d.contains("legal_status") || d.contains("website") || d.contains("year_incorporated"))
    return "organization";
  return "";
}

// HSDS sets no lengths; these keep one record from filling every list a person reads (a 1 MB
// name once made every directory page a megabyte).
constexpr std::size_t kMaxNameBytes = 500;
constexpr std::size_t kMaxTextBytes = 20'000;

std::string too_long_in(const json& v, const std::string& field) {
  if (v.is_string()) {
    auto limit = field == "name" || field == "alternate_name" ? kMaxNameBytes : kMaxTextBytes;
    if (v.get_ref<const std::string&>().size() > limit)
      return field + " is longer than " + std::to_string(limit) + " characters";
  } else if (v.is_object()) {
    for (const auto& [k, x] : v.items())
      if (auto p = too_long_in(x, k); !p.empty()) return p;
  } else if (v.is_array()) {
    for (const auto& x : v)
      if (auto p = too_long_in(x, field); !p.empty()) return p;
  }
  return "";
}

// Degrees in millionths, for a real coordinate only: distance search does integer arithmetic
// on them, so a longitude of 288 (or 1e300, which llround cannot even hold) is not indexed.
// The record is still accepted and kept whole: HSDS's own examples use 100 as a placeholder.
std::optional<std::int64_t> micro_degrees(const json& d, const char* field, double limit) {
  if (!d.contains(field) || !d[field].is_number()) return std::nullopt;
  double degrees = d[field].get<double>();
  if (!(degrees >= -limit && degrees <= limit)) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(degrees * 1e6));
}

// What HSDS 3.0 requires of each kind (the "required" lists of its schemas), and a few types.
std::string problem_with(const std::string& kind, const json& d) {
  if (!d.is_object()) return "is not a JSON object";
  if (auto p = too_long_in(d, ""); !p.empty()) return p;
  if (!d.contains("id")) return "has no id";
  if (!is_uuid(d["id"])) return "id must be a UUID like 1f0b3e2a-6c1d-4c8e-9a57-3b2f6a1d9e40";
  auto need_text = [&](const char* field) -> std::string {
    if (!d.contains(field) || !d[field].is_string() || d[field].get_ref<const std::string&>().empty())
      return std::string("needs ") + field + " (text)";
    return "";
  };
  std::string p;
  if (kind == "organization") {
    if (!(p = need_text("name")).empty() || !(p = need_text("description")).empty()) return p;
    if (d.contains("services")) {
      if (!d["services"].is_array()) return "services must be a list";
      for (const auto& s : d["services"])
        if (auto q = problem_with("service", s); !q.empty()) return "a service in it " + q;
    }
  } else if (kind == "service") {
    if (!(p = need_text("name")).empty() || !(p = need_text("status")).empty()) return p;
    static const std::string statuses[] = {"active", "inactive", "defunct", "temporarily closed"};
    if (std::find(std::begin(statuses), std::end(statuses), d["status"].get<std::string>()) == std::end(statuses))
      return "status must be one of: active, inactive, defunct, temporarily closed";
  } else if (kind == "location") {
    if (!(p = need_text("location_type")).empty()) return p;
    for (const char* f : {"latitude", "longitude"})
      if (d.contains(f) && !d[f].is_null() && !d[f].is_number()) return std::string(f) + " must be a number";
  } else if (kind == "service_at_location") {
    if (d.contains("service") && d["service"].is_object())
      if (auto q = problem_with("service", d["service"]); !q.empty()) return "its service " + q;
  } else if (kind == "taxonomy_term") {
    if (!(p = need_text("name")).empty() || !(p = need_text("description")).empty()) return p;
  }
  return "";
}

std::string text_of(const json& d, const char* field) {
  return d.contains(field) && d[field].is_string() ? d[field].get<std::string>() : std::string();
}

// "09:30", "09:30:00" or "09:30+10:00" -> minutes since midnight.
std::optional<int> minutes_of(const json& d, const char* field) {
  auto t = text_of(d, field);
  if (t.size() < 5 || t[2] != ':' || !std::isdigit(static_cast<unsigned char>(t[0])) ||
      !std::isdigit(static_cast<unsigned char>(t[1])) || !std::isdigit(static_cast<unsigned char>(t[3])) ||
      !std::isdigit(static_cast<unsigned char>(t[4])))
    return std::nullopt;
  int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::optional<std::string> date_of(const json& d, const char* field) {
  auto t = text_of(d, field);
  if (t.size() < 10) return std::nullopt;
  return t.substr(0, 10);
}

// Every schedule that applies to a service: its own, its service-at-location's, its location's.
void collect_schedules(const json& holder, std::vector<const json*>& out) {
  if (holder.contains("schedules") && holder["schedules"].is_array())
    for (const auto& s : holder["schedules"])
      if (s.is_object()) out.push_back(&s);
}

const json* physical_address(const json& location) {
  if (!location.contains("addresses") || !location["addresses"].is_array()) return nullptr;
  const json* first = nullptr;
  for (const auto& a : location["addresses"]) {
    if (!a.is_object()) continue;
    if (text_of(a, "address_type") == "physical") return &a;
    if (!first) first = &a;
  }
  return first;
}

IndexedService index_service(const json& s, const std::string& org_id, const std::string& org_name,
                             const json* location) {
  IndexedService x;
  x.id = text_of(s, "id");
  x.organization_id = org_id.empty() ? text_of(s, "organization_id") : org_id;
  x.name = text_of(s, "name");
  x.description = text_of(s, "description");
  x.status = text_of(s, "status");
  std::string taxonomy;
  if (s.contains("attributes") && s["attributes"].is_array())
    for (const auto& a : s["attributes"])
      if (a.contains("taxonomy_term") && a["taxonomy_term"].is_object()) {
        const auto& term = a["taxonomy_term"];
        Category k{text_of(term, "code"), text_of(term, "name")};
        if (k.code.empty()) k.code = fold_for_search(k.name);
        if (k.code.empty()) continue;
        if (k.name.empty()) k.name = k.code;
        taxonomy += " " + k.name;
        x.taxonomy_codes += (x.taxonomy_codes.empty() ? "" : ",") + k.code;
        if (std::none_of(x.categories.begin(), x.categories.end(), [&](const Category& c) { return c.code == k.code; }))
          x.categories.push_back(std::move(k));
      }
  if (s.contains("languages") && s["languages"].is_array())
    for (const auto& l : s["languages"]) x.languages += (x.languages.empty() ? "" : ",") + text_of(l, "name");
  std::string org = org_name;
  if (org.empty() && s.contains("organization") && s["organization"].is_object())
    org = text_of(s["organization"], "name");
  x.organization_name = org;
  x.search_text = fold_for_search(x.name + " " + x.description + " " + org + " " + taxonomy);
  std::vector<const json*> schedules;
  collect_schedules(s, schedules);
  const json* loc = location;
  if (!loc && s.contains("service_at_locations") && s["service_at_locations"].is_array())
    for (const auto& sal : s["service_at_locations"])
      if (sal.contains("location") && sal["location"].is_object()) {
        loc = &sal["location"];
        collect_schedules(sal, schedules);
        break;
      }
  if (loc) {
    x.latitude_e6 = micro_degrees(*loc, "latitude", 90);
    x.longitude_e6 = micro_degrees(*loc, "longitude", 180);
    collect_schedules(*loc, schedules);
    if (const json* a = physical_address(*loc)) {
      x.locality = fold_for_search(text_of(*a, "city"));
      x.postcode = text_of(*a, "postal_code");
    }
  }
  for (const json* sch : schedules)
    for (auto& h : weekly_hours(*sch)) x.hours.push_back(std::move(h));
  return x;
}

const char* plural(const std::string& kind) {
  if (kind == "organization") return "organizations";
  if (kind == "service") return "services";
  if (kind == "service_at_location") return "service_at_locations";
  if (kind == "location") return "locations";
  return "taxonomy_terms";
}

}  // namespace

std::vector<OpeningHours> weekly_hours(const json& sch) {
  std::string freq = text_of(sch, "freq");
  for (auto& ch : freq) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (!freq.empty() && freq != "WEEKLY" && freq != "DAILY") return {};
  auto opens = minutes_of(sch, "opens_at"), closes = minutes_of(sch, "closes_at");
  if (!opens || !closes) return {};
  static const std::string kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  std::vector<int> days;
  std::stringstream byday(text_of(sch, "byday"));
  for (std::string token; std::getline(byday, token, ',');) {
    std::erase_if(token, [](char ch) { return std::isspace(static_cast<unsigned char>(ch)); });
    for (auto& ch : token) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    auto day = std::find(std::begin(kDays), std::end(kDays), token);
    if (day == std::end(kDays)) return {};  // "1MO" and the like are monthly patterns
    days.push_back(static_cast<int>(day - std::begin(kDays)));
  }
  if (days.empty()) {
    if (freq != "DAILY") return {};
    days = {0, 1, 2, 3, 4, 5, 6};
  }
  int close = *closes == 0 ? 24 * 60 : *closes;
  auto from = date_of(sch, "valid_from"), to = date_of(sch, "valid_to");
  std::vector<OpeningHours> out;
  for (int d : days) {
    if (close > *opens) {
      out.push_back({d, *opens, close, from, to});
    } else {  // open past midnight
      out.push_back({d, *opens, 24 * 60, from, to});
      out.push_back({(d + 1) % 7, 0, close, from, to});
    }
  }
  return out;
}

Result<HsdsFile> read_hsds_json(std::string_view text) {
  // Accepted records are copied, compared and stored, each recursing once a level.
  if (!json_depth_within(text))
    return fail(ErrorKind::bad_request, "The file nests deeper than HSDS records do",
                "Lists and objects may be at most " + std::to_string(kMaxJsonDepth) + " deep.", "json_too_deep");
  auto j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded())
    return fail(ErrorKind::bad_request, "The file is not valid JSON", "Check it was saved as UTF-8 JSON.",
                "malformed_json");
  return read_hsds_document(j);
}

Result<HsdsFile> read_hsds_document(const json& j) {
  // Collect (kind hint, document) pairs from whichever shape the file has.
  std::vector<std::pair<std::string, const json*>> docs;
  // Our own export says so; an HSDS record can itself hold lists named "services" or "locations".
  if (j.is_object() && j.contains("hsds_version")) {
    for (auto kind : kHsdsKinds) {
      auto key = plural(std::string(kind));
      if (j.contains(key) && j[key].is_array())
        for (const auto& d : j[key]) docs.emplace_back(std::string(kind), &d);
    }
  } else if (j.is_object() && j.contains("contents") && j["contents"].is_array()) {
    for (const auto& d : j["contents"]) docs.emplace_back("", &d);
  } else if (j.is_object()) {
    docs.emplace_back("", &j);
  } else if (j.is_array()) {
    for (const auto& d : j) docs.emplace_back("", &d);
  } else {
    return fail(ErrorKind::bad_request, "The file holds no HSDS records", "Send an object or a list of objects.",
                "not_hsds");
  }
  HsdsFile out;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const auto& [hint, d] = docs[i];
    std::string id = d->is_object() ? text_of(*d, "id") : "";
    std::string kind = hint.empty() && d->is_object() ? kind_of(*d) : hint;
    if (kind.empty()) {
      out.rejected.push_back({i, id, "cannot tell what kind of HSDS record this is"});
      continue;
    }
    if (auto p = problem_with(kind, *d); !p.empty()) {
      out.rejected.push_back({i, id, kind + " " + p});
      continue;
    }
    out.records.push_back({kind, id, *d});
  }
  if (out.records.empty() && out.rejected.empty())
    return fail(ErrorKind::bad_request, "The file holds no HSDS records", "", "not_hsds");
  return out;
}

std::vector<IndexedService> services_in(const HsdsRecord& r) {
  std::vector<IndexedService> out;
  if (r.kind == "table:services") {
    out.push_back(index_service(r.doc, "", "", nullptr));
    return out;
  }
  if (r.kind == "service") {
    out.push_back(index_service(r.doc, "", "", nullptr));
  } else if (r.kind == "organization" && r.doc.contains("services")) {
    for (const auto& s : r.doc["services"]) out.push_back(index_service(s, r.id, text_of(r.doc, "name"), nullptr));
  } else if (r.kind == "service_at_location" && r.doc.contains("service")) {
    const json* loc = r.doc.contains("location") && r.doc["location"].is_object() ? &r.doc["location"] : nullptr;
    out.push_back(index_service(r.doc["service"], "", "", loc));
  }
  return out;
}

json hsds_export(const std::vector<HsdsRecord>& records) {
  json out = {{"hsds_version", "3.0"}};
  for (auto kind : kHsdsKinds) out[plural(std::string(kind))] = json::array();
  for (const auto& r : records)
    if (std::find(std::begin(kHsdsKinds), std::end(kHsdsKinds), r.kind) != std::end(kHsdsKinds))
      out[plural(r.kind)].push_back(r.doc);
  return out;
}

}  // namespace trellis::partnerships
