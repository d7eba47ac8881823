#include "partnerships/store.hpp"

#include <cmath>

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
  bool sqlite = c.dialect() == store::Dialect::sqlite;
  if (sqlite)  // SQLite's full-text index is a separate table, kept in step here
    TRY(c.exec("DELETE FROM directory_services_fts WHERE org_id = ? AND hsds_id IN (SELECT hsds_id FROM"
               " directory_services WHERE org_id = ? AND source_kind = ? AND source_id = ?)",
               {org_id, org_id, source.kind, source.id}));
  TRY(c.exec("DELETE FROM directory_services WHERE org_id = ? AND source_kind = ? AND source_id = ?",
             {org_id, source.kind, source.id}));
  for (const auto& s : services) {
    auto opt = [](const std::optional<std::int64_t>& v) { return v ? store::Value(*v) : store::Value(); };
    // A service seen in several documents is indexed once, from the latest.
    TRY(c.exec("DELETE FROM directory_services WHERE org_id = ? AND hsds_id = ?", {org_id, s.id}));
    if (sqlite) {
      TRY(c.exec("DELETE FROM directory_services_fts WHERE org_id = ? AND hsds_id = ?", {org_id, s.id}));
      TRY(c.exec("INSERT INTO directory_services_fts (org_id, hsds_id, search_text) VALUES (?, ?, ?)",
                 {org_id, s.id, s.search_text}));
    }
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

namespace {

// Words as the full-text engines want them: letters and digits only, each a prefix.
std::vector<std::string> words(const std::string& folded) {
  std::vector<std::string> out;
  std::string w;
  for (char ch : folded + " ") {
    if (std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80) {
      w += ch;
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  return out;
}

}  // namespace

Result<std::vector<ServiceHit>> search_services(Conn& c, const std::string& org_id, const ServiceQuery& q) {
  std::string sql =
      "SELECT s.hsds_id, s.organization_hsds_id, s.name, s.description, s.status, s.languages, s.latitude_e6,"
      " s.longitude_e6 FROM directory_services s";
  store::Params p;
  auto terms = words(q.folded_text);
  bool sqlite = c.dialect() == store::Dialect::sqlite;
  if (!terms.empty() && sqlite) {
    std::string match;
    for (const auto& t : terms) match += (match.empty() ? "" : " ") + std::string("\"") + t + "\"*";
    sql += " JOIN directory_services_fts f ON f.org_id = s.org_id AND f.hsds_id = s.hsds_id"
           " WHERE directory_services_fts MATCH ? AND s.org_id = ?";
    p.emplace_back(match);
    p.emplace_back(org_id);
  } else {
    sql += " WHERE s.org_id = ?";
    p.emplace_back(org_id);
    if (!terms.empty()) {
      std::string tsq;
      for (const auto& t : terms) tsq += (tsq.empty() ? "" : " & ") + t + ":*";
      sql += " AND s.search_tsv @@ to_tsquery('simple', ?)";
      p.emplace_back(tsq);
    }
  }
  if (q.language) {
    sql += " AND (',' || lower(s.languages) || ',') LIKE ? ESCAPE '\\'";
    p.emplace_back(store::contains_pattern("," + *q.language + ","));
  }
  if (q.near_lat_e6 && q.near_lon_e6) {
    // A bounding box on the indexed columns, then nearest first by an equirectangular distance:
    // exact enough at the scale of a city, and plain integer arithmetic on both databases.
    double lat = static_cast<double>(*q.near_lat_e6) / 1e6;
    auto dlat = static_cast<std::int64_t>(q.radius_km / 111.32 * 1e6);
    double cosine = std::max(0.01, std::cos(lat * M_PI / 180.0));
    auto dlon = static_cast<std::int64_t>(static_cast<double>(dlat) / cosine);
    auto cos_milli = static_cast<std::int64_t>(cosine * 1000);
    sql += " AND s.latitude_e6 BETWEEN ? AND ? AND s.longitude_e6 BETWEEN ? AND ?";
    p.emplace_back(*q.near_lat_e6 - dlat);
    p.emplace_back(*q.near_lat_e6 + dlat);
    p.emplace_back(*q.near_lon_e6 - dlon);
    p.emplace_back(*q.near_lon_e6 + dlon);
    sql += " ORDER BY (s.latitude_e6 - ?) * (s.latitude_e6 - ?) +"
           " ((s.longitude_e6 - ?) * ? / 1000) * ((s.longitude_e6 - ?) * ? / 1000), s.hsds_id";
    for (auto v : {*q.near_lat_e6, *q.near_lat_e6, *q.near_lon_e6, cos_milli, *q.near_lon_e6, cos_milli}) p.emplace_back(v);
  } else {
    sql += " ORDER BY s.name, s.hsds_id";
  }
  sql += " LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(q.limit));
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
