#include "people/caseload/service.hpp"

#include <algorithm>
#include <map>
#include <span>

#include "access/audit.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "people/common.hpp"
#include "people/json.hpp"
#include "people/caseload/store.hpp"
#include "store/history.hpp"

namespace trellis::people {

Result<CaseloadPage> CaseloadService::caseload(const access::Principal& who, const std::optional<std::string>& text,
                                               const PageRequest& page) {
  std::optional<std::string> folded;
  if (text && !text->empty()) folded = fold_for_search(*text);
  auto rows = TRY(db_.read(
      [&](store::Conn& c) { return db::caseload(c, who.user.org_id, who.user.id, who.user.team_ids, folded, page); }));
  CaseloadPage out;
  auto day = today(clock_.now());
  for (std::size_t i = 0; i < rows.size() && i < page.limit; ++i) {
    CaseloadEntry e{rows[i].person, rows[i].review_on, rows[i].last_check_in, rows[i].last_change, false};
    e.review_overdue = e.review_on && *e.review_on < day;
    out.items.push_back(std::move(e));
  }
  if (rows.size() > page.limit)
    out.next_cursor = encode_cursor({rows[page.limit - 1].sort_key, rows[page.limit - 1].person.id});
  return out;
}

Result<CaseloadService::Found> CaseloadService::find_anyone(const access::Actor& actor, const access::Principal& who,
                                                            const std::string& text) {
  auto folded = fold_for_search(text);
  if (folded.size() < 2)
    return fail(Error::field(ErrorKind::bad_request, "q", "needs at least 2 letters of the person's name"));
  auto found = TRY(db_.read([&](store::Conn& c) { return db::search_all(c, who.user.org_id, folded, 20); }));
  Found out;
  for (auto& p : found) out.people.push_back({std::move(p), std::nullopt, std::nullopt, "", false});
  out.search = actor.entry("person.search", "people", "");
  out.search.detail = std::to_string(out.people.size()) + " found";
  return out;
}

}  // namespace trellis::people
