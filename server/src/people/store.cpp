#include "people/store.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::people::db {
namespace {

constexpr const char* kPersonColumns =
    "p.org_id, p.id, p.given_name, p.family_name, p.preferred_name, p.pronouns, p.date_of_birth, p.email, p.phone,"
    " p.address, p.languages, p.interpreter_needed, p.cultural_identity, p.spiritual_practice, p.communication_needs,"
    " p.other_providers, p.status, p.support_started_on, p.support_ended_on, p.created_at, p.updated_at, p.version";
constexpr std::size_t kPersonColumnCount = 22;

Person person_from_row(const store::Row& r) {
  Person p;
  p.org_id = r.text(0);
  p.id = r.text(1);
  p.given_name = r.text(2);
  p.family_name = r.text(3);
  p.preferred_name = r.text(4);
  p.pronouns = r.text(5);
  p.date_of_birth = r.text(6);
  p.email = r.text(7);
  p.phone = r.text(8);
  p.address = r.text(9);
  p.languages = r.text(10);
  p.interpreter_needed = r.boolean(11);
  p.cultural_identity = r.text(12);
  p.spiritual_practice = r.text(13);
  p.communication_needs = r.text(14);
  p.other_providers = r.text(15);
  p.status = r.text(16);
  p.support_started_on = r.text(17);
  p.support_ended_on = r.opt_text(18);
  p.created_at = r.text(19);
  p.updated_at = r.text(20);
  p.version = r.integer(21);
  return p;
}

std::string search_name(const Person& p) {
  return fold_for_search(p.given_name + " " + p.preferred_name + " " + p.family_name);
}

// Every word typed must appear somewhere in the name: "zoe ash" finds "Zoë (Zo) Ashworth".
void add_name_filter(std::string& sql, store::Params& p, const std::string& folded) {
  std::size_t i = 0;
  while (i < folded.size()) {
    auto j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    if (j > i) {
      sql += " AND p.search_name LIKE ? ESCAPE '\\'";
      p.emplace_back(store::contains_pattern(folded.substr(i, j - i)));
    }
    i = j + 1;
  }
}


constexpr const char* kConsentColumns =
    "org_id, id, person_id, grantee_type, grantee_id, parts, purpose, starts_on, ends_on, recorded_at, recorded_by,"
    " withdrawn_at, withdrawn_by";

Consent consent_from_row(const store::Row& r) {
  Consent k;
  k.org_id = r.text(0);
  k.id = r.text(1);
  k.person_id = r.text(2);
  k.grantee_type = r.text(3);
  k.grantee_id = r.text(4);
  k.parts = access::split_parts(r.text(5));
  k.purpose = r.text(6);
  k.starts_on = r.text(7);
  k.ends_on = r.opt_text(8);
  k.recorded_at = r.text(9);
  k.recorded_by = r.opt_text(10);
  k.withdrawn_at = r.opt_text(11);
  k.withdrawn_by = r.opt_text(12);
  return k;
}

constexpr const char* kSupporterSelect =
    "SELECT s.org_id, s.id, s.person_id, s.name, s.relationship, s.phone, s.email, s.involvement, s.active,"
    " s.created_at, s.updated_at, s.version,"
    " EXISTS (SELECT 1 FROM users u WHERE u.org_id = s.org_id AND u.supporter_id = s.id) FROM supporters s";

Supporter supporter_from_row(const store::Row& r) {
  Supporter s;
  s.org_id = r.text(0);
  s.id = r.text(1);
  s.person_id = r.text(2);
  s.name = r.text(3);
  s.relationship = r.text(4);
  s.phone = r.text(5);
  s.email = r.text(6);
  s.involvement = r.text(7);
  s.active = r.boolean(8);
  s.created_at = r.text(9);
  s.updated_at = r.text(10);
  s.version = r.integer(11);
  s.has_account = r.boolean(12);
  return s;
}

}  // namespace

Result<std::optional<Person>> get_person(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kPersonColumns + " FROM people p WHERE p.org_id = ? AND p.id = ?",
                             {org_id, id}));
  if (!row) return std::optional<Person>{};
  return std::optional<Person>{person_from_row(*row)};
}

Result<void> insert_person(Conn& c, const Person& p, const std::string& by) {
  TRY(c.exec("INSERT INTO people (org_id, id, given_name, family_name, preferred_name, pronouns, date_of_birth, email,"
             " phone, address, languages, interpreter_needed, cultural_identity, spiritual_practice, communication_needs,"
             " other_providers, status, support_started_on, support_ended_on, search_name, created_at, updated_at,"
             " updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {p.org_id, p.id, p.given_name, p.family_name, p.preferred_name, p.pronouns, p.date_of_birth, p.email,
              p.phone, p.address, p.languages, p.interpreter_needed, p.cultural_identity, p.spiritual_practice,
              p.communication_needs, p.other_providers, p.status, p.support_started_on, p.support_ended_on,
              search_name(p), p.created_at, p.updated_at, by}));
  return {};
}

