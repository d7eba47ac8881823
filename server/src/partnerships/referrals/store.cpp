#include "partnerships/referrals/store.hpp"

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::partnerships::db {

namespace {

using store::column;
using store::Written;

// What a referral says is fixed once it is made (on_insert); its progress is what changes.
const store::Columns<Referral> kReferral{
    column<&Referral::id>("id", Written::on_insert),
    column<&Referral::person_id>("person_id", Written::on_insert),
    column<&Referral::partner_id>("partner_id", Written::on_insert),
    column<&Referral::service_name>("service_name", Written::on_insert),
    column<&Referral::reason>("reason", Written::on_insert),
    {"goal_ids", [](const Referral& r) -> store::Value { return store::join_list(r.goal_ids); },
     [](Referral& r, const store::Row& row, std::size_t i) { r.goal_ids = store::split_list(row.text(i)); },
     Written::on_insert},
    {"shared_parts", [](const Referral& r) -> store::Value { return access::join_parts(r.shared_parts); },
     [](Referral& r, const store::Row& row, std::size_t i) { r.shared_parts = access::split_parts(row.text(i)); },
     Written::on_insert},
    column<&Referral::status>("status"),
    column<&Referral::decline_reason>("decline_reason"),
    column<&Referral::outcome>("outcome"),
    column<&Referral::sent_at>("sent_at"),
    column<&Referral::responded_at>("responded_at"),
    column<&Referral::closed_at>("closed_at"),
    column<&Referral::created_at>("created_at", Written::on_insert),
    column<&Referral::updated_at>("updated_at"),
    column<&Referral::version>("version", Written::never),
};

// Each change to a referral, in the order it came (seq, kept beside it).
const store::Columns<ReferralEvent> kEvent{
    column<&ReferralEvent::at>("at"),
    column<&ReferralEvent::from_status>("from_status"),
    column<&ReferralEvent::to_status>("to_status"),
    column<&ReferralEvent::note>("note"),
    column<&ReferralEvent::by_role>("by_role"),
};

// The referral, then the partner's name and the person's as they are now.
const std::string kReferralSelect =
    "SELECT " + kReferral.select_list("r") +
    ", pa.name, COALESCE(NULLIF(pe.preferred_name, ''), pe.given_name) || ' ' || pe.family_name"
    " FROM referrals r JOIN partners pa ON pa.org_id = r.org_id AND pa.id = r.partner_id"
    " JOIN people pe ON pe.org_id = r.org_id AND pe.id = r.person_id";

Referral referral_from_row(const store::Row& row) {
  auto r = kReferral.read(row);
  r.partner_name = row.text(kReferral.size());
  r.person_name = row.text(kReferral.size() + 1);
  return r;
}

}  // namespace

Result<void> insert_referral(Conn& c, const std::string& org_id, const Referral& r, const std::string& by) {
  static const std::string sql = "INSERT INTO referrals (org_id, " + kReferral.insert_names() +
                                 ", created_by, updated_by, version) VALUES (?, " + kReferral.insert_placeholders() +
                                 ", ?, ?, 1)";
  store::Params p{org_id};
  kReferral.insert_values(r, p);
  p.insert(p.end(), {by, by});
  TRY(c.exec(sql, p));
  return {};
}

Result<std::optional<Referral>> referral(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(kReferralSelect + " WHERE r.org_id = ? AND r.id = ?", {org_id, id}));
  if (!row) return std::optional<Referral>{};
  return std::optional<Referral>{referral_from_row(*row)};
}

Result<void> update_referral(Conn& c, const std::string& org_id, const Referral& r, std::int64_t expected_version,
                             const std::string& by) {
  static const std::string sql = "UPDATE referrals SET " + kReferral.assignments() +
                                 ", updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?";
  store::Params p;
  kReferral.update_values(r, p);
  p.insert(p.end(), {by, org_id, r.id, expected_version});
  auto changed = TRY(c.exec(sql, p));
  return store::check_versioned_update(c, changed, "referrals", org_id, r.id, expected_version, "referral");
}

Result<void> insert_referral_event(Conn& c, const std::string& org_id, const std::string& referral_id,
                                   const ReferralEvent& e, const std::optional<std::string>& by) {
  // The referral's row is locked by the change this event records, so the next number is ours.
  auto next =
      TRY(c.query_one("SELECT COALESCE(MAX(seq), 0) + 1 FROM referral_events WHERE org_id = ? AND referral_id = ?",
                      {org_id, referral_id}));
  static const std::string sql = "INSERT INTO referral_events (org_id, id, referral_id, seq, by_user, " +
                                 kEvent.insert_names() + ") VALUES (?, ?, ?, ?, ?, " + kEvent.insert_placeholders() +
                                 ")";
  store::Params p{org_id, trellis::new_id(), referral_id, next->integer(0), by};
  kEvent.insert_values(e, p);
  TRY(c.exec(sql, p));
  return {};
}

Result<std::vector<ReferralEvent>> referral_events(Conn& c, const std::string& org_id, const std::string& referral_id) {
  static const std::string sql =
      "SELECT " + kEvent.select_list() + " FROM referral_events WHERE org_id = ? AND referral_id = ? ORDER BY seq";
  auto rows = TRY(c.query(sql, {org_id, referral_id}));
  std::vector<ReferralEvent> out;
  for (const auto& r : rows) out.push_back(kEvent.read(r));
  return out;
}

Result<std::vector<Referral>> referrals_for_person(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(kReferralSelect + " WHERE r.org_id = ? AND r.person_id = ? ORDER BY r.created_at DESC",
                          {org_id, person_id}));
  std::vector<Referral> out;
  for (const auto& r : rows) out.push_back(referral_from_row(r));
  return out;
}

Result<std::vector<Referral>> referrals_for_partner(Conn& c, const std::string& org_id, const std::string& partner_id,
                                                    const PageRequest& page) {
  std::string sql = kReferralSelect + " WHERE r.org_id = ? AND r.partner_id = ? AND r.sent_at IS NOT NULL";
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
                                                    const std::string& to,
                                                    const std::optional<std::string>& partner_id) {
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
    auto status = parse_name<ReferralState>(r.text(2)).value_or(ReferralState::draft);
    ++f.sent;
    using S = ReferralState;
    if (status == S::accepted || status == S::in_progress)
      ++f.accepted, ++f.open;
    else if (status == S::completed)
      ++f.accepted, ++f.completed;
    else if (status == S::declined)
      ++f.declined;
    else if (status == S::redirected)
      ++f.redirected;
    else if (status == S::withdrawn)
      ++f.withdrawn;
    else
      ++f.open;
    if (!r.is_null(4)) {
      ++f.responded;
      respond_days += days_between(r.text(3), r.text(4));
    }
    if (!r.is_null(5) && status != ReferralState::withdrawn) {
      ++closed;
      close_days += days_between(r.text(3), r.text(5));
    }
  }
  finish();
  return out;
}

}  // namespace trellis::partnerships::db
