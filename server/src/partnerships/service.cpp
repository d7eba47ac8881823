#include "partnerships/service.hpp"
#include "partnerships/document_types.hpp"
#include "recovery/service.hpp"

#include <sodium.h>

#include <set>
#include <sstream>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "core/text.hpp"
#include "core/ids.hpp"
#include "people/service.hpp"

namespace trellis::partnerships {

Result<ImportReport> PartnershipsService::import_hsds(const access::Actor& actor, std::string_view json_text,
                                                      const std::function<void(std::size_t, std::size_t)>& progress) {
  return apply(actor, TRY(read_hsds_json(json_text)), progress);
}

Result<ImportReport> PartnershipsService::import_hsds_tabular(const access::Actor& actor, const std::string& dir,
                                                              const std::function<void(std::size_t, std::size_t)>& progress) {
  return apply(actor, TRY(read_hsds_tabular(dir)), progress);
}

Result<ImportReport> PartnershipsService::apply(const access::Actor& actor, HsdsFile file,
                                                const std::function<void(std::size_t, std::size_t)>& progress) {
  ImportReport report;
  if (!file.rejected.empty()) {
    report.rejected = std::move(file.rejected);
    return report;
  }
  auto now = clock_.now();
  auto at = to_iso(now);
  TRY_VOID(db_.write([&](store::Conn& c) -> Result<void> {
    auto n = TRY(db::apply_records(c, actor.org_id, file.records, at, progress));
    report = ImportReport{n.added, n.updated, n.unchanged, {}};
    auto e = actor.entry("directory.import", "directory", "");
    e.detail = std::to_string(report.added) + " added, " + std::to_string(report.updated) + " updated, " +
               std::to_string(report.unchanged) + " unchanged";
    return access::append_audit(c, e, now);
  }));
  return report;
}

Error rejected_error(const std::vector<HsdsRejection>& rejected) {
  Error e = Error::make(ErrorKind::unprocessable, "Nothing was imported: some records need fixing",
                        std::to_string(rejected.size()) + " records could not be read; the whole file was left out.",
                        "hsds_rejected");
  for (const auto& x : rejected)
    e.fields.push_back({"records[" + std::to_string(x.index) + "]", (x.id.empty() ? "" : x.id + ": ") + x.reason});
  return e;
}

Result<ImportProgress> PartnershipsService::start_import(const access::Actor& actor, HsdsFile file) {
  if (!file.rejected.empty()) return fail(rejected_error(file.rejected));
  auto total = file.records.size();
  return imports_.start(actor.org_id, actor.user_id.value_or(""), total,
                        [this, actor, file = std::move(file)](const ImportJobs::Progress& progress) mutable {
                          return apply(actor, std::move(file), progress);
                        });
}

std::optional<ImportProgress> PartnershipsService::import_progress(const std::string& org_id, const std::string& id) {
  return imports_.get(org_id, id);
}

std::optional<ImportProgress> PartnershipsService::wait_for_import(const std::string& org_id, const std::string& id) {
  return imports_.wait(org_id, id);
}

Result<nlohmann::json> PartnershipsService::export_hsds(const access::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<nlohmann::json> {
    auto records = TRY(db::documents(c, actor.org_id));
    auto e = actor.entry("directory.export", "directory", "");
    e.detail = std::to_string(records.size()) + " records";
    TRY_VOID(access::append_audit(c, e, now));
    return hsds_export(records);
  });
}

Result<std::vector<std::pair<std::string, std::string>>> PartnershipsService::export_hsds_tabular(
    const access::Actor& actor) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<std::vector<std::pair<std::string, std::string>>> {
    auto records = TRY(db::documents(c, actor.org_id));
    auto e = actor.entry("directory.export", "directory", "");
    e.detail = "tabular";
    TRY_VOID(access::append_audit(c, e, now));
    return hsds_tabular_export(records);
  });
}