Result<void> update_person(Conn& c, const Person& p, std::int64_t expected_version, const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE people SET given_name = ?, family_name = ?, preferred_name = ?, pronouns = ?, date_of_birth = ?,"
      " email = ?, phone = ?, address = ?, languages = ?, interpreter_needed = ?, cultural_identity = ?,"
      " spiritual_practice = ?, communication_needs = ?, other_providers = ?, status = ?, support_ended_on = ?,"
      " search_name = ?, updated_at = ?, updated_by = ?, version = version + 1"
      " WHERE org_id = ? AND id = ? AND version = ?",
      {p.given_name, p.family_name, p.preferred_name, p.pronouns, p.date_of_birth, p.email, p.phone, p.address,
       p.languages, p.interpreter_needed, p.cultural_identity, p.spiritual_practice, p.communication_needs,
       p.other_providers, p.status, p.support_ended_on, search_name(p), p.updated_at, by, p.org_id, p.id,
       expected_version}));
  return store::check_versioned_update(c, changed, "people", p.org_id, p.id, expected_version, "person's details");
}

Result<std::vector<Person>> find_similar(Conn& c, const std::string& org_id, const std::string& date_of_birth,
                                         const std::string& folded_name) {
  // Same birth date, and the folded name shares the family name: cheap on the index, and
  // catches "Zoë Smith" against "Zoe Smith" or "Zoe Jane Smith".
  auto rows = TRY(c.query(std::string("SELECT ") + kPersonColumns +
                              " FROM people p WHERE p.org_id = ? AND p.date_of_birth = ?",
                          {org_id, date_of_birth}));
  std::vector<Person> out;
  for (const auto& r : rows) {
    auto p = person_from_row(r);
    auto family = fold_for_search(p.family_name);
    if (!family.empty() && folded_name.find(family) != std::string::npos) out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<CaseloadRow>> caseload(Conn& c, const std::string& org_id, const std::string& user_id,
                                          const std::vector<std::string>& team_ids,
                                          const std::optional<std::string>& folded_text, const PageRequest& page) {
  // The people on this worker's or their teams' care teams lead: a few hundred of a hundred
  // thousand, found by the member index, then sorted by name (rather than walking everyone in
  // name order and asking of each whether they are on the worker's caseload).
  // One index lookup for the worker, one for their teams: an OR here would walk every member.
  std::string mine = "SELECT m.person_id FROM care_team_members m WHERE m.org_id = ? AND m.member_type = 'user'"
                     " AND m.member_id = ?";
  store::Params p{org_id, user_id};
  if (!team_ids.empty()) {
    mine += " UNION SELECT m.person_id FROM care_team_members m WHERE m.org_id = ? AND m.member_type = 'team'"
            " AND m.member_id IN (" + store::placeholders(team_ids.size()) + ")";
    p.emplace_back(org_id);
    for (const auto& t : team_ids) p.emplace_back(t);
  }
  // First the page: which people, in name order (their ids and names only). Then what the list
  // shows of each of those, so the latest check-in and goal are looked up for one page, not for
  // everyone on the caseload.
  std::string page_sql = "SELECT p.id, p.search_name FROM (" + mine + ") mine" + store::leading_join(c.dialect()) +
                         "people p ON p.org_id = ? AND p.id = mine.person_id WHERE 1 = 1";
  p.emplace_back(org_id);
  if (folded_text) add_name_filter(page_sql, p, *folded_text);
  if (page.after && page.after->size() == 2) {
    page_sql += " AND (p.search_name > ? OR (p.search_name = ? AND p.id > ?))";
    p.emplace_back((*page.after)[0]);
    p.emplace_back((*page.after)[0]);
    p.emplace_back((*page.after)[1]);
  }
  page_sql += " ORDER BY p.search_name, p.id LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(page.limit + 1));
  std::string sql = std::string("SELECT ") + kPersonColumns +
                    ", pl.review_on,"
                    " COALESCE(pl.updated_at, ''),"
                    " (SELECT MAX(ci.taken_at) FROM check_ins ci WHERE ci.org_id = p.org_id AND ci.person_id = p.id),"
                    " p.search_name,"
                    " (SELECT MAX(g.updated_at) FROM goals g WHERE g.org_id = p.org_id AND g.person_id = p.id)"
                    " FROM (" + page_sql + ") page" + store::leading_join(c.dialect()) +
                    "people p ON p.org_id = ? AND p.id = page.id"
                    " LEFT JOIN plans pl ON pl.org_id = p.org_id AND pl.person_id = p.id ORDER BY p.search_name, p.id";
  p.emplace_back(org_id);
  auto rows = TRY(c.query(sql, p));
  std::vector<CaseloadRow> out;
  for (const auto& r : rows) {
    CaseloadRow row;
    row.person = person_from_row(r);
    row.review_on = r.opt_text(kPersonColumnCount);
    row.last_check_in = r.opt_text(kPersonColumnCount + 2);
    row.sort_key = r.text(kPersonColumnCount + 3);
    // Times are fixed-width UTC text, so the greatest string is the latest time.
    row.last_change = std::max({row.person.updated_at, r.text(kPersonColumnCount + 1), r.text(kPersonColumnCount + 4)});
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<Person>> search_all(Conn& c, const std::string& org_id, const std::string& folded_text,
                                       std::size_t limit) {
  std::string sql = std::string("SELECT ") + kPersonColumns + " FROM people p WHERE p.org_id = ?";
  store::Params p{org_id};
  add_name_filter(sql, p, folded_text);
  sql += " ORDER BY p.search_name, p.id LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(limit));
  auto rows = TRY(c.query(sql, p));
  std::vector<Person> out;
  for (const auto& r : rows) out.push_back(person_from_row(r));
  return out;
}

Result<std::vector<CareTeamMember>> care_team(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(
      "SELECT m.member_type, m.member_id, COALESCE(u.display_name, t.name, ''), COALESCE(u.role, '')"
      " FROM care_team_members m"
      " LEFT JOIN users u ON m.member_type = 'user' AND u.org_id = m.org_id AND u.id = m.member_id"
      " LEFT JOIN teams t ON m.member_type = 'team' AND t.org_id = m.org_id AND t.id = m.member_id"
      " WHERE m.org_id = ? AND m.person_id = ? ORDER BY m.member_type DESC, 3",
      {org_id, person_id}));
  std::vector<CareTeamMember> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

Result<void> set_care_team(Conn& c, const std::string& org_id, const std::string& person_id,
                           const std::vector<CareTeamMember>& members, const std::string& by, const std::string& at) {
  TRY(c.exec("DELETE FROM care_team_members WHERE org_id = ? AND person_id = ?", {org_id, person_id}));
  for (const auto& m : members)
    TRY(c.exec("INSERT INTO care_team_members (org_id, person_id, member_type, member_id, added_at, added_by)"
               " VALUES (?, ?, ?, ?, ?, ?)",
               {org_id, person_id, m.member_type, m.member_id, at, by}));
  return {};
}

Result<bool> on_care_team(Conn& c, const std::string& org_id, const std::string& person_id, const std::string& user_id,
                          const std::vector<std::string>& team_ids) {
  std::string sql =
      "SELECT 1 FROM care_team_members WHERE org_id = ? AND person_id = ?"
      " AND ((member_type = 'user' AND member_id = ?)";
  store::Params p{org_id, person_id, user_id};
  if (!team_ids.empty()) {
    sql += " OR (member_type = 'team' AND member_id IN (" + store::placeholders(team_ids.size()) + "))";
    for (const auto& t : team_ids) p.emplace_back(t);
  }
  sql += ") LIMIT 1";
  auto row = TRY(c.query_one(sql, p));
  return row.has_value();
}

Result<std::vector<Supporter>> supporters(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(std::string(kSupporterSelect) + " WHERE s.org_id = ? AND s.person_id = ? ORDER BY s.name",
                          {org_id, person_id}));
  std::vector<Supporter> out;
  for (const auto& r : rows) out.push_back(supporter_from_row(r));
  return out;
}

Result<std::optional<Supporter>> get_supporter(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string(kSupporterSelect) + " WHERE s.org_id = ? AND s.id = ?", {org_id, id}));
  if (!row) return std::optional<Supporter>{};
  return std::optional<Supporter>{supporter_from_row(*row)};
}

Result<void> insert_supporter(Conn& c, const Supporter& s, const std::string& by) {
  TRY(c.exec("INSERT INTO supporters (org_id, id, person_id, name, relationship, phone, email, involvement, active,"
             " created_at, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {s.org_id, s.id, s.person_id, s.name, s.relationship, s.phone, s.email, s.involvement, s.active,
              s.created_at, s.updated_at, by}));
  return {};
}

