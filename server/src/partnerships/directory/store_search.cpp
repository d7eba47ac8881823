// The directory's search: which index leads each search, and its SQL on each database.
#include <algorithm>
#include <cmath>

#include "partnerships/directory/store.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"

namespace trellis::partnerships::db {
namespace {

// A filter whose services number at most this many leads its search: reading them all and
// sorting them costs less than walking an ordered index past the services it turns away. Near
// the square root of a page times the directory's size (51 × 50,000), where the two cost the
// same; measured in docs/performance.md.
constexpr double kSmallSet = 1000;

// Tests no index answers (a language, opening hours) turn away most of what an ordered walk
// reads, so a filter's set may be larger and still be cheaper to read whole: by the square
// root of the share they let through, guessed here as a tenth and a half.
std::int64_t small_set_for(const ServiceQuery& q) {
  double passes = (q.language ? 0.1 : 1.0) * (q.open_at ? 0.5 : 1.0);
  return static_cast<std::int64_t>(kSmallSet / std::sqrt(passes));
}

using Lead = SearchLead;

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

// Every word as a prefix, all required: "a"* "b"* for SQLite's FTS5, a:* & b:* for PostgreSQL.
std::string all_prefixes(const std::vector<std::string>& terms, bool sqlite) {
  std::string out;
  for (const auto& t : terms)
    out += sqlite ? (out.empty() ? "\"" : " \"") + t + "\"*" : (out.empty() ? "" : " & ") + t + ":*";
  return out;
}

double cosine_at(std::int64_t latitude_e6) {
  return std::max(0.01, std::cos(static_cast<double>(latitude_e6) / 1e6 * M_PI / 180.0));
}

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

// How many rows `sql` gives, counting no further than one past `small`.
Result<std::int64_t> capped_count(Conn& c, std::int64_t small, const std::string& sql, store::Params p) {
  p.emplace_back(small + 1);
  auto row = TRY(c.query_one("SELECT COUNT(*) FROM (" + sql + " LIMIT ?) capped", p));
  return row ? row->integer(0) : 0;
}

// The smallest filter leads when it is small; otherwise the order does. The full-text count
// spans every organisation's services: an estimate is all it is for.
Result<Lead> choose_lead(Conn& c, const std::string& org_id, const ServiceQuery& q,
                         const std::vector<std::string>& terms) {
  if (q.lead) {
    bool can_lead = (*q.lead == Lead::words && !terms.empty()) || (*q.lead == Lead::category && q.category) ||
                    (*q.lead == Lead::names && !q.near_lat_e6) || (*q.lead == Lead::place && q.near_lat_e6);
    if (can_lead) return *q.lead;
  }
  bool sqlite = c.dialect() == store::Dialect::sqlite;
  auto small = small_set_for(q);
  std::optional<std::pair<Lead, std::int64_t>> smallest;
  if (!terms.empty()) {
    auto n =
        sqlite ? TRY(capped_count(c, small, "SELECT 1 FROM directory_services_fts WHERE directory_services_fts MATCH ?",
                                  {all_prefixes(terms, true)}))
               : TRY(capped_count(c, small,
                                  "SELECT 1 FROM directory_services WHERE org_id = ?"
                                  " AND search_tsv @@ to_tsquery('simple', ?)",
                                  {org_id, all_prefixes(terms, false)}));
    smallest = {Lead::words, n};
  }
  if (q.category) {
    auto n = TRY(capped_count(c, small, "SELECT 1 FROM directory_service_categories WHERE org_id = ? AND code = ?",
                              {org_id, *q.category}));
    if (!smallest || n < smallest->second) smallest = {Lead::category, n};
  }
  if (smallest && smallest->second <= small) return smallest->first;
  return q.near_lat_e6 ? Lead::place : Lead::names;
}

// The columns a search tests and orders by: the place index's own when it leads on SQLite, so
// each service it turns away is never read from its row.
struct Keys {
  std::string lat, lon, id, rowid;  // rowid: SQLite only
};

Keys keys_for(Lead lead, bool sqlite) {
  if (lead == Lead::place && sqlite) return {"r.min_lat", "r.min_lon", "r.hsds_id", "r.id"};
  return {"s.latitude_e6", "s.longitude_e6", "s.hsds_id", "s.rowid"};
}

std::string from_clause(Lead lead, bool sqlite) {
  // PostgreSQL's planner orders the tables itself; only the category lead needs its join.
  if (!sqlite)
    return lead == Lead::category ? " FROM directory_service_categories k JOIN directory_services s"
                                    " ON s.org_id = k.org_id AND s.hsds_id = k.service_id"
                                  : " FROM directory_services s";
  switch (lead) {
    case Lead::words:
      return " FROM directory_services_fts f CROSS JOIN directory_services s ON s.rowid = f.rowid";
    case Lead::category:
      return " FROM directory_service_categories k CROSS JOIN directory_services s"
             " ON s.org_id = k.org_id AND s.hsds_id = k.service_id";
    case Lead::place:
      return " FROM directory_services_rtree r CROSS JOIN directory_services s ON s.rowid = r.id";
    case Lead::names:
      break;
  }
  // SQLite's planner would otherwise start from a filter's set and sort it, however large.
  return " FROM directory_services s INDEXED BY directory_services_org_name";
}

// One search's SQL with `lead` reading first and, around a point, a circle of `within_km`:
// nearest first then, by name otherwise.
std::pair<std::string, store::Params> search_sql(Conn& c, const std::string& org_id, const ServiceQuery& q,
                                                 const std::vector<std::string>& terms, Lead lead, double within_km) {
  static const std::string select = "SELECT " + kHit.select_list("s");
  bool sqlite = c.dialect() == store::Dialect::sqlite;
  Keys k = keys_for(lead, sqlite);
  std::string sql = select + from_clause(lead, sqlite) + " WHERE s.org_id = ?";
  store::Params p{org_id};
  if (!terms.empty()) {
    if (!sqlite) {
      sql += " AND s.search_tsv @@ to_tsquery('simple', ?)";
      p.emplace_back(all_prefixes(terms, false));
    } else if (lead == Lead::words) {
      sql += " AND directory_services_fts MATCH ?";
      p.emplace_back(all_prefixes(terms, true));
    } else {
      // The unary plus keeps the matches a test: as an index they would lead, however many.
      sql += " AND +" + k.rowid + " IN (SELECT rowid FROM directory_services_fts WHERE directory_services_fts MATCH ?)";
      p.emplace_back(all_prefixes(terms, true));
    }
  }
  if (q.category) {
    if (lead == Lead::category)
      sql += " AND k.org_id = ? AND k.code = ?";
    else
      sql +=
          " AND EXISTS (SELECT 1 FROM directory_service_categories k WHERE k.org_id = ? AND k.code = ?"
          " AND k.service_id = " +
          k.id + ")";
    p.emplace_back(org_id);
    p.emplace_back(*q.category);
  }
  if (q.language) {
    sql += " AND (',' || lower(s.languages) || ',') LIKE ? ESCAPE '\\'";
    p.emplace_back(store::contains_pattern("," + *q.language + ","));
  }
  if (q.open_at) {
    sql +=
        " AND s.status = 'active' AND EXISTS (SELECT 1 FROM directory_service_hours h WHERE h.org_id = ?"
        " AND h.service_id = " +
        k.id +
        " AND h.weekday = ? AND h.opens_min <= ? AND h.closes_min > ?"
        " AND (h.valid_from IS NULL OR h.valid_from <= ?) AND (h.valid_to IS NULL OR h.valid_to >= ?))";
    p.emplace_back(org_id);
    p.emplace_back(static_cast<std::int64_t>(q.open_at->weekday));
    p.emplace_back(static_cast<std::int64_t>(q.open_at->minute));
    p.emplace_back(static_cast<std::int64_t>(q.open_at->minute));
    p.emplace_back(q.open_at->date);
    p.emplace_back(q.open_at->date);
  }
  if (q.near_lat_e6 && q.near_lon_e6) {
    // A box on the place index, then nearest first by an equirectangular distance in
    // microdegrees of latitude: exact enough at the scale of a region, and plain integer
    // arithmetic on both databases.
    auto dlat = static_cast<std::int64_t>(within_km / 111.32 * 1e6);
    double cosine = cosine_at(*q.near_lat_e6);
    auto dlon = static_cast<std::int64_t>(static_cast<double>(dlat) / cosine);
    auto cos_milli = static_cast<std::int64_t>(cosine * 1000);
    const std::string distance = "((" + k.lat + " - ?) * (" + k.lat + " - ?) + ((" + k.lon + " - ?) * ? / 1000) * ((" +
                                 k.lon + " - ?) * ? / 1000))";
    auto distance_params = [&] {
      for (auto v : {*q.near_lat_e6, *q.near_lat_e6, *q.near_lon_e6, cos_milli, *q.near_lon_e6, cos_milli})
        p.emplace_back(v);
    };
    if (!sqlite)
      sql += " AND point(s.longitude_e6, s.latitude_e6) <@ box(point(?, ?), point(?, ?))";
    else if (lead == Lead::place)
      sql += " AND r.min_lon >= ? AND r.min_lat >= ? AND r.max_lon <= ? AND r.max_lat <= ?";
    else
      sql += " AND s.longitude_e6 >= ? AND s.latitude_e6 >= ? AND s.longitude_e6 <= ? AND s.latitude_e6 <= ?";
    for (auto v : {*q.near_lon_e6 - dlon, *q.near_lat_e6 - dlat, *q.near_lon_e6 + dlon, *q.near_lat_e6 + dlat})
      p.emplace_back(v);
    sql += " AND " + distance + " <= ?";
    distance_params();
    p.emplace_back(dlat * dlat);
    if (q.after) {
      sql += " AND (" + distance + " > ? OR (" + distance + " = ? AND " + k.id + " > ?))";
      distance_params();
      p.emplace_back(static_cast<std::int64_t>(std::stoll(q.after->at(1))));
      distance_params();
      p.emplace_back(static_cast<std::int64_t>(std::stoll(q.after->at(1))));
      p.emplace_back(q.after->at(2));
    }
    sql += " ORDER BY " + distance + ", " + k.id;
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

// The next circle when one held too few: sized for the page from how many this one held
// (services per area stay roughly even over a few kilometres), at least half again as wide.
double wider(double within_km, std::size_t found, std::size_t wanted) {
  if (found == 0) return within_km * 3;
  double grow = std::sqrt(static_cast<double>(wanted) / static_cast<double>(found)) * 1.25;
  return within_km * std::clamp(grow, 1.5, 3.0);
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
  auto terms = words(q.folded_text);
  auto lead = TRY(choose_lead(c, org_id, q, terms));
  // Nearest first, led by the place: look close by first and widen the circle until it holds a
  // page of services or reaches the radius. Whatever lies outside a circle is farther than
  // everything in it, so the first full page is the nearest one.
  double within = lead == Lead::place ? std::min(q.radius_km, 1.0) : q.radius_km;
  for (;;) {
    auto [sql, p] = search_sql(c, org_id, q, terms, lead, within);
    auto rows = TRY(c.query(sql, p));
    if (rows.size() < q.limit && within < q.radius_km) {
      within = std::min(q.radius_km, wider(within, rows.size(), q.limit));
      continue;
    }
    std::vector<ServiceHit> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(kHit.read(r));
    return out;
  }
}

}  // namespace trellis::partnerships::db