namespace {

const std::string_view kStates[] = {"vic", "nsw", "qld", "sa", "wa", "tas", "nt", "act"};

// "Northcote", "3070", or "12 Smith St, Northcote VIC 3070": a postcode first, then each part
// between commas, last first, without a state or postcode at its end.
Result<std::optional<db::Place>> find_place(store::Conn& c, const std::string& org_id, const std::string& text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    bool four = std::all_of(text.begin() + i, text.begin() + i + 4, [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
    bool bounded = (i == 0 || !std::isdigit(static_cast<unsigned char>(text[i - 1]))) &&
                   (i + 4 == text.size() || !std::isdigit(static_cast<unsigned char>(text[i + 4])));
    if (four && bounded)
      if (auto p = TRY(db::place_by_postcode(c, org_id, text.substr(i, 4)))) return p;
  }
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) parts.push_back(part);
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    std::vector<std::string> words;
    std::stringstream ws(fold_for_search(*it));
    for (std::string w; ws >> w;) words.push_back(w);
    while (!words.empty() && (std::all_of(words.back().begin(), words.back().end(), ::isdigit) ||
                              std::find(std::begin(kStates), std::end(kStates), words.back()) != std::end(kStates)))
      words.pop_back();
    std::string locality;
    for (const auto& w : words) locality += (locality.empty() ? "" : " ") + w;
    if (locality.empty()) continue;
    if (auto p = TRY(db::place_by_locality(c, org_id, locality))) return p;
  }
  return std::optional<db::Place>{};
}

}  // namespace

Result<PartnershipsService::Search> PartnershipsService::find_services(const std::string& org_id, db::ServiceQuery q,
                                                                       const std::string& near) {
  q.folded_text = fold_for_search(q.folded_text);
  if (q.language) q.language = fold_for_search(*q.language);
  return db_.read([&](store::Conn& c) -> Result<Search> {
    Search out;
    if (!near.empty()) {
      out.near = TRY(find_place(c, org_id, near));
      if (!out.near)
        return fail(Error::field(ErrorKind::bad_request, "near",
                                 "is not a suburb or postcode with services in the directory; try a nearby one"));
      q.near_lat_e6 = out.near->latitude_e6;
      q.near_lon_e6 = out.near->longitude_e6;
    }
    out.hits = TRY(db::search_services(c, org_id, q));
    return out;
  });
}

Result<std::vector<db::CategoryCount>> PartnershipsService::categories(const std::string& org_id) {
  return db_.read([&](store::Conn& c) { return db::categories(c, org_id); });
}

namespace {

Error partner_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that partner agency", "", "not_found");
}

Error referral_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that referral", "It may have been withdrawn.", "not_found");
}

bool shareable(access::Part p) {
  return std::find(std::begin(access::kShareableParts), std::end(access::kShareableParts), p) !=
         std::end(access::kShareableParts);
}

bool consent_covers(const std::vector<people::Consent>& consents, const std::string& person_id,
                    const std::string& partner_id, access::Part part, const std::string& today) {
  for (const auto& k : consents)
    if (k.person_id == person_id && k.grantee_type == "partner" && k.grantee_id == partner_id && k.in_force(today) &&
        std::find(k.parts.begin(), k.parts.end(), part) != k.parts.end())
      return true;
  return false;
}

// The parts a partner may see of a person right now: shared in the referral, and covered by a
// consent in force for that partner. Nothing at all unless the consent covers who the person is
// (the profile part): a referral names the person and says why (decision 0014).
std::vector<access::Part> consented_parts(const std::vector<people::Consent>& consents, const Referral& r,
                                          const std::string& today) {
  std::vector<access::Part> out;
  if (!consent_covers(consents, r.person_id, r.partner_id, access::Part::profile, today)) return out;
  for (auto part : r.shared_parts)
    if (consent_covers(consents, r.person_id, r.partner_id, part, today)) out.push_back(part);
  return out;
}

bool partner_may_know_person(const std::vector<people::Consent>& consents, const Referral& r, const std::string& today) {
  return consent_covers(consents, r.person_id, r.partner_id, access::Part::profile, today);
}

// Once the person's consent has gone, the partner keeps only what it needs to close its own
// file: the referral's reference, its service, state and dates (decision 0014).
void withhold_person(Referral& r) {
  r.person_withheld = true;
  r.person_id.clear();
  r.person_name.clear();
  r.reason.clear();
  r.goal_ids.clear();
  r.shared_parts.clear();
  r.decline_reason.clear();
  r.outcome.clear();
}

// Who may move a referral from one state to the next.
bool partner_may(const std::string& from, const std::string& to) {
  if (from == "sent") return to == "received" || to == "accepted" || to == "declined" || to == "redirected";
  if (from == "received") return to == "accepted" || to == "declined" || to == "redirected";
  if (from == "accepted") return to == "in_progress" || to == "completed";
  if (from == "in_progress") return to == "completed";
  return false;
}

}  // namespace

Result<std::vector<Partner>> PartnershipsService::partners(const std::string& org_id) {
  return db_.read([&](store::Conn& c) { return db::partners(c, org_id); });
}

