#include "partnerships/store.hpp"

#include <cmath>
#include <functional>

#include "store/sql.hpp"
#include "store/versioning.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"

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

namespace {

// Removes the indexed services matching `where` (a condition on directory_services), with their
// full-text rows, categories and hours.
Result<void> unindex(Conn& c, const std::string& where, const store::Params& p) {
  // SQLite's full-text index is a separate table, kept in step here; its rows share the
  // service row's rowid, so each delete is a key lookup rather than a scan.
  if (c.dialect() == store::Dialect::sqlite)
    TRY(c.exec("DELETE FROM directory_services_fts WHERE rowid IN (SELECT rowid FROM directory_services WHERE " +
                   where + ")",
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
    TRY(c.exec("INSERT INTO directory_services (org_id, hsds_id, organization_hsds_id, name, description, status,"
               " search_text, languages, taxonomy_codes, latitude_e6, longitude_e6, source_kind, source_id, locality,"
               " postcode, organization_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {org_id, s.id, s.organization_id, s.name, s.description, s.status, s.search_text, s.languages,
                s.taxonomy_codes, opt(s.latitude_e6), opt(s.longitude_e6), source.kind, source.id, s.locality,
                s.postcode, s.organization_name}));
    if (c.dialect() == store::Dialect::sqlite)
      TRY(c.exec("INSERT INTO directory_services_fts (rowid, org_id, hsds_id, search_text)"
                 " SELECT rowid, org_id, hsds_id, search_text FROM directory_services WHERE org_id = ? AND hsds_id = ?",
                 {org_id, s.id}));
    for (const auto& k : s.categories)
      TRY(c.exec("INSERT INTO directory_service_categories (org_id, service_id, code, name) VALUES (?, ?, ?, ?)",
                 {org_id, s.id, k.code, k.name}));
    for (const auto& h : s.hours)
      TRY(c.exec("INSERT INTO directory_service_hours (org_id, service_id, weekday, opens_min, closes_min, valid_from,"
                 " valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 {org_id, s.id, static_cast<std::int64_t>(h.weekday), static_cast<std::int64_t>(h.opens_min),
                  static_cast<std::int64_t>(h.closes_min), opt_text(h.valid_from), opt_text(h.valid_to)}));
  }
  return {};
}

Result<ApplyCounts> apply_records(Conn& c, const std::string& org_id, const std::vector<HsdsRecord>& records,
                                  const std::string& at, const std::function<void(std::size_t, std::size_t)>& progress) {
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

namespace {

// One search's SQL for a given distance (km) around the point, when there is one: services in
// the square of that half-size whose distance is at most that, nearest first.
std::pair<std::string, store::Params> search_sql(Conn& c, const std::string& org_id, const ServiceQuery& q,
                                                 double within_km) {
  std::string sql =
      "SELECT s.hsds_id, s.organization_hsds_id, s.name, s.description, s.status, s.languages, s.latitude_e6,"
      " s.longitude_e6, s.taxonomy_codes, s.locality, s.postcode, s.organization_name";
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
    sql += " FROM directory_services_fts f CROSS JOIN directory_services s ON s.rowid = f.rowid"  // SQLite only
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
    sql += " AND EXISTS (SELECT 1 FROM directory_service_categories k WHERE k.org_id = s.org_id AND k.code = ?"
           " AND k.service_id = s.hsds_id)";
    p.emplace_back(*q.category);
  }
  if (q.language) {
    sql += " AND (',' || lower(s.languages) || ',') LIKE ? ESCAPE '\\'";
    p.emplace_back(store::contains_pattern("," + *q.language + ","));
  }
  if (q.open_at) {
    sql += " AND s.status = 'active' AND EXISTS (SELECT 1 FROM directory_service_hours h WHERE h.org_id = s.org_id"
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
    double lat = static_cast<double>(*q.near_lat_e6) / 1e6;
    auto dlat = static_cast<std::int64_t>(within_km / 111.32 * 1e6);
    double cosine = std::max(0.01, std::cos(lat * M_PI / 180.0));
    auto dlon = static_cast<std::int64_t>(static_cast<double>(dlat) / cosine);
    auto cos_milli = static_cast<std::int64_t>(cosine * 1000);
    const std::string distance =
        "((s.latitude_e6 - ?) * (s.latitude_e6 - ?) + ((s.longitude_e6 - ?) * ? / 1000) * ((s.longitude_e6 - ?) * ? / 1000))";
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
    sql += " ORDER BY " + distance + ", s.hsds_id";
    distance_params();
  } else {
    sql += " ORDER BY s.name, s.hsds_id";
  }
  sql += " LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(q.limit));
  return {sql, p};
}

}  // namespace

