#include "partnerships/store.hpp"

#include "store/sql.hpp"

namespace trellis::partnerships::db {

Result<std::optional<std::string>> document(Conn& c, const std::string& org_id, const std::string& kind,
                                            const std::string& hsds_id) {
  auto row = TRY(c.query_one("SELECT doc FROM directory_documents WHERE org_id = ? AND kind = ? AND hsds_id = ?",
                             {org_id, kind, hsds_id}));
  if (!row) return std::optional<std::string>{};
  return std::optional<std::string>{row->text(0)};
}

Result<void> insert_document(Conn& c, const std::string& org_id, const HsdsRecord& r, const std::string& at) {
  TRY(c.exec("INSERT INTO directory_documents (org_id, kind, hsds_id, doc, imported_at, updated_at, version)"
             " VALUES (?, ?, ?, ?, ?, ?, 1)",
             {org_id, r.kind, r.id, r.doc.dump(), at, at}));
  return {};
}

Result<void> update_document(Conn& c, const std::string& org_id, const HsdsRecord& r, const std::string& at) {
  TRY(c.exec("UPDATE directory_documents SET doc = ?, updated_at = ?, version = version + 1"
             " WHERE org_id = ? AND kind = ? AND hsds_id = ?",
             {r.doc.dump(), at, org_id, r.kind, r.id}));
  return {};
}

Result<void> index_services(Conn& c, const std::string& org_id, const HsdsRecord& source,
                            const std::vector<IndexedService>& services) {
  TRY(c.exec("DELETE FROM directory_services WHERE org_id = ? AND source_kind = ? AND source_id = ?",
             {org_id, source.kind, source.id}));
  for (const auto& s : services) {
    auto opt = [](const std::optional<std::int64_t>& v) { return v ? store::Value(*v) : store::Value(); };
    // A service seen in several documents is indexed once, from the latest.
    TRY(c.exec("DELETE FROM directory_services WHERE org_id = ? AND hsds_id = ?", {org_id, s.id}));
    TRY(c.exec("INSERT INTO directory_services (org_id, hsds_id, organization_hsds_id, name, description, status,"
               " search_text, languages, taxonomy_codes, latitude_e6, longitude_e6, source_kind, source_id)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {org_id, s.id, s.organization_id, s.name, s.description, s.status, s.search_text, s.languages,
                s.taxonomy_codes, opt(s.latitude_e6), opt(s.longitude_e6), source.kind, source.id}));
  }
  return {};
}

Result<std::vector<HsdsRecord>> documents(Conn& c, const std::string& org_id) {
  auto rows = TRY(c.query("SELECT kind, hsds_id, doc FROM directory_documents WHERE org_id = ? ORDER BY kind, hsds_id",
                          {org_id}));
  std::vector<HsdsRecord> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), nlohmann::json::parse(r.text(2), nullptr, false)});
  return out;
}

Result<std::vector<ServiceHit>> search_services(Conn& c, const std::string& org_id, const std::string& folded_text,
                                                std::size_t limit) {
  std::string sql =
      "SELECT hsds_id, organization_hsds_id, name, description, status, languages, latitude_e6, longitude_e6"
      " FROM directory_services WHERE org_id = ?";
  store::Params p{org_id};
  std::size_t i = 0;
  while (i < folded_text.size()) {
    auto j = folded_text.find(' ', i);
    if (j == std::string::npos) j = folded_text.size();
    if (j > i) {
      sql += " AND search_text LIKE ? ESCAPE '\\'";
      p.emplace_back(store::contains_pattern(folded_text.substr(i, j - i)));
    }
    i = j + 1;
  }
  sql += " ORDER BY name, hsds_id LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(limit));
  auto rows = TRY(c.query(sql, p));
  std::vector<ServiceHit> out;
  for (const auto& r : rows) {
    ServiceHit h{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), std::nullopt, std::nullopt};
    if (!r.is_null(6)) h.latitude_e6 = r.integer(6);
    if (!r.is_null(7)) h.longitude_e6 = r.integer(7);
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace trellis::partnerships::db