Result<Partner> PartnershipsService::partner(const std::string& org_id, const std::string& id) {
  auto p = TRY(db_.read([&](store::Conn& c) { return db::partner(c, org_id, id); }));
  if (!p) return fail(partner_not_found());
  return *p;
}

Result<bool> PartnershipsService::is_partner_agency(const std::string& org_id, const std::string& partner_id) {
  auto p = TRY(db_.read([&](store::Conn& c) { return db::partner(c, org_id, partner_id); }));
  return p.has_value();
}

Result<Partner> PartnershipsService::add_partner(const access::Actor& actor, Partner p) {
  auto now = clock_.now();
  p.id = new_id();
  return db_.write([&](store::Conn& c) -> Result<Partner> {
    auto ins = db::insert_partner(c, actor.org_id, p, to_iso(now), actor.user_id.value_or(""));
    if (!ins && store::is_unique_violation(ins.error()))
      return fail(Error::field(ErrorKind::conflict, "name", "is already a partner agency"));
    TRY_VOID(ins);
    TRY_VOID(access::append_audit(c, actor.entry("partner.create", "partner", p.id), now));
    return p;
  });
}

namespace {

Result<void> check_agreement(const Partner& p) {
  for (const auto& [field, date] : {std::pair{"agreementStartsOn", p.agreement_starts_on}, {"agreementReviewOn", p.agreement_review_on}})
    if (date && !valid_date(*date)) return fail(Error::field(ErrorKind::unprocessable, field, "must be a date like 2027-06-30"));
  if (p.agreement_starts_on && p.agreement_review_on && *p.agreement_review_on < *p.agreement_starts_on)
    return fail(Error::field(ErrorKind::unprocessable, "agreementReviewOn", "must be on or after the start date"));
  return {};
}

}  // namespace

Result<Partner> PartnershipsService::update_partner(const access::Actor& actor, const std::string& id, std::int64_t version,
                                                    Partner changes) {
  TRY_VOID(check_agreement(changes));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Partner> {
    auto found = TRY(db::partner(c, actor.org_id, id));
    if (!found) return fail(partner_not_found());
    changes.id = id;
    changes.capacity_updated_at = changes.taking_referrals != found->taking_referrals || changes.wait_weeks != found->wait_weeks
                                      ? std::optional<std::string>(to_iso(now))
                                      : found->capacity_updated_at;
    auto updated = db::update_partner(c, actor.org_id, changes, version, to_iso(now), actor.user_id.value_or(""));
    if (!updated && store::is_unique_violation(updated.error()))
      return fail(Error::field(ErrorKind::conflict, "name", "is already a partner agency"));
    TRY_VOID(updated);
    TRY_VOID(access::append_audit(c, actor.entry("partner.update", "partner", id), now));
    changes.version = version + 1;
    return changes;
  });
}

Result<Partner> PartnershipsService::update_capacity(const access::Actor& actor, const access::Principal& who,
                                                     std::int64_t version, bool taking_referrals,
                                                     std::optional<int> wait_weeks) {
  if (!who.user.partner_id)
    return fail(ErrorKind::forbidden, "This sign-in is not linked to a partner agency",
                "Ask the service's partnerships manager to link it.", "forbidden");
  const auto& id = *who.user.partner_id;
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Partner> {
    auto found = TRY(db::partner(c, actor.org_id, id));
    if (!found) return fail(partner_not_found());
    Partner p = *found;
    p.taking_referrals = taking_referrals;
    p.wait_weeks = wait_weeks;
    p.capacity_updated_at = to_iso(now);
    TRY_VOID(db::update_partner(c, actor.org_id, p, version, to_iso(now), actor.user_id.value_or("")));
    auto e = actor.entry("partner.capacity", "partner", id);
    e.detail = std::string(taking_referrals ? "taking referrals" : "not taking referrals") +
               (wait_weeks ? ", wait " + std::to_string(*wait_weeks) + " weeks" : "");
    TRY_VOID(access::append_audit(c, e, now));
    p.version = version + 1;
    return p;
  });
}

namespace {

std::optional<std::string> from_base64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

}  // namespace

