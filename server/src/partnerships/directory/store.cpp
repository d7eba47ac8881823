#include "partnerships/directory/store.hpp"

#include <functional>

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/versioning.hpp"

namespace trellis::partnerships::db {

Result<std::optional<std::string>> document(Conn& c, const std::string& org_id, const std::string& kind,
                                            const std::string& hsds_id) {
  auto row = TRY(c.query_one("SELECT doc FROM directory_documents WHERE org_id = ? AND kind = ? AND hsds_id = ?",
                             {org_id, kind, hsds_id}));
  if (!row) return std::optional<std::string>{};
  return std::optional<std::string>{row->text(0)};
}

Result<void> insert_document(Conn& c, const std::string& org_id, const HsdsRecord& r, const std::string& at) {
  TRY(
      c.exec("INSERT INTO directory_documents (org_id, kind, hsds_id, doc, imported_at, updated_at, version)"
             " VALUES (?, ?, ?, ?, ?, ?, 1)",
             {org_id, r.kind, r.id, r.doc.dump(), at, at}));
  return {};
}

Result<void> update_document(Conn& c, const std::string& org_id, const HsdsRecord& r, const std::string& at) {
  TRY(
      c.exec("UPDATE directory_documents SET doc = ?, updated_at = ?, version = version + 1"
             " WHERE org_id = ? AND kind = ? AND hsds_id = ?",
             {r.doc.dump(), at, org_id, r.kind, r.id}));
  return {};
}

namespace {

// Removes the indexed services matching `where` (a condition on directory_services), with their
// full-text rows, categories and hours.
Result<void> unindex(Conn& c, const std::string& where, const store::Params& p) {
  // SQLite's full-text and place indexes are separate tables, kept in step here; their rows
  // share the service row's rowid, so each delete is a key lookup rather than a scan.
  if (c.dialect() == store::Dialect::sqlite) {
    TRY(c.exec(
        "DELETE FROM directory_services_fts WHERE rowid IN (SELECT rowid FROM directory_services WHERE " + where + ")",
        p));
    TRY(c.exec(
        "DELETE FROM directory_services_rtree WHERE id IN (SELECT rowid FROM directory_services WHERE " + where + ")",
        p));
  }
  for (const char* table : {"directory_service_categories", "directory_service_hours"}) {
    store::Params q{p.front()};
    q.insert(q.end(), p.begin(), p.end());
    TRY(c.exec(std::string("DELETE FROM ") + table +
                   " WHERE org_id = ? AND service_id IN (SELECT hsds_id FROM directory_services WHERE " + where + ")",
               q));
  }
  TRY(c.exec("DELETE FROM directory_services WHERE " + where, p));
  return {};
}

}  // namespace

Result<void> index_services(Conn& c, const std::string& org_id, const HsdsRecord& source,
                            const std::vector<IndexedService>& services) {
  TRY_VOID(unindex(c, "org_id = ? AND source_kind = ? AND source_id = ?", {org_id, source.kind, source.id}));
  for (const auto& s : services) {
    auto opt = [](const std::optional<std::int64_t>& v) { return v ? store::Value(*v) : store::Value(); };
    auto opt_text = [](const std::optional<std::string>& v) { return v ? store::Value(*v) : store::Value(); };
    // A service seen in several documents is indexed once, from the latest.
    TRY_VOID(unindex(c, "org_id = ? AND hsds_id = ?", {org_id, s.id}));
    TRY(
        c.exec("INSERT INTO directory_services (org_id, hsds_id, organization_hsds_id, name, description, status,"
               " search_text, languages, taxonomy_codes, latitude_e6, longitude_e6, source_kind, source_id, locality,"
               " postcode, organization_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {org_id, s.id, s.organization_id, s.name, s.description, s.status, s.search_text, s.languages,
                s.taxonomy_codes, opt(s.latitude_e6), opt(s.longitude_e6), source.kind, source.id, s.locality,
                s.postcode, s.organization_name}));
    if (c.dialect() == store::Dialect::sqlite) {
      TRY(
          c.exec("INSERT INTO directory_services_fts (rowid, org_id, hsds_id, search_text)"
                 " SELECT rowid, org_id, hsds_id, search_text FROM directory_services WHERE org_id = ? AND hsds_id = ?",
                 {org_id, s.id}));
      TRY(
          c.exec("INSERT INTO directory_services_rtree (id, min_lat, max_lat, min_lon, max_lon, hsds_id)"
                 " SELECT rowid, latitude_e6, latitude_e6, longitude_e6, longitude_e6, hsds_id FROM directory_services"
                 " WHERE org_id = ? AND hsds_id = ? AND latitude_e6 IS NOT NULL AND longitude_e6 IS NOT NULL",
                 {org_id, s.id}));
    }
    for (const auto& k : s.categories)
      TRY(c.exec("INSERT INTO directory_service_categories (org_id, service_id, code, name) VALUES (?, ?, ?, ?)",
                 {org_id, s.id, k.code, k.name}));
    for (const auto& h : s.hours)
      TRY(
          c.exec("INSERT INTO directory_service_hours (org_id, service_id, weekday, opens_min, closes_min, valid_from,"
                 " valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 {org_id, s.id, static_cast<std::int64_t>(h.weekday), static_cast<std::int64_t>(h.opens_min),
                  static_cast<std::int64_t>(h.closes_min), opt_text(h.valid_from), opt_text(h.valid_to)}));
  }
  return {};
}

