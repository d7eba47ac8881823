#include "partnerships/directory/store.hpp"

#include <cmath>
#include <functional>

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
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
  // SQLite's full-text index is a separate table, kept in step here; its rows share the
  // service row's rowid, so each delete is a key lookup rather than a scan.
  if (c.dialect() == store::Dialect::sqlite)
    TRY(c.exec(
        "DELETE FROM directory_services_fts WHERE rowid IN (SELECT rowid FROM directory_services WHERE " + where + ")",
        p));
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
    if (c.dialect() == store::Dialect::sqlite)
      TRY(
          c.exec("INSERT INTO directory_services_fts (rowid, org_id, hsds_id, search_text)"
                 " SELECT rowid, org_id, hsds_id, search_text FROM directory_services WHERE org_id = ? AND hsds_id = ?",
                 {org_id, s.id}));
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

namespace {

double cosine_at(std::int64_t latitude_e6) {
  return std::max(0.01, std::cos(static_cast<double>(latitude_e6) / 1e6 * M_PI / 180.0));
}

// One search's SQL for a given distance (km) around the point, when there is one: services in
// the square of that half-size whose distance is at most that, nearest first.
// What a search shows of each service, from its row kept for searching.
const store::Columns<ServiceHit> kHit{
    store::column<&ServiceHit::id>("hsds_id"),
    store::column<&ServiceHit::organization_id>("organization_hsds_id"),
    store::column<&ServiceHit::name>("name"),
    store::column<&ServiceHit::description>("description"),
    store::column<&ServiceHit::status>("status"),
    store::column<&ServiceHit::languages>("languages"),
    store::column<&ServiceHit::latitude_e6>("latitude_e6"),
    store::column<&ServiceHit::longitude_e6>("longitude_e6"),
    store::column<&ServiceHit::taxonomy_codes>("taxonomy_codes"),
    store::column<&ServiceHit::locality>("locality"),
    store::column<&ServiceHit::postcode>("postcode"),
    store::column<&ServiceHit::organization_name>("organization_name"),
};

std::pair<std::string, store::Params> search_sql(Conn& c, const std::string& org_id, const ServiceQuery& q,
                                                 double within_km) {
  static const std::string select = "SELECT " + kHit.select_list("s");
  std::string sql = select;
  store::Params p;
  auto terms = words(q.folded_text);
  bool sqlite = c.dialect() == store::Dialect::sqlite;
  bool category_drives = q.category && (terms.empty() || !sqlite);
  // The most selective index leads: SQLite's planner would otherwise walk services in name
  // order and test each against the full-text index or the category, which is slow at 50,000.
  // store::leading_join keeps SQLite's join order as written.
  if (!terms.empty() && sqlite) {
    std::string match;
    for (const auto& t : terms) match += (match.empty() ? "" : " ") + std::string("\"") + t + "\"*";
    sql +=
        " FROM directory_services_fts f CROSS JOIN directory_services s ON s.rowid = f.rowid"  // SQLite only
        " WHERE directory_services_fts MATCH ? AND s.org_id = ?";
    p.emplace_back(match);
    p.emplace_back(org_id);
  } else if (category_drives) {
    sql += std::string(" FROM directory_service_categories k") + store::leading_join(c.dialect()) +
           "directory_services s ON s.org_id = k.org_id AND s.hsds_id = k.service_id WHERE k.org_id = ? AND k.code = ?";
    p.emplace_back(org_id);
    p.emplace_back(*q.category);
  } else {
    sql += " FROM directory_services s WHERE s.org_id = ?";
    p.emplace_back(org_id);
  }
  if (!terms.empty() && !sqlite) {
    std::string tsq;
    for (const auto& t : terms) tsq += (tsq.empty() ? "" : " & ") + t + ":*";
    sql += " AND s.search_tsv @@ to_tsquery('simple', ?)";
    p.emplace_back(tsq);
  }
  if (q.category && !category_drives) {
    sql +=
        " AND EXISTS (SELECT 1 FROM directory_service_categories k WHERE k.org_id = s.org_id AND k.code = ?"
        " AND k.service_id = s.hsds_id)";
    p.emplace_back(*q.category);
  }
  if (q.language) {
    sql += " AND (',' || lower(s.languages) || ',') LIKE ? ESCAPE '\\'";
    p.emplace_back(store::contains_pattern("," + *q.language + ","));
  }
  if (q.open_at) {
    sql +=
        " AND s.status = 'active' AND EXISTS (SELECT 1 FROM directory_service_hours h WHERE h.org_id = s.org_id"
        " AND h.service_id = s.hsds_id AND h.weekday = ? AND h.opens_min <= ? AND h.closes_min > ?"
        " AND (h.valid_from IS NULL OR h.valid_from <= ?) AND (h.valid_to IS NULL OR h.valid_to >= ?))";
    p.emplace_back(static_cast<std::int64_t>(q.open_at->weekday));
    p.emplace_back(static_cast<std::int64_t>(q.open_at->minute));
    p.emplace_back(static_cast<std::int64_t>(q.open_at->minute));
    p.emplace_back(q.open_at->date);
    p.emplace_back(q.open_at->date);
  }
  if (q.near_lat_e6 && q.near_lon_e6) {
    // A bounding box on the indexed columns, then nearest first by an equirectangular distance
    // in microdegrees of latitude: exact enough at the scale of a region, and plain integer
    // arithmetic on both databases.
    auto dlat = static_cast<std::int64_t>(within_km / 111.32 * 1e6);
    double cosine = cosine_at(*q.near_lat_e6);
    auto dlon = static_cast<std::int64_t>(static_cast<double>(dlat) / cosine);
    auto cos_milli = static_cast<std::int64_t>(cosine * 1000);
    const std::string distance =
        "((s.latitude_e6 - ?) * (s.latitude_e6 - ?) + ((s.longitude_e6 - ?) * ? / 1000) * ((s.longitude_e6 - ?) * ? / "
        "1000))";
    auto distance_params = [&] {
      for (auto v : {*q.near_lat_e6, *q.near_lat_e6, *q.near_lon_e6, cos_milli, *q.near_lon_e6, cos_milli})
        p.emplace_back(v);
    };
    sql += " AND s.latitude_e6 BETWEEN ? AND ? AND s.longitude_e6 BETWEEN ? AND ?";
    p.emplace_back(*q.near_lat_e6 - dlat);
    p.emplace_back(*q.near_lat_e6 + dlat);
    p.emplace_back(*q.near_lon_e6 - dlon);
    p.emplace_back(*q.near_lon_e6 + dlon);
    sql += " AND " + distance + " <= ?";
    distance_params();
    p.emplace_back(dlat * dlat);
    if (q.after) {
      sql += " AND (" + distance + " > ? OR (" + distance + " = ? AND s.hsds_id > ?))";
      distance_params();
      p.emplace_back(static_cast<std::int64_t>(std::stoll(q.after->at(1))));
      distance_params();
      p.emplace_back(static_cast<std::int64_t>(std::stoll(q.after->at(1))));
      p.emplace_back(q.after->at(2));
    }
    sql += " ORDER BY " + distance + ", s.hsds_id";
    distance_params();
  } else {
    if (q.after) {
      sql += " AND (s.name > ? OR (s.name = ? AND s.hsds_id > ?))";
      p.emplace_back(q.after->at(1));
      p.emplace_back(q.after->at(1));
      p.emplace_back(q.after->at(2));
    }
    sql += " ORDER BY s.name, s.hsds_id";
  }
  sql += " LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(q.limit));
  return {sql, p};
}

}  // namespace

