#include "partnerships/service.hpp"

#include "access/audit.hpp"
#include "core/text.hpp"
#include "http/context.hpp"

namespace trellis::partnerships {

Result<ImportReport> PartnershipsService::import_hsds(const http::Actor& actor, std::string_view json_text,
                                                      const std::function<void(std::size_t, std::size_t)>& progress) {
  return apply(actor, TRY(read_hsds_json(json_text)), progress);
}

Result<ImportReport> PartnershipsService::import_hsds_tabular(const http::Actor& actor, const std::string& dir,
                                                              const std::function<void(std::size_t, std::size_t)>& progress) {
  return apply(actor, TRY(read_hsds_tabular(dir)), progress);
}

Result<ImportReport> PartnershipsService::apply(const http::Actor& actor, HsdsFile file,
                                                const std::function<void(std::size_t, std::size_t)>& progress) {
  ImportReport report;
  if (!file.rejected.empty()) {
    report.rejected = std::move(file.rejected);
    return report;
  }
  auto now = clock_.now();
  auto at = to_iso(now);
  TRY_VOID(db_.write([&](store::Conn& c) -> Result<void> {
    report = ImportReport{};
    for (std::size_t i = 0; i < file.records.size(); ++i) {
      const auto& r = file.records[i];
      auto existing = TRY(db::document(c, actor.org_id, r.kind, r.id));
      if (!existing) {
        TRY_VOID(db::insert_document(c, actor.org_id, r, at));
        ++report.added;
      } else if (nlohmann::json::parse(*existing, nullptr, false) != r.doc) {
        TRY_VOID(db::update_document(c, actor.org_id, r, at));
        ++report.updated;
      } else {
        ++report.unchanged;
        continue;
      }
      TRY_VOID(db::index_services(c, actor.org_id, r, services_in(r)));
      if (progress && (i % 100 == 0 || i + 1 == file.records.size())) progress(i + 1, file.records.size());
    }
    auto e = actor.entry("directory.import", "directory", "");
    e.detail = std::to_string(report.added) + " added, " + std::to_string(report.updated) + " updated, " +
               std::to_string(report.unchanged) + " unchanged";
    return access::append_audit(c, e, now);
  }));
  return report;
}

Result<nlohmann::json> PartnershipsService::export_hsds(const http::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<nlohmann::json> {
    auto records = TRY(db::documents(c, actor.org_id));
    auto e = actor.entry("directory.export", "directory", "");
    e.detail = std::to_string(records.size()) + " records";
    TRY_VOID(access::append_audit(c, e, now));
    return hsds_export(records);
  });
}

Result<std::vector<std::pair<std::string, std::string>>> PartnershipsService::export_hsds_tabular(
    const http::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<std::vector<std::pair<std::string, std::string>>> {
    auto records = TRY(db::documents(c, actor.org_id));
    auto e = actor.entry("directory.export", "directory", "");
    e.detail = "tabular";
    TRY_VOID(access::append_audit(c, e, now));
    return hsds_tabular_export(records);
  });
}

Result<std::vector<db::ServiceHit>> PartnershipsService::find_services(const std::string& org_id, db::ServiceQuery q) {
  q.folded_text = fold_for_search(q.folded_text);
  if (q.language) q.language = fold_for_search(*q.language);
  return db_.read([&](store::Conn& c) { return db::search_services(c, org_id, q); });
}

}  // namespace trellis::partnerships