Result<std::vector<ServiceHit>> search_services(Conn& c, const std::string& org_id, const ServiceQuery& q) {
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
    for (const auto& r : rows) {
      ServiceHit h{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(8), r.text(9), r.text(10),
                   r.text(11), std::nullopt, std::nullopt};
      if (!r.is_null(6)) h.latitude_e6 = r.integer(6);
      if (!r.is_null(7)) h.longitude_e6 = r.integer(7);
      out.push_back(std::move(h));
    }
    return out;
  }
}

Result<std::vector<CategoryCount>> categories(Conn& c, const std::string& org_id) {
  auto rows = TRY(c.query("SELECT code, MIN(name), COUNT(*) FROM directory_service_categories WHERE org_id = ?"
                          " GROUP BY code ORDER BY MIN(name), code",
                          {org_id}));
  std::vector<CategoryCount> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.integer(2)});
  return out;
}

namespace {

Result<std::optional<Place>> place_where(Conn& c, const std::string& org_id, const char* column, const std::string& value) {
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

namespace {

constexpr const char* kPartnerColumns =
    "id, name, directory_organization_id, status, agreement_purpose, agreement_roles, information_sharing,"
    " response_days, taking_referrals, wait_weeks, agreement_starts_on, agreement_review_on, version,"
    " referral_required_parts, referral_guidance, agreement_expectations, agreement_contacts, our_resources,"
    " partner_resources, capacity_updated_at";

Partner partner_from_row(const store::Row& r) {
  Partner p;
  p.id = r.text(0);
  p.name = r.text(1);
  p.directory_organization_id = r.text(2);
  p.status = r.text(3);
  p.agreement_purpose = r.text(4);
  p.agreement_roles = r.text(5);
  p.information_sharing = r.text(6);
  p.response_days = static_cast<int>(r.integer(7));
  p.taking_referrals = r.boolean(8);
  if (!r.is_null(9)) p.wait_weeks = static_cast<int>(r.integer(9));
  p.agreement_starts_on = r.opt_text(10);
  p.agreement_review_on = r.opt_text(11);
  p.version = r.integer(12);
  for (const auto& name : store::split_list(r.text(13)))
    if (auto part = access::parse_part(name)) p.required_parts.push_back(*part);
  p.referral_guidance = r.text(14);
  p.agreement_expectations = r.text(15);
  p.agreement_contacts = r.text(16);
  p.our_resources = r.text(17);
  p.partner_resources = r.text(18);
  p.capacity_updated_at = r.opt_text(19);
  return p;
}

constexpr const char* kReferralSelect =
    "SELECT r.id, r.person_id, r.partner_id, pa.name, r.service_name, r.reason, r.goal_ids, r.shared_parts, r.status,"
    " r.decline_reason, r.outcome, r.sent_at, r.responded_at, r.closed_at, r.created_at, r.updated_at, r.version,"
    " COALESCE(NULLIF(pe.preferred_name, ''), pe.given_name) || ' ' || pe.family_name"
    " FROM referrals r JOIN partners pa ON pa.org_id = r.org_id AND pa.id = r.partner_id"
    " JOIN people pe ON pe.org_id = r.org_id AND pe.id = r.person_id";

Referral referral_from_row(const store::Row& r) {
  Referral x;
  x.id = r.text(0);
  x.person_id = r.text(1);
  x.partner_id = r.text(2);
  x.partner_name = r.text(3);
  x.service_name = r.text(4);
  x.reason = r.text(5);
  x.goal_ids = store::split_list(r.text(6));
  for (const auto& name : store::split_list(r.text(7)))
    if (auto p = access::parse_part(name)) x.shared_parts.push_back(*p);
  x.status = r.text(8);
  x.decline_reason = r.text(9);
  x.outcome = r.text(10);
  x.sent_at = r.opt_text(11);
  x.responded_at = r.opt_text(12);
  x.closed_at = r.opt_text(13);
  x.created_at = r.text(14);
  x.updated_at = r.text(15);
  x.version = r.integer(16);
  x.person_name = r.text(17);
  return x;
}

std::string parts_list(const std::vector<access::Part>& parts) {
  std::vector<std::string> names;
  for (auto p : parts) names.emplace_back(access::part_name(p));
  return store::join_list(names);
}

}  // namespace

Result<std::vector<Partner>> partners(Conn& c, const std::string& org_id) {
  auto rows = TRY(c.query(std::string("SELECT ") + kPartnerColumns + " FROM partners WHERE org_id = ? ORDER BY name", {org_id}));
  std::vector<Partner> out;
  for (const auto& r : rows) out.push_back(partner_from_row(r));
  return out;
}

Result<std::optional<Partner>> partner(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kPartnerColumns + " FROM partners WHERE org_id = ? AND id = ?",
                             {org_id, id}));
  if (!row) return std::optional<Partner>{};
  return std::optional<Partner>{partner_from_row(*row)};
}