Result<ApplyCounts> apply_records(Conn& c, const std::string& org_id, const std::vector<HsdsRecord>& records,
                                  const std::string& at,
                                  const std::function<void(std::size_t, std::size_t)>& progress) {
  ApplyCounts n;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    if (progress && (i % 100 == 0 || i + 1 == records.size())) progress(i + 1, records.size());
    auto existing = TRY(document(c, org_id, r.kind, r.id));
    if (!existing) {
      TRY_VOID(insert_document(c, org_id, r, at));
      ++n.added;
    } else if (nlohmann::json::parse(*existing, nullptr, false) != r.doc) {
      TRY_VOID(update_document(c, org_id, r, at));
      ++n.updated;
    } else {
      ++n.unchanged;
      continue;
    }
    TRY_VOID(index_services(c, org_id, r, services_in(r)));
  }
  return n;
}

Result<std::vector<HsdsRecord>> documents(Conn& c, const std::string& org_id) {
  auto rows = TRY(
      c.query("SELECT kind, hsds_id, doc FROM directory_documents WHERE org_id = ? ORDER BY kind, hsds_id", {org_id}));
  std::vector<HsdsRecord> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), nlohmann::json::parse(r.text(2), nullptr, false)});
  return out;
}

Result<std::vector<CategoryCount>> categories(Conn& c, const std::string& org_id) {
  auto rows =
      TRY(c.query("SELECT code, MIN(name), COUNT(*) FROM directory_service_categories WHERE org_id = ?"
                  " GROUP BY code ORDER BY MIN(name), code",
                  {org_id}));
  std::vector<CategoryCount> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.integer(2)});
  return out;
}

namespace {

Result<std::optional<Place>> place_where(Conn& c, const std::string& org_id, const char* column,
                                         const std::string& value) {
  auto row = TRY(c.query_one(std::string("SELECT CAST(AVG(latitude_e6) AS BIGINT), CAST(AVG(longitude_e6) AS BIGINT),"
                                         " COUNT(*) FROM directory_services WHERE org_id = ? AND ") +
                                 column + " = ? AND latitude_e6 IS NOT NULL AND longitude_e6 IS NOT NULL",
                             {org_id, value}));
  if (!row || row->integer(2) == 0) return std::optional<Place>{};
  return std::optional<Place>{Place{row->integer(0), row->integer(1), row->integer(2)}};
}

}  // namespace

Result<std::optional<Place>> place_by_postcode(Conn& c, const std::string& org_id, const std::string& postcode) {
  return place_where(c, org_id, "postcode", postcode);
}

Result<std::optional<Place>> place_by_locality(Conn& c, const std::string& org_id, const std::string& folded_locality) {
  return place_where(c, org_id, "locality", folded_locality);
}

}  // namespace trellis::partnerships::db
