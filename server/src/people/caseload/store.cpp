#include "people/caseload/store.hpp"

#include <algorithm>
#include <map>

#include "access/policy.hpp"
#include "core/text.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"
#include "people/records/store.hpp"

namespace trellis::people::db {

namespace {

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

}  // namespace

Result<std::vector<CaseloadRow>> caseload(Conn& c, const std::string& org_id, const std::string& user_id,
                                          const std::vector<std::string>& team_ids,
                                          const std::optional<std::string>& folded_text, const PageRequest& page) {
  // The people on this worker's or their teams' care teams lead: a few hundred of a hundred
  // thousand, found by the member index, then sorted by name (rather than walking everyone in
  // name order and asking of each whether they are on the worker's caseload).
  // One index lookup for the worker, one for their teams: an OR here would walk every member.
  std::string mine =
      "SELECT m.person_id FROM care_team_members m WHERE m.org_id = ? AND m.member_type = 'user'"
      " AND m.member_id = ?";
  store::Params p{org_id, user_id};
  if (!team_ids.empty()) {
    mine +=
        " UNION SELECT m.person_id FROM care_team_members m WHERE m.org_id = ? AND m.member_type = 'team'"
        " AND m.member_id IN (" +
        store::placeholders(team_ids.size()) + ")";
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
  static const std::string person_columns = kPersonColumns.select_list("p");  // built once, not per page
  std::string sql = "SELECT " + person_columns +
                    ", pl.review_on,"
                    " COALESCE(pl.updated_at, ''),"
                    " (SELECT MAX(ci.taken_at) FROM check_ins ci WHERE ci.org_id = p.org_id AND ci.person_id = p.id),"
                    " p.search_name,"
                    " (SELECT MAX(g.updated_at) FROM goals g WHERE g.org_id = p.org_id AND g.person_id = p.id)"
                    " FROM (" +
                    page_sql + ") page" + store::leading_join(c.dialect()) +
                    "people p ON p.org_id = ? AND p.id = page.id"
                    " LEFT JOIN plans pl ON pl.org_id = p.org_id AND pl.person_id = p.id ORDER BY p.search_name, p.id";
  p.emplace_back(org_id);
  auto rows = TRY(c.query(sql, p));
  std::vector<CaseloadRow> out;
  const auto k = kPersonColumns.size();  // the person's columns, then what the query works out
  for (const auto& r : rows) {
    CaseloadRow row;
    row.person = kPersonColumns.read(r);
    row.review_on = r.opt_text(k);
    row.last_check_in = r.opt_text(k + 2);
    row.sort_key = r.text(k + 3);
    // Times are fixed-width UTC text, so the greatest string is the latest time.
    row.last_change = std::max({row.person.updated_at, r.text(k + 1), r.text(k + 4)});
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<Person>> search_all(Conn& c, const std::string& org_id, const std::string& folded_text,
                                       std::size_t limit) {
  static const std::string select = "SELECT " + kPersonColumns.select_list("p") + " FROM people p WHERE p.org_id = ?";
  std::string sql = select;
  store::Params p{org_id};
  add_name_filter(sql, p, folded_text);
  sql += " ORDER BY p.search_name, p.id LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(limit));
  auto rows = TRY(c.query(sql, p));
  std::vector<Person> out;
  for (const auto& r : rows) out.push_back(kPersonColumns.read(r));
  return out;
}

}  // namespace trellis::people::db