Result<void> insert_partner(Conn& c, const std::string& org_id, const Partner& p, const std::string& at, const std::string& by) {
  TRY(c.exec("INSERT INTO partners (org_id, id, name, directory_organization_id, status, agreement_purpose,"
             " agreement_roles, information_sharing, response_days, taking_referrals, wait_weeks, agreement_starts_on,"
             " agreement_review_on, created_at, updated_at, updated_by, version, referral_required_parts,"
             " referral_guidance, agreement_expectations, agreement_contacts, our_resources, partner_resources)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
             {org_id, p.id, p.name, p.directory_organization_id, p.status, p.agreement_purpose, p.agreement_roles,
              p.information_sharing, p.response_days, p.taking_referrals,
              p.wait_weeks ? store::Value(*p.wait_weeks) : store::Value(), p.agreement_starts_on, p.agreement_review_on,
              at, at, by, parts_list(p.required_parts), p.referral_guidance, p.agreement_expectations,
              p.agreement_contacts, p.our_resources, p.partner_resources}));
  return {};
}

Result<void> update_partner(Conn& c, const std::string& org_id, const Partner& p, std::int64_t expected_version,
                            const std::string& at, const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE partners SET name = ?, directory_organization_id = ?, status = ?, agreement_purpose = ?,"
      " agreement_roles = ?, information_sharing = ?, response_days = ?, taking_referrals = ?, wait_weeks = ?,"
      " agreement_starts_on = ?, agreement_review_on = ?, referral_required_parts = ?, referral_guidance = ?,"
      " agreement_expectations = ?, agreement_contacts = ?, our_resources = ?, partner_resources = ?,"
      " capacity_updated_at = ?, updated_at = ?, updated_by = ?, version = version + 1"
      " WHERE org_id = ? AND id = ? AND version = ?",
      {p.name, p.directory_organization_id, p.status, p.agreement_purpose, p.agreement_roles, p.information_sharing,
       p.response_days, p.taking_referrals, p.wait_weeks ? store::Value(*p.wait_weeks) : store::Value(),
       p.agreement_starts_on, p.agreement_review_on, parts_list(p.required_parts), p.referral_guidance,
       p.agreement_expectations, p.agreement_contacts, p.our_resources, p.partner_resources, p.capacity_updated_at, at,
       by, org_id, p.id, expected_version}));
  return store::check_versioned_update(c, changed, "partners", org_id, p.id, expected_version, "partner agency");
}

Result<void> insert_partner_document(Conn& c, const std::string& org_id, const PartnerDocument& d,
                                     const std::string& data_base64, const std::string& by) {
  TRY(c.exec("INSERT INTO partner_documents (org_id, id, partner_id, name, content_type, size_bytes, data_base64,"
             " uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {org_id, d.id, d.partner_id, d.name, d.content_type, d.size_bytes, data_base64, d.uploaded_at, by}));
  return {};
}

Result<std::vector<PartnerDocument>> partner_documents(Conn& c, const std::string& org_id, const std::string& partner_id) {
  auto rows = TRY(c.query("SELECT id, partner_id, name, content_type, uploaded_at, size_bytes FROM partner_documents"
                          " WHERE org_id = ? AND partner_id = ? ORDER BY uploaded_at DESC, id",
                          {org_id, partner_id}));
  std::vector<PartnerDocument> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5)});
  return out;
}

Result<std::optional<std::pair<PartnerDocument, std::string>>> partner_document(Conn& c, const std::string& org_id,
                                                                                const std::string& partner_id,
                                                                                const std::string& id) {
  auto r = TRY(c.query_one("SELECT id, partner_id, name, content_type, uploaded_at, size_bytes, data_base64"
                           " FROM partner_documents WHERE org_id = ? AND partner_id = ? AND id = ?",
                           {org_id, partner_id, id}));
  if (!r) return std::optional<std::pair<PartnerDocument, std::string>>{};
  return std::optional<std::pair<PartnerDocument, std::string>>{
      std::pair{PartnerDocument{r->text(0), r->text(1), r->text(2), r->text(3), r->text(4), r->integer(5)}, r->text(6)}};
}