Result<PartnerDocument> PartnershipsService::attach_document(const access::Actor& actor, const std::string& partner_id,
                                                             const std::string& name, const std::string& content_type,
                                                             const std::string& data_base64) {
  if (std::find(std::begin(kDocumentTypes), std::end(kDocumentTypes), content_type) == std::end(kDocumentTypes))
    return fail(Error::field(ErrorKind::unprocessable, "contentType", "must be a PDF, Word, OpenDocument or text file"));
  auto bytes = from_base64(data_base64);
  if (!bytes) return fail(Error::field(ErrorKind::bad_request, "data", "must be the file's content in base64"));
  if (bytes->empty()) return fail(Error::field(ErrorKind::unprocessable, "data", "is an empty file"));
  if (!content_matches(content_type, *bytes))
    return fail(Error::field(ErrorKind::unprocessable, "data",
                             "is not a " + content_type + " file as declared; attach the document itself"));
  if (static_cast<std::int64_t>(bytes->size()) > kMaxDocumentBytes)
    return fail(Error::field(ErrorKind::payload_too_large, "data",
                             "is larger than " + std::to_string(kMaxDocumentBytes / 1024) + " KiB; attach a smaller copy"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<PartnerDocument> {
    if (!TRY(db::partner(c, actor.org_id, partner_id)))
      return fail(partner_not_found());
    PartnerDocument d{new_id(), partner_id, name, content_type, to_iso(now), static_cast<std::int64_t>(bytes->size())};
    TRY_VOID(db::insert_partner_document(c, actor.org_id, d, data_base64, actor.user_id.value_or("")));
    auto e = actor.entry("partner.document.attach", "partner", partner_id);
    e.detail = name;
    TRY_VOID(access::append_audit(c, e, now));
    return d;
  });
}

Result<std::vector<PartnerDocument>> PartnershipsService::documents(const std::string& org_id,
                                                                    const std::string& partner_id) {
  return db_.read([&](store::Conn& c) -> Result<std::vector<PartnerDocument>> {
    // Another organisation's partner, or none: the same answer as any unknown address.
    if (!TRY(db::partner(c, org_id, partner_id))) return fail(partner_not_found());
    return db::partner_documents(c, org_id, partner_id);
  });
}

Result<std::pair<PartnerDocument, std::string>> PartnershipsService::document(const access::Actor& actor,
                                                                              const std::string& partner_id,
                                                                              const std::string& id) {
  auto found = TRY(db_.read([&](store::Conn& c) { return db::partner_document(c, actor.org_id, partner_id, id); }));
  if (!found) return fail(ErrorKind::not_found, "We could not find that document", "", "not_found");
  auto bytes = from_base64(found->second);
  if (!bytes) return fail(ErrorKind::internal, "That document could not be read back", "", "internal");
  return std::pair{found->first, std::move(*bytes)};
}

void PartnershipsService::mark_overdue(Referral& r, const Partner& p) const {
  TimePoint sent;
  if (r.status == "sent" && r.sent_at && parse_iso(*r.sent_at, sent))
    r.overdue = clock_.now() > sent + std::chrono::hours(24 * p.response_days);
}

Result<Referral> PartnershipsService::draft_referral(const access::Actor& actor, const std::string& person_id,
                                                     const NewReferral& in) {
  for (auto part : in.shared_parts)
    if (!shareable(part))
      return fail(Error::field(ErrorKind::unprocessable, "sharedParts",
                               std::string(access::part_name(part)) + " cannot be shared with a partner"));
  auto partner = TRY(this->partner(actor.org_id, in.partner_id));
  if (!in.goal_ids.empty()) {
    auto goals = TRY(recovery_.goals(actor.org_id, person_id));
    for (const auto& id : in.goal_ids)
      if (std::none_of(goals.begin(), goals.end(), [&](const auto& g) { return g.id == id; }))
        return fail(Error::field(ErrorKind::unprocessable, "goalIds", "includes a goal that is not this person's"));
  }
  auto now = clock_.now();
  Referral r;
  r.id = new_id();
  r.person_id = person_id;
  r.partner_id = partner.id;
  r.partner_name = partner.name;
  r.service_name = in.service_name;
  r.reason = in.reason;
  r.goal_ids = in.goal_ids;
  r.shared_parts = in.shared_parts;
  r.created_at = r.updated_at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<Referral> {
    TRY_VOID(db::insert_referral(c, actor.org_id, r, actor.user_id.value_or("")));
    TRY_VOID(db::insert_referral_event(c, actor.org_id, r.id, {r.created_at, "", "draft", "", actor.role},
                                       actor.user_id));
    TRY_VOID(access::append_audit(c, actor.about_person("referral.create", "referral", r.id, person_id), now));
    return r;
  });
}

