#include "partnerships/agreements/service.hpp"

#include <sodium.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "partnerships/agreements/document_types.hpp"
#include "partnerships/agreements/store.hpp"

namespace trellis::partnerships {

Error partner_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that partner agency", "", "not_found");
}

Result<std::vector<Partner>> AgreementsService::partners(const std::string& org_id) {
  return db_.read([&](store::Conn& c) { return db::partners(c, org_id); });
}

Result<Partner> AgreementsService::partner(const std::string& org_id, const std::string& id) {
  auto p = TRY(db_.read([&](store::Conn& c) { return db::partner(c, org_id, id); }));
  if (!p) return fail(partner_not_found());
  return *p;
}

Result<bool> AgreementsService::is_partner_agency(const std::string& org_id, const std::string& partner_id) {
  auto p = TRY(db_.read([&](store::Conn& c) { return db::partner(c, org_id, partner_id); }));
  return p.has_value();
}

Result<Partner> AgreementsService::add_partner(const access::Actor& actor, Partner p) {
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
  for (const auto& [field, date] :
       {std::pair{"agreementStartsOn", p.agreement_starts_on}, {"agreementReviewOn", p.agreement_review_on}})
    if (date && !valid_date(*date))
      return fail(Error::field(ErrorKind::unprocessable, field, "must be a date like 2027-06-30"));
  if (p.agreement_starts_on && p.agreement_review_on && *p.agreement_review_on < *p.agreement_starts_on)
    return fail(Error::field(ErrorKind::unprocessable, "agreementReviewOn", "must be on or after the start date"));
  return {};
}

}  // namespace

Result<Partner> AgreementsService::update_partner(const access::Actor& actor, const std::string& id,
                                                  std::int64_t version, Partner changes) {
  TRY_VOID(check_agreement(changes));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Partner> {
    auto found = TRY(db::partner(c, actor.org_id, id));
    if (!found) return fail(partner_not_found());
    changes.id = id;
    changes.capacity_updated_at =
        changes.taking_referrals != found->taking_referrals || changes.wait_weeks != found->wait_weeks
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

Result<Partner> AgreementsService::update_capacity(const access::Actor& actor, const access::Principal& who,
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
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

}  // namespace

Result<PartnerDocument> AgreementsService::attach_document(const access::Actor& actor, const std::string& partner_id,
                                                           const std::string& name, const std::string& content_type,
                                                           const std::string& data_base64) {
  if (std::find(std::begin(kDocumentTypes), std::end(kDocumentTypes), content_type) == std::end(kDocumentTypes))
    return fail(
        Error::field(ErrorKind::unprocessable, "contentType", "must be a PDF, Word, OpenDocument or text file"));
  auto bytes = from_base64(data_base64);
  if (!bytes) return fail(Error::field(ErrorKind::bad_request, "data", "must be the file's content in base64"));
  if (bytes->empty()) return fail(Error::field(ErrorKind::unprocessable, "data", "is an empty file"));
  if (!content_matches(content_type, *bytes))
    return fail(Error::field(ErrorKind::unprocessable, "data",
                             "is not a " + content_type + " file as declared; attach the document itself"));
  if (static_cast<std::int64_t>(bytes->size()) > kMaxDocumentBytes)
    return fail(
        Error::field(ErrorKind::payload_too_large, "data",
                     "is larger than " + std::to_string(kMaxDocumentBytes / 1024) + " KiB; attach a smaller copy"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<PartnerDocument> {
    if (!TRY(db::partner(c, actor.org_id, partner_id))) return fail(partner_not_found());
    PartnerDocument d{new_id(), partner_id, name, content_type, to_iso(now), static_cast<std::int64_t>(bytes->size())};
    TRY_VOID(db::insert_partner_document(c, actor.org_id, d, data_base64, actor.user_id.value_or("")));
    auto e = actor.entry("partner.document.attach", "partner", partner_id);
    e.detail = name;
    TRY_VOID(access::append_audit(c, e, now));
    return d;
  });
}

Result<std::vector<PartnerDocument>> AgreementsService::documents(const std::string& org_id,
                                                                  const std::string& partner_id) {
  return db_.read([&](store::Conn& c) -> Result<std::vector<PartnerDocument>> {
    // Another organisation's partner, or none: the same answer as any unknown address.
    if (!TRY(db::partner(c, org_id, partner_id))) return fail(partner_not_found());
    return db::partner_documents(c, org_id, partner_id);
  });
}

Result<std::pair<PartnerDocument, std::string>> AgreementsService::document(const access::Actor& actor,
                                                                            const std::string& partner_id,
                                                                            const std::string& id) {
  auto found = TRY(db_.read([&](store::Conn& c) { return db::partner_document(c, actor.org_id, partner_id, id); }));
  if (!found) return fail(ErrorKind::not_found, "We could not find that document", "", "not_found");
  auto bytes = from_base64(found->second);
  if (!bytes) return fail(ErrorKind::internal, "That document could not be read back", "", "internal");
  return std::pair{found->first, std::move(*bytes)};
}

}  // namespace trellis::partnerships