Result<void> insert_referral(Conn& c, const std::string& org_id, const Referral& r, const std::string& by) {
  TRY(c.exec("INSERT INTO referrals (org_id, id, person_id, partner_id, service_name, reason, goal_ids, shared_parts,"
             " status, created_at, created_by, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {org_id, r.id, r.person_id, r.partner_id, r.service_name, r.reason, store::join_list(r.goal_ids),
              parts_list(r.shared_parts), r.status, r.created_at, by, r.updated_at, by}));
  return {};
}

Result<std::optional<Referral>> referral(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string(kReferralSelect) + " WHERE r.org_id = ? AND r.id = ?", {org_id, id}));
  if (!row) return std::optional<Referral>{};
  return std::optional<Referral>{referral_from_row(*row)};
}

Result<void> update_referral(Conn& c, const std::string& org_id, const Referral& r, std::int64_t expected_version,
                             const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE referrals SET status = ?, decline_reason = ?, outcome = ?, sent_at = ?, responded_at = ?, closed_at = ?,"
      " updated_at = ?, updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?",
      {r.status, r.decline_reason, r.outcome, r.sent_at, r.responded_at, r.closed_at, r.updated_at, by, org_id, r.id,
       expected_version}));
  return store::check_versioned_update(c, changed, "referrals", org_id, r.id, expected_version, "referral");
}

Result<void> insert_referral_event(Conn& c, const std::string& org_id, const std::string& referral_id,
                                   const ReferralEvent& e, const std::optional<std::string>& by) {
  // The referral's row is locked by the change this event records, so the next number is ours.
  auto next = TRY(c.query_one("SELECT COALESCE(MAX(seq), 0) + 1 FROM referral_events WHERE org_id = ? AND referral_id = ?",
                              {org_id, referral_id}));
  TRY(c.exec("INSERT INTO referral_events (org_id, id, referral_id, seq, at, by_user, by_role, from_status, to_status,"
             " note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {org_id, trellis::new_id(), referral_id, next->integer(0), e.at, by, e.by_role, e.from_status, e.to_status,
              e.note}));
  return {};
}

Result<std::vector<ReferralEvent>> referral_events(Conn& c, const std::string& org_id, const std::string& referral_id) {
  auto rows = TRY(c.query("SELECT at, from_status, to_status, note, by_role FROM referral_events"
                          " WHERE org_id = ? AND referral_id = ? ORDER BY seq",
                          {org_id, referral_id}));
  std::vector<ReferralEvent> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.opt_text(4)});
  return out;
}

Result<std::vector<Referral>> referrals_for_person(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(std::string(kReferralSelect) + " WHERE r.org_id = ? AND r.person_id = ? ORDER BY r.created_at DESC",
                          {org_id, person_id}));
  std::vector<Referral> out;
  for (const auto& r : rows) out.push_back(referral_from_row(r));
  return out;
}

Result<std::vector<Referral>> referrals_for_partner(Conn& c, const std::string& org_id, const std::string& partner_id,
                                                  const PageRequest& page) {
  std::string sql = std::string(kReferralSelect) + " WHERE r.org_id = ? AND r.partner_id = ? AND r.sent_at IS NOT NULL";
  store::Params p{org_id, partner_id};
  if (page.after && page.after->size() == 2) {
    sql += " AND (r.sent_at < ? OR (r.sent_at = ? AND r.id < ?))";
    p.insert(p.end(), {(*page.after)[0], (*page.after)[0], (*page.after)[1]});
  }
  sql += " ORDER BY r.sent_at DESC, r.id DESC LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(page.limit + 1));
  auto rows = TRY(c.query(sql, p));
  std::vector<Referral> out;
  for (const auto& r : rows) out.push_back(referral_from_row(r));
  return out;
}