std::int64_t search_distance(const ServiceQuery& q, std::int64_t latitude_e6, std::int64_t longitude_e6) {
  auto cos_milli = static_cast<std::int64_t>(cosine_at(*q.near_lat_e6) * 1000);
  auto dlat = latitude_e6 - *q.near_lat_e6;
  auto dlon = (longitude_e6 - *q.near_lon_e6) * cos_milli / 1000;
  return dlat * dlat + dlon * dlon;
}

Result<std::vector<ServiceHit>> search_services(Conn& c, const std::string& org_id, const ServiceQuery& q) {
  // A cursor from a search in the other order, or made by hand, is refused, never guessed at.
  if (q.after) {
    bool by_distance = q.near_lat_e6 && q.near_lon_e6;
    const auto& key = *q.after;  // the order ("d" or "n"), the key in it, the id
    bool fits = key.size() == 3 && key[0] == (by_distance ? "d" : "n") && !key[1].empty() &&
                (!by_distance || (key[1].size() <= 18 && key[1].find_first_not_of("0123456789") == std::string::npos));
    if (!fits)
      return fail(Error::field(ErrorKind::bad_request, "cursor",
                               "is not a cursor this search gave out; start again from the first page"));
  }
  // Nearest first, with only the place to go on: look close by first and widen the circle until
  // it holds a page of services or reaches the radius. Whatever lies outside a circle is
  // farther than everything in it, so the first full page is the nearest one.
  bool place_drives = q.near_lat_e6 && q.folded_text.empty() && !q.category;
  double within = place_drives ? std::min(q.radius_km, 1.0) : q.radius_km;
  for (;;) {
    auto [sql, p] = search_sql(c, org_id, q, within);
    auto rows = TRY(c.query(sql, p));
    if (rows.size() < q.limit && within < q.radius_km) {
      within = std::min(q.radius_km, within * 3);
      continue;
    }
    std::vector<ServiceHit> out;
    for (const auto& r : rows) out.push_back(kHit.read(r));
    return out;
  }
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