Result<Referral> PartnershipsService::move(const access::Actor& actor, Referral r, std::int64_t version,
                                           const std::string& to, const std::string& note) {
  auto now = clock_.now();
  auto at = to_iso(now);
  auto from = r.status;
  r.status = to;
  r.updated_at = at;
  if (to == "sent") r.sent_at = at;
  if (from == "sent" && !r.responded_at) r.responded_at = at;
  if (to == "declined") r.decline_reason = note;
  if (to == "completed") r.outcome = note;
  if (to == "completed" || to == "declined" || to == "redirected" || to == "withdrawn") r.closed_at = at;
  return db_.write([&](store::Conn& c) -> Result<Referral> {
    TRY_VOID(db::update_referral(c, actor.org_id, r, version, actor.user_id.value_or("")));
    TRY_VOID(db::insert_referral_event(c, actor.org_id, r.id, {at, from, to, note, actor.role}, actor.user_id));
    auto e = actor.about_person("referral." + to, "referral", r.id, r.person_id);
    e.detail = from + " -> " + to;
    TRY_VOID(access::append_audit(c, e, now));
    r.version = version + 1;
    return r;
  });
}

Result<Referral> PartnershipsService::send_referral(const access::Actor& actor, const std::string& person_id,
                                                    const std::string& referral_id, std::int64_t version) {
  auto r = TRY(db_.read([&](store::Conn& c) { return db::referral(c, actor.org_id, referral_id); }));
  if (!r || r->person_id != person_id) return fail(referral_not_found());
  if (r->status != "draft")
    return fail(ErrorKind::conflict, "This referral has already been sent", "Its status is " + r->status + ".",
                "referral_state");
  auto p = TRY(partner(actor.org_id, r->partner_id));
  if (!p.taking_referrals)
    return fail(ErrorKind::conflict, p.name + " is not taking referrals just now",
                "Look for another service in the directory, or ask them when they will open again.", "not_taking_referrals");
  for (auto part : p.required_parts)
    if (std::find(r->shared_parts.begin(), r->shared_parts.end(), part) == r->shared_parts.end())
      return fail(Error::field(ErrorKind::unprocessable, "sharedParts",
                               p.name + "'s referral protocol needs " + std::string(access::part_name(part)) +
                                   " shared; withdraw this draft and make one that shares it"));
  auto consents = TRY(people_.consents(actor.org_id, person_id));
  auto today = to_iso(clock_.now()).substr(0, 10);
  // A referral always says who the person is and why: the consent must cover their profile, and
  // each part the referral shares besides.
  auto covered = consented_parts(consents, *r, today);
  if (!partner_may_know_person(consents, *r, today) || covered.size() != r->shared_parts.size()) {
    Error e = Error::make(ErrorKind::unprocessable, "The person has not agreed to this referral",
                          "Record their consent to share their details with " + p.name +
                              " (and each part the referral shares), then send it.",
                          "consent_required");
    e.fields.push_back({"consent", "needed for " + p.name});
    return fail(std::move(e));
  }
  return move(actor, *r, version, "sent", "");
}

Result<Referral> PartnershipsService::withdraw_referral(const access::Actor& actor, const std::string& person_id,
                                                        const std::string& referral_id, std::int64_t version,
                                                        const std::string& note) {
  auto r = TRY(db_.read([&](store::Conn& c) { return db::referral(c, actor.org_id, referral_id); }));
  if (!r || r->person_id != person_id) return fail(referral_not_found());
  if (r->status == "completed" || r->status == "declined" || r->status == "redirected" || r->status == "withdrawn")
    return fail(ErrorKind::conflict, "This referral is already closed", "Its status is " + r->status + ".", "referral_state");
  return move(actor, *r, version, "withdrawn", note);
}

Result<std::vector<Referral>> PartnershipsService::referrals_for_person(const std::string& org_id,
                                                                       const std::string& person_id) {
  return db_.read([&](store::Conn& c) -> Result<std::vector<Referral>> {
    auto list = TRY(db::referrals_for_person(c, org_id, person_id));
    auto all = TRY(db::partners(c, org_id));
    for (auto& r : list)
      for (const auto& p : all)
        if (p.id == r.partner_id) mark_overdue(r, p);
    return list;
  });
}

Result<std::vector<ReferralEvent>> PartnershipsService::timeline(const std::string& org_id, const std::string& person_id,
                                                                 const std::string& referral_id) {
  return db_.read([&](store::Conn& c) -> Result<std::vector<ReferralEvent>> {
    auto r = TRY(db::referral(c, org_id, referral_id));
    if (!r || r->person_id != person_id) return fail(referral_not_found());
    return db::referral_events(c, org_id, referral_id);
  });
}

