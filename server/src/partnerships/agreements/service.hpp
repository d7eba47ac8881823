// The rules of partner agencies and their agreements: the whole agreement kept with If-Match,
// documents attached to it, and the partner's own word on its capacity.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "partnerships/agreements/model.hpp"
#include "people/consent/service.hpp"
#include "store/db.hpp"

namespace trellis::partnerships {

// The one answer for a partner agency that is not this organisation's.
Error partner_not_found();

class AgreementsService final : public people::PartnerAgencies {
 public:
  AgreementsService(store::Db& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Partner agencies
  Result<std::vector<Partner>> partners(const std::string& org_id);
  Result<Partner> partner(const std::string& org_id, const std::string& id);
  Result<bool> is_partner_agency(const std::string& org_id, const std::string& partner_id) override;
  Result<Partner> add_partner(const access::Actor& actor, Partner p);
  // The whole agreement, as the service's managers keep it.
  Result<Partner> update_partner(const access::Actor& actor, const std::string& id, std::int64_t version,
                                 Partner changes);
  // Documents attached to the partnership (a signed agreement, say): type and size checked,
  // every upload kept.
  Result<PartnerDocument> attach_document(const access::Actor& actor, const std::string& partner_id,
                                          const std::string& name, const std::string& content_type,
                                          const std::string& data_base64);
  Result<std::vector<PartnerDocument>> documents(const std::string& org_id, const std::string& partner_id);
  // The document and its bytes.
  Result<std::pair<PartnerDocument, std::string>> document(const access::Actor& actor, const std::string& partner_id,
                                                           const std::string& id);
  // Whether they are taking referrals and the current wait, kept by the partner agency's own
  // users for their own agency (the service's managers change it with the agreement).
  Result<Partner> update_capacity(const access::Actor& actor, const access::Principal& who, std::int64_t version,
                                  bool taking_referrals, std::optional<int> wait_weeks);

 private:
  store::Db& db_;
  const Clock& clock_;
};

}  // namespace trellis::partnerships