Result<std::vector<PartnerFigures>> partner_figures(Conn& c, const std::string& org_id, const std::string& from,
                                                   const std::string& to, const std::optional<std::string>& partner_id) {
  std::string sql =
      "SELECT pa.id, pa.name, r.status, r.sent_at, r.responded_at, r.closed_at FROM partners pa"
      " LEFT JOIN referrals r ON r.org_id = pa.org_id AND r.partner_id = pa.id AND r.sent_at >= ? AND r.sent_at < ?"
      " WHERE pa.org_id = ?";
  store::Params p{from, to, org_id};
  if (partner_id) {
    sql += " AND pa.id = ?";
    p.emplace_back(*partner_id);
  }
  sql += " ORDER BY pa.name, pa.id";
  auto rows = TRY(c.query(sql, p));
  std::vector<PartnerFigures> out;
  double respond_days = 0, close_days = 0;
  std::int64_t closed = 0;
  auto days_between = [](const std::string& a, const std::string& b) {
    TimePoint x, y;
    if (!parse_iso(a, x) || !parse_iso(b, y)) return 0.0;
    return std::chrono::duration<double>(y - x).count() / 86400.0;
  };
  auto finish = [&] {
    if (out.empty()) return;
    auto& f = out.back();
    f.mean_days_to_respond = f.responded ? respond_days / static_cast<double>(f.responded) : 0;
    f.mean_days_to_close = closed ? close_days / static_cast<double>(closed) : 0;
  };
  for (const auto& r : rows) {
    if (out.empty() || out.back().partner_id != r.text(0)) {
      finish();
      out.push_back({r.text(0), r.text(1)});
      respond_days = close_days = 0;
      closed = 0;
    }
    if (r.is_null(3)) continue;  // no referral in the period
    auto& f = out.back();
    auto status = r.text(2);
    ++f.sent;
    if (status == "accepted" || status == "in_progress") ++f.accepted, ++f.open;
    else if (status == "completed") ++f.accepted, ++f.completed;
    else if (status == "declined") ++f.declined;
    else if (status == "redirected") ++f.redirected;
    else if (status == "withdrawn") ++f.withdrawn;
    else ++f.open;
    if (!r.is_null(4)) {
      ++f.responded;
      respond_days += days_between(r.text(3), r.text(4));
    }
    if (!r.is_null(5) && status != "withdrawn") {
      ++closed;
      close_days += days_between(r.text(3), r.text(5));
    }
  }
  finish();
  return out;
}

Result<void> insert_review(Conn& c, const std::string& org_id, const PartnershipReview& r, const std::string& by) {
  TRY(c.exec("INSERT INTO partnership_reviews (org_id, id, partner_id, title, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?)",
             {org_id, r.id, r.partner_id, r.title, r.opened_at, by}));
  return {};
}

Result<std::optional<PartnershipReview>> review(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one("SELECT v.id, v.partner_id, p.name, v.title, v.opened_at FROM partnership_reviews v"
                             " JOIN partners p ON p.org_id = v.org_id AND p.id = v.partner_id WHERE v.org_id = ? AND v.id = ?",
                             {org_id, id}));
  if (!row) return std::optional<PartnershipReview>{};
  PartnershipReview r;
  r.id = row->text(0);
  r.partner_id = row->text(1);
  r.partner_name = row->text(2);
  r.title = row->text(3);
  r.opened_at = row->text(4);
  return std::optional<PartnershipReview>{std::move(r)};
}

Result<std::vector<PartnershipReview>> reviews_for_partner(Conn& c, const std::string& org_id, const std::string& partner_id) {
  auto rows = TRY(c.query("SELECT id, partner_id, title, opened_at FROM partnership_reviews WHERE org_id = ? AND partner_id = ?"
                          " ORDER BY opened_at, id",
                          {org_id, partner_id}));
  std::vector<PartnershipReview> out;
  for (const auto& r : rows) {
    PartnershipReview v;
    v.id = r.text(0);
    v.partner_id = r.text(1);
    v.title = r.text(2);
    v.opened_at = r.text(3);
    out.push_back(std::move(v));
  }
  return out;
}

Result<void> replace_ratings(Conn& c, const std::string& org_id, const std::string& review_id, const std::string& rater_id,
                             const std::string& side, const std::vector<std::tuple<std::string, int, std::string>>& list,
                             const std::string& at) {
  TRY(c.exec("DELETE FROM partnership_ratings WHERE org_id = ? AND review_id = ? AND rater_id = ?", {org_id, review_id, rater_id}));
  for (const auto& [dimension, score, comment] : list)
    TRY(c.exec("INSERT INTO partnership_ratings (org_id, review_id, rater_id, rater_side, dimension, score, comment, rated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {org_id, review_id, rater_id, side, dimension, score, comment, at}));
  return {};
}

Result<std::vector<RatingRow>> ratings(Conn& c, const std::string& org_id, const std::string& review_id) {
  auto rows = TRY(c.query("SELECT rater_id, rater_side, dimension, comment, score FROM partnership_ratings"
                          " WHERE org_id = ? AND review_id = ?",
                          {org_id, review_id}));
  std::vector<RatingRow> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.integer(4))});
  return out;
}