Result<PartnershipsService::InboxPage> PartnershipsService::inbox(const access::Actor& actor, const access::Principal& who,
                                                                 const PageRequest& page) {
  if (!who.user.partner_id) return InboxPage{};
  auto now = clock_.now();
  auto consents = TRY(people_.consents_for_partner(who.user.org_id, *who.user.partner_id));
  // The list shows people's names, so reading it is audited for each person on the page, in one
  // transaction.
  return db_.write([&](store::Conn& c) -> Result<InboxPage> {
    auto list = TRY(db::referrals_for_partner(c, who.user.org_id, *who.user.partner_id, page));
    InboxPage out;
    if (list.size() > page.limit) {
      list.resize(page.limit);
      out.next_cursor = encode_cursor({*list.back().sent_at, list.back().id});
    }
    auto p = TRY(db::partner(c, who.user.org_id, *who.user.partner_id));
    auto today = to_iso(now).substr(0, 10);
    std::vector<std::pair<access::AuditEntry, TimePoint>> reads;
    for (auto& r : list) {
      if (p) mark_overdue(r, *p);
      r.goal_ids.clear();  // goals are shown only in the one referral's view, with consent checked
      if (!partner_may_know_person(consents, r, today)) {
        withhold_person(r);
        continue;  // nothing of the person is shown, so nothing of theirs was read
      }
      auto e = actor.about_person("person.read", "referral", r.id, r.person_id);
      e.detail = "partner inbox";
      reads.emplace_back(std::move(e), now);
    }
    TRY_VOID(access::append_audit(c, reads));  // chained in one pass
    out.items = std::move(list);
    return out;
  });
}

Result<PartnerReferralView> PartnershipsService::inbox_item(const access::Actor& actor, const access::Principal& who,
                                                            const std::string& referral_id) {
  auto r = TRY(db_.read([&](store::Conn& c) { return db::referral(c, who.user.org_id, referral_id); }));
  // Another agency's referral, or a draft, looks the same as none at all.
  if (!r || !who.user.partner_id || r->partner_id != *who.user.partner_id || r->status == "draft")
    return fail(referral_not_found());
  auto consents = TRY(people_.consents(who.user.org_id, r->person_id));
  auto now = clock_.now();
  PartnerReferralView v;
  v.visible_parts = consented_parts(consents, *r, to_iso(now).substr(0, 10));
  v.timeline = TRY(timeline(who.user.org_id, r->person_id, referral_id));
  v.referral = *r;
  if (!partner_may_know_person(consents, *r, to_iso(now).substr(0, 10))) {
    withhold_person(v.referral);
    for (auto& e : v.timeline) e.note.clear();  // notes speak about the person
    return v;
  }
  TRY_VOID(db_.write([&](store::Conn& c) {
    auto e = actor.about_person("person.read", "referral", referral_id, r->person_id);
    e.detail = "partner view";
    return access::append_audit(c, e, now);
  }));
  return v;
}

Result<Referral> PartnershipsService::respond(const access::Actor& actor, const access::Principal& who,
                                              const std::string& referral_id, std::int64_t version, const std::string& to,
                                              const std::string& note) {
  auto r = TRY(db_.read([&](store::Conn& c) { return db::referral(c, who.user.org_id, referral_id); }));
  if (!r || !who.user.partner_id || r->partner_id != *who.user.partner_id || r->status == "draft")
    return fail(referral_not_found());
  if (!partner_may(r->status, to))
    return fail(Error::field(ErrorKind::unprocessable, "status",
                             "cannot go from " + r->status + " to " + to));
  if ((to == "declined" || to == "redirected") && note.empty())
    return fail(Error::field(ErrorKind::unprocessable, "note",
                             to == "declined" ? "give the reason for declining, so the worker and the person can plan"
                                              : "say where the person was redirected"));
  if (to == "completed" && note.empty())
    return fail(Error::field(ErrorKind::unprocessable, "note", "describe the outcome"));
  // The partner can still close its file after the person's consent has gone; what it is shown
  // back follows the same rule as its inbox.
  auto moved = TRY(move(actor, *r, version, to, note));
  auto consents = TRY(people_.consents(who.user.org_id, moved.person_id));
  if (!partner_may_know_person(consents, moved, to_iso(clock_.now()).substr(0, 10))) withhold_person(moved);
  return moved;
}

Result<std::vector<db::PartnerFigures>> PartnershipsService::figures(const access::Principal& who,
                                                                  const std::string& from, const std::string& to) {
  if (!valid_date(from)) return fail(Error::field(ErrorKind::bad_request, "from", "must be a date like 2026-01-01"));
  if (!valid_date(to)) return fail(Error::field(ErrorKind::bad_request, "to", "must be a date like 2026-12-31"));
  std::optional<std::string> only;
  if (who.user.role == access::Role::partner) {
    if (!who.user.partner_id) return std::vector<db::PartnerFigures>{};
    only = who.user.partner_id;
  }
  return db_.read([&](store::Conn& c) {
    return db::partner_figures(c, who.user.org_id, from + "T00:00:00.000Z", to + "T23:59:59.999Z", only);
  });
}