Result<void> update_supporter(Conn& c, const Supporter& s, std::int64_t expected_version, const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE supporters SET name = ?, relationship = ?, phone = ?, email = ?, involvement = ?, active = ?,"
      " updated_at = ?, updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?",
      {s.name, s.relationship, s.phone, s.email, s.involvement, s.active, s.updated_at, by, s.org_id, s.id,
       expected_version}));
  return store::check_versioned_update(c, changed, "supporters", s.org_id, s.id, expected_version, "supporter");
}

Result<std::vector<Consent>> consents(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(std::string("SELECT ") + kConsentColumns +
                              " FROM consents WHERE org_id = ? AND person_id = ? ORDER BY recorded_at DESC",
                          {org_id, person_id}));
  std::vector<Consent> out;
  for (const auto& r : rows) out.push_back(consent_from_row(r));
  return out;
}

Result<std::optional<Consent>> get_consent(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kConsentColumns + " FROM consents WHERE org_id = ? AND id = ?",
                             {org_id, id}));
  if (!row) return std::optional<Consent>{};
  return std::optional<Consent>{consent_from_row(*row)};
}

Result<void> insert_consent(Conn& c, const Consent& k) {
  TRY(c.exec(std::string("INSERT INTO consents (") + kConsentColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {k.org_id, k.id, k.person_id, k.grantee_type, k.grantee_id, access::join_parts(k.parts), k.purpose, k.starts_on,
              k.ends_on, k.recorded_at, k.recorded_by, k.withdrawn_at, k.withdrawn_by}));
  return {};
}

