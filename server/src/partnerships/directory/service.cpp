#include "partnerships/directory/service.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"

namespace trellis::partnerships {

Result<ImportReport> DirectoryService::import_hsds(const access::Actor& actor, std::string_view json_text,
                                                   const std::function<void(std::size_t, std::size_t)>& progress) {
  return apply(actor, TRY(read_hsds_json(json_text)), progress);
}

Result<ImportReport> DirectoryService::import_hsds_tabular(
    const access::Actor& actor, const std::string& dir, const std::function<void(std::size_t, std::size_t)>& progress) {
  return apply(actor, TRY(read_hsds_tabular(dir)), progress);
}

Result<ImportReport> DirectoryService::apply(const access::Actor& actor, HsdsFile file,
                                             const std::function<void(std::size_t, std::size_t)>& progress) {
  ImportReport report;
  if (!file.rejected.empty()) {
    report.rejected = std::move(file.rejected);
    return report;
  }
  auto now = clock_.now();
  auto at = to_iso(now);
  TRY_VOID(db_.write([&](store::Conn& c) -> Result<void> {
    auto n = TRY(db::apply_records(c, actor.org_id, file.records, at, progress));
    report = ImportReport{n.added, n.updated, n.unchanged, {}};
    auto e = actor.entry("directory.import", "directory", "");
    e.detail = std::to_string(report.added) + " added, " + std::to_string(report.updated) + " updated, " +
               std::to_string(report.unchanged) + " unchanged";
    return access::append_audit(c, e, now);
  }));
  return report;
}

Error rejected_error(const std::vector<HsdsRejection>& rejected) {
  Error e = Error::make(ErrorKind::unprocessable, "Nothing was imported: some records need fixing",
                        std::to_string(rejected.size()) + " records could not be read; the whole file was left out.",
                        "hsds_rejected");
  for (const auto& x : rejected)
    e.fields.push_back({"records[" + std::to_string(x.index) + "]", (x.id.empty() ? "" : x.id + ": ") + x.reason});
  return e;
}

Result<ImportProgress> DirectoryService::start_import(const access::Actor& actor, HsdsFile file) {
  if (!file.rejected.empty()) return fail(rejected_error(file.rejected));
  auto total = file.records.size();
  return imports_.start(actor.org_id, actor.user_id.value_or(""), total,
                        [this, actor, file = std::move(file)](const ImportJobs::Progress& progress) mutable {
                          return apply(actor, std::move(file), progress);
                        });
}

std::optional<ImportProgress> DirectoryService::import_progress(const std::string& org_id, const std::string& id) {
  return imports_.get(org_id, id);
}

std::optional<ImportProgress> DirectoryService::wait_for_import(const std::string& org_id, const std::string& id) {
  return imports_.wait(org_id, id);
}

Result<nlohmann::json> DirectoryService::export_hsds(const access::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<nlohmann::json> {
    auto records = TRY(db::documents(c, actor.org_id));
    auto e = actor.entry("directory.export", "directory", "");
    e.detail = std::to_string(records.size()) + " records";
    TRY_VOID(access::append_audit(c, e, now));
    return hsds_export(records);
  });
}

Result<std::vector<std::pair<std::string, std::string>>> DirectoryService::export_hsds_tabular(
    const access::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<std::vector<std::pair<std::string, std::string>>> {
    auto records = TRY(db::documents(c, actor.org_id));
    auto e = actor.entry("directory.export", "directory", "");
    e.detail = "tabular";
    TRY_VOID(access::append_audit(c, e, now));
    return hsds_tabular_export(records);
  });
}

namespace {

const std::string_view kStates[] = {"vic", "nsw", "qld", "sa", "wa", "tas", "nt", "act"};

// "Northcote", "3070", or "12 Smith St, Northcote VIC 3070": a postcode first, then each part
// between commas, last first, without a state or postcode at its end.
Result<std::optional<db::Place>> find_place(store::Conn& c, const std::string& org_id, const std::string& text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    bool four = std::all_of(text.begin() + i, text.begin() + i + 4,
                            [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
    bool bounded = (i == 0 || !std::isdigit(static_cast<unsigned char>(text[i - 1]))) &&
                   (i + 4 == text.size() || !std::isdigit(static_cast<unsigned char>(text[i + 4])));
    if (four && bounded)
      if (auto p = TRY(db::place_by_postcode(c, org_id, text.substr(i, 4)))) return p;
  }
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) parts.push_back(part);
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    std::vector<std::string> words;
    std::stringstream ws(fold_for_search(*it));
    for (std::string w; ws >> w;) words.push_back(w);
    while (!words.empty() && (std::all_of(words.back().begin(), words.back().end(), ::isdigit) ||
                              std::find(std::begin(kStates), std::end(kStates), words.back()) != std::end(kStates)))
      words.pop_back();
    std::string locality;
    for (const auto& w : words) locality += (locality.empty() ? "" : " ") + w;
    if (locality.empty()) continue;
    if (auto p = TRY(db::place_by_locality(c, org_id, locality))) return p;
  }
  return std::optional<db::Place>{};
}

}  // namespace

Result<DirectoryService::Search> DirectoryService::find_services(const std::string& org_id, db::ServiceQuery q,
                                                                 const std::string& near) {
  q.folded_text = fold_for_search(q.folded_text);
  if (q.language) q.language = fold_for_search(*q.language);
  return db_.read([&](store::Conn& c) -> Result<Search> {
    Search out;
    if (!near.empty()) {
      out.near = TRY(find_place(c, org_id, near));
      if (!out.near)
        return fail(Error::field(ErrorKind::bad_request, "near",
                                 "is not a suburb or postcode with services in the directory; try a nearby one"));
      q.near_lat_e6 = out.near->latitude_e6;
      q.near_lon_e6 = out.near->longitude_e6;
    }
    out.hits = TRY(db::search_services(c, org_id, q));
    return out;
  });
}

Result<std::vector<db::CategoryCount>> DirectoryService::categories(const std::string& org_id) {
  return db_.read([&](store::Conn& c) { return db::categories(c, org_id); });
}

}  // namespace trellis::partnerships