namespace {

bool manages_partners(const access::Principal& who) {
  return access::role_has(who.user.role, access::Permission::manage_partners);
}

Error review_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that partnership review", "", "not_found");
}

}  // namespace

Result<PartnershipReview> PartnershipsService::review_for(store::Conn& c, const access::Principal& who,
                                                          const std::string& review_id) {
  auto r = TRY(db::review(c, who.user.org_id, review_id));
  if (!r) return fail(review_not_found());
  bool own_partner = who.user.role == access::Role::partner && who.user.partner_id == r->partner_id;
  if (!manages_partners(who) && !own_partner) return fail(review_not_found());
  auto rows = TRY(db::ratings(c, who.user.org_id, review_id));
  // The review before this one, for change since last time.
  std::optional<std::string> previous_id;
  for (const auto& v : TRY(db::reviews_for_partner(c, who.user.org_id, r->partner_id))) {
    if (v.id == r->id) break;
    previous_id = v.id;
  }
  std::vector<db::RatingRow> previous;
  if (previous_id) previous = TRY(db::ratings(c, who.user.org_id, *previous_id));
  std::set<std::string> service_raters, partner_raters;
  for (const auto& d : kDimensions) {
    DimensionResult res;
    res.code = std::string(d.code);
    int lo = 6, hi = 0, sum = 0;
    for (const auto& x : rows) {
      if (x.dimension != d.code) continue;
      ++res.raters;
      sum += x.score;
      lo = std::min(lo, x.score);
      hi = std::max(hi, x.score);
      if (!x.comment.empty()) res.comments.push_back(x.comment);
      (x.side == "partner" ? partner_raters : service_raters).insert(x.rater_id);
    }
    if (res.raters) {
      res.mean = static_cast<double>(sum) / res.raters;
      res.spread = hi - lo;
    }
    int psum = 0, pn = 0;
    for (const auto& x : previous)
      if (x.dimension == d.code) psum += x.score, ++pn;
    if (pn) res.previous_mean = static_cast<double>(psum) / pn;
    r->results.push_back(std::move(res));
  }
  r->service_raters = static_cast<int>(service_raters.size());
  r->partner_raters = static_cast<int>(partner_raters.size());
  r->actions = TRY(db::actions(c, who.user.org_id, review_id));
  return *r;
}

Result<PartnershipReview> PartnershipsService::open_review(const access::Actor& actor, const std::string& partner_id,
                                                           const std::string& title) {
  TRY(partner(actor.org_id, partner_id));
  auto now = clock_.now();
  PartnershipReview r;
  r.id = new_id();
  r.partner_id = partner_id;
  r.title = title;
  r.opened_at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<PartnershipReview> {
    TRY_VOID(db::insert_review(c, actor.org_id, r, actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.entry("partnership_review.open", "partnership_review", r.id), now));
    return r;
  });
}