Result<bool> withdraw_consent(Conn& c, const std::string& org_id, const std::string& id, const std::string& at,
                              const std::string& by) {
  auto n = TRY(c.exec("UPDATE consents SET withdrawn_at = ?, withdrawn_by = ? WHERE org_id = ? AND id = ?"
                      " AND withdrawn_at IS NULL",
                      {at, by, org_id, id}));
  return n > 0;
}

Result<std::vector<Consent>> consents_for_grantee(Conn& c, const std::string& org_id, const std::string& grantee_type,
                                                  const std::string& grantee_id) {
  auto rows = TRY(c.query(std::string("SELECT ") + kConsentColumns +
                              " FROM consents WHERE org_id = ? AND grantee_type = ? AND grantee_id = ?"
                              " AND withdrawn_at IS NULL",
                          {org_id, grantee_type, grantee_id}));
  std::vector<Consent> out;
  for (const auto& r : rows) out.push_back(consent_from_row(r));
  return out;
}

Result<std::vector<Consent>> consents_for_supporter(Conn& c, const std::string& org_id, const std::string& supporter_id) {
  return consents_for_grantee(c, org_id, "supporter", supporter_id);
}

Result<void> insert_break_glass(Conn& c, const BreakGlass& b) {
  TRY(c.exec("INSERT INTO break_glass (org_id, id, user_id, person_id, reason_code, reason, started_at, expires_at)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             {b.org_id, b.id, b.user_id, b.person_id, b.reason_code, b.reason, b.started_at, b.expires_at}));
  return {};
}

Result<bool> has_open_break_glass(Conn& c, const std::string& org_id, const std::string& user_id,
                                  const std::string& person_id, const std::string& now) {
  auto row = TRY(c.query_one("SELECT 1 FROM break_glass WHERE org_id = ? AND user_id = ? AND person_id = ?"
                             " AND started_at <= ? AND expires_at > ? LIMIT 1",
                             {org_id, user_id, person_id, now, now}));
  return row.has_value();
}

Result<std::vector<BreakGlass>> break_glass_to_review(Conn& c, const std::string& org_id, bool include_reviewed,
                                                      std::size_t limit) {
  auto rows = TRY(c.query(
      std::string("SELECT b.org_id, b.id, b.user_id, b.person_id, b.reason_code, b.reason, b.started_at, b.expires_at,"
                  " b.reviewed_by, b.reviewed_at, b.review_note, COALESCE(u.display_name, ''),"
                  " COALESCE(p.given_name || ' ' || p.family_name, '')"
                  " FROM break_glass b LEFT JOIN users u ON u.org_id = b.org_id AND u.id = b.user_id"
                  " LEFT JOIN people p ON p.org_id = b.org_id AND p.id = b.person_id WHERE b.org_id = ?") +
          (include_reviewed ? "" : " AND b.reviewed_at IS NULL") + " ORDER BY b.started_at DESC LIMIT ?",
      {org_id, static_cast<std::int64_t>(limit)}));
  std::vector<BreakGlass> out;
  for (const auto& r : rows) {
    BreakGlass b{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7),
                 r.opt_text(8), r.opt_text(9), r.opt_text(10), r.text(11), r.text(12)};
    out.push_back(std::move(b));
  }
  return out;
}

Result<bool> review_break_glass(Conn& c, const std::string& org_id, const std::string& id, const std::string& by,
                                const std::string& at, const std::string& note) {
  auto n = TRY(c.exec("UPDATE break_glass SET reviewed_by = ?, reviewed_at = ?, review_note = ?"
                      " WHERE org_id = ? AND id = ? AND reviewed_at IS NULL",
                      {by, at, note, org_id, id}));
  return n > 0;
}

}  // namespace trellis::people::db