Result<void> insert_action(Conn& c, const std::string& org_id, const std::string& review_id, const std::string& action,
                           const std::string& owner, const std::optional<std::string>& due_on, const std::string& at) {
  TRY(c.exec("INSERT INTO partnership_actions (org_id, id, review_id, action, owner, due_on, created_at)"
             " VALUES (?, ?, ?, ?, ?, ?, ?)",
             {org_id, trellis::new_id(), review_id, action, owner, due_on, at}));
  return {};
}

Result<std::vector<std::pair<std::string, std::string>>> actions(Conn& c, const std::string& org_id, const std::string& review_id) {
  auto rows = TRY(c.query("SELECT action, owner FROM partnership_actions WHERE org_id = ? AND review_id = ? ORDER BY created_at, id",
                          {org_id, review_id}));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.text(0), r.text(1));
  return out;
}

namespace {
constexpr const char* kSharedCareSelect =
    "SELECT s.id, s.person_id, s.partner_id, p.name, s.purpose, s.who_does_what, s.contacts, s.discharge_plan,"
    " s.review_on, s.updated_at, s.version FROM shared_care_plans s"
    " JOIN partners p ON p.org_id = s.org_id AND p.id = s.partner_id";
SharedCarePlan shared_from_row(const store::Row& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.opt_text(8),
          r.text(9), r.integer(10)};
}
}  // namespace

Result<std::vector<SharedCarePlan>> shared_care(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(std::string(kSharedCareSelect) + " WHERE s.org_id = ? AND s.person_id = ? ORDER BY p.name",
                          {org_id, person_id}));
  std::vector<SharedCarePlan> out;
  for (const auto& r : rows) out.push_back(shared_from_row(r));
  return out;
}

Result<std::optional<SharedCarePlan>> shared_care_plan(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string(kSharedCareSelect) + " WHERE s.org_id = ? AND s.id = ?", {org_id, id}));
  if (!row) return std::optional<SharedCarePlan>{};
  return std::optional<SharedCarePlan>{shared_from_row(*row)};
}

Result<void> insert_shared_care(Conn& c, const std::string& org_id, const SharedCarePlan& p, const std::string& by) {
  TRY(c.exec("INSERT INTO shared_care_plans (org_id, id, person_id, partner_id, purpose, who_does_what, contacts,"
             " discharge_plan, review_on, created_at, updated_at, updated_by, version)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {org_id, p.id, p.person_id, p.partner_id, p.purpose, p.who_does_what, p.contacts, p.discharge_plan,
              p.review_on, p.updated_at, p.updated_at, by}));
  return {};
}

Result<void> update_shared_care(Conn& c, const std::string& org_id, const SharedCarePlan& p, std::int64_t expected_version,
                                const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE shared_care_plans SET purpose = ?, who_does_what = ?, contacts = ?, discharge_plan = ?, review_on = ?,"
      " updated_at = ?, updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?",
      {p.purpose, p.who_does_what, p.contacts, p.discharge_plan, p.review_on, p.updated_at, by, org_id, p.id,
       expected_version}));
  return store::check_versioned_update(c, changed, "shared_care_plans", org_id, p.id, expected_version, "shared care plan");
}

Result<std::vector<CaseConference>> case_conferences(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query("SELECT id, person_id, held_on, attendees, decisions, actions, person_attended, created_at"
                          " FROM case_conferences WHERE org_id = ? AND person_id = ? ORDER BY held_on DESC, created_at DESC",
                          {org_id, person_id}));
  std::vector<CaseConference> out;
  for (const auto& r : rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.boolean(6), r.text(7)});
  return out;
}

Result<void> insert_case_conference(Conn& c, const std::string& org_id, const CaseConference& k, const std::string& by) {
  TRY(c.exec("INSERT INTO case_conferences (org_id, id, person_id, held_on, attendees, decisions, actions,"
             " person_attended, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {org_id, k.id, k.person_id, k.held_on, k.attendees, k.decisions, k.actions, k.person_attended,
              k.created_at, by}));
  return {};
}

}  // namespace trellis::partnerships::db