Result<PartnershipReview> PartnershipsService::rate(const access::Actor& actor, const access::Principal& who,
                                                    const std::string& review_id,
                                                    const std::vector<std::tuple<std::string, int, std::string>>& list) {
  std::set<std::string> seen;
  for (const auto& [dimension, score, comment] : list) {
    bool known = std::any_of(std::begin(kDimensions), std::end(kDimensions), [&](const Dimension& d) { return d.code == dimension; });
    if (!known) return fail(Error::field(ErrorKind::unprocessable, "ratings", dimension + " is not a dimension of the review"));
    if (score < 1 || score > 5) return fail(Error::field(ErrorKind::unprocessable, "ratings", dimension + " needs a score from 1 to 5"));
    if (!seen.insert(dimension).second) return fail(Error::field(ErrorKind::unprocessable, "ratings", dimension + " appears twice"));
  }
  if (seen.size() != std::size(kDimensions))
    return fail(Error::field(ErrorKind::unprocessable, "ratings", "rate every dimension, so results compare like with like"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<PartnershipReview> {
    TRY(review_for(c, who, review_id));
    auto side = who.user.role == access::Role::partner ? "partner" : "service";
    TRY_VOID(db::replace_ratings(c, who.user.org_id, review_id, who.user.id, side, list, to_iso(now)));
    TRY_VOID(access::append_audit(c, actor.entry("partnership_review.rate", "partnership_review", review_id), now));
    return review_for(c, who, review_id);
  });
}

Result<PartnershipReview> PartnershipsService::review(const access::Principal& who, const std::string& review_id) {
  return db_.read([&](store::Conn& c) { return review_for(c, who, review_id); });
}

Result<std::vector<PartnershipReview>> PartnershipsService::reviews(const access::Principal& who, const std::string& partner_id) {
  bool own_partner = who.user.role == access::Role::partner && who.user.partner_id == partner_id;
  if (!manages_partners(who) && !own_partner) return fail(review_not_found());
  return db_.read([&](store::Conn& c) -> Result<std::vector<PartnershipReview>> {
    if (!TRY(db::partner(c, who.user.org_id, partner_id))) return fail(partner_not_found());
    return db::reviews_for_partner(c, who.user.org_id, partner_id);
  });
}

Result<PartnershipReview> PartnershipsService::add_action(const access::Actor& actor, const access::Principal& who,
                                                          const std::string& review_id, const std::string& action,
                                                          const std::string& owner, const std::optional<std::string>& due_on) {
  if (due_on && !valid_date(*due_on)) return fail(Error::field(ErrorKind::unprocessable, "dueOn", "must be a date like 2026-12-01"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<PartnershipReview> {
    TRY(review_for(c, who, review_id));
    TRY_VOID(db::insert_action(c, who.user.org_id, review_id, action, owner, due_on, to_iso(now)));
    TRY_VOID(access::append_audit(c, actor.entry("partnership_review.action", "partnership_review", review_id), now));
    return review_for(c, who, review_id);
  });
}

Result<std::vector<SharedCarePlan>> PartnershipsService::shared_care(const std::string& org_id,
                                                                   const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::shared_care(c, org_id, person_id); });
}

Result<SharedCarePlan> PartnershipsService::add_shared_care(const access::Actor& actor, const std::string& person_id,
                                                            SharedCarePlan p) {
  if (p.review_on && !valid_date(*p.review_on))
    return fail(Error::field(ErrorKind::unprocessable, "reviewOn", "must be a date like 2026-12-01"));
  auto partner = TRY(this->partner(actor.org_id, p.partner_id));
  auto now = clock_.now();
  p.id = new_id();
  p.person_id = person_id;
  p.partner_name = partner.name;
  p.updated_at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<SharedCarePlan> {
    TRY_VOID(db::insert_shared_care(c, actor.org_id, p, actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.about_person("shared_care.create", "shared_care_plan", p.id, person_id), now));
    return p;
  });
}

Result<SharedCarePlan> PartnershipsService::update_shared_care(const access::Actor& actor, const std::string& person_id,
                                                               const std::string& id, std::int64_t version,
                                                               const SharedCarePlan& changes) {
  if (changes.review_on && !valid_date(*changes.review_on))
    return fail(Error::field(ErrorKind::unprocessable, "reviewOn", "must be a date like 2026-12-01"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<SharedCarePlan> {
    auto found = TRY(db::shared_care_plan(c, actor.org_id, id));
    if (!found || found->person_id != person_id)
      return fail(ErrorKind::not_found, "We could not find that shared care plan", "", "not_found");
    SharedCarePlan p = *found;
    if (!changes.purpose.empty()) p.purpose = changes.purpose;
    p.who_does_what = changes.who_does_what;
    p.contacts = changes.contacts;
    p.discharge_plan = changes.discharge_plan;
    p.review_on = changes.review_on;
    p.updated_at = to_iso(now);
    TRY_VOID(db::update_shared_care(c, actor.org_id, p, version, actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.about_person("shared_care.update", "shared_care_plan", p.id, person_id), now));
    p.version = version + 1;
    return p;
  });
}

Result<std::vector<CaseConference>> PartnershipsService::case_conferences(const std::string& org_id,
                                                                         const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::case_conferences(c, org_id, person_id); });
}

Result<CaseConference> PartnershipsService::add_case_conference(const access::Actor& actor, const std::string& person_id,
                                                               CaseConference k) {
  if (!valid_date(k.held_on)) return fail(Error::field(ErrorKind::unprocessable, "heldOn", "must be a date like 2026-11-20"));
  auto now = clock_.now();
  k.id = new_id();
  k.person_id = person_id;
  k.created_at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<CaseConference> {
    TRY_VOID(db::insert_case_conference(c, actor.org_id, k, actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.about_person("case_conference.create", "case_conference", k.id, person_id), now));
    return k;
  });
}

}  // namespace trellis::partnerships
