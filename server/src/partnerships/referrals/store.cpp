#include "partnerships/referrals/store.hpp"

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::partnerships::db {

namespace {

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
  x.shared_parts = access::split_parts(r.text(7));
  x.status = parse_referral_state(r.text(8)).value_or(ReferralState::draft);
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

}  // namespace

Result<void> insert_referral(Conn& c, const std::string& org_id, const Referral& r, const std::string& by) {
  TRY(c.exec("INSERT INTO referrals (org_id, id, person_id, partner_id, service_name, reason, goal_ids, shared_parts,"
             " status, created_at, created_by, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {org_id, r.id, r.person_id, r.partner_id, r.service_name, r.reason, store::join_list(r.goal_ids),
              access::join_parts(r.shared_parts), std::string(state_name(r.status)), r.created_at, by, r.updated_at, by}));
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
      {std::string(state_name(r.status)), r.decline_reason, r.outcome, r.sent_at, r.responded_at, r.closed_at, r.updated_at, by, org_id, r.id,
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
    auto status = parse_referral_state(r.text(2)).value_or(ReferralState::draft);
    ++f.sent;
    using S = ReferralState;
    if (status == S::accepted || status == S::in_progress) ++f.accepted, ++f.open;
    else if (status == S::completed) ++f.accepted, ++f.completed;
    else if (status == S::declined) ++f.declined;
    else if (status == S::redirected) ++f.redirected;
    else if (status == S::withdrawn) ++f.withdrawn;
    else ++f.open;
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
