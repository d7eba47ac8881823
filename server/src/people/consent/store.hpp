// The SQL of what each person shares, with whom, and for how long.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people::db {

using store::Conn;

// Consent
Result<std::vector<Consent>> consents(Conn& c, const std::string& org_id, const std::string& person_id);
Result<std::optional<Consent>> get_consent(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_consent(Conn& c, const Consent& k);
Result<bool> withdraw_consent(Conn& c, const std::string& org_id, const std::string& id, const std::string& at,
                              const std::string& by);
// Consents not withdrawn that name this grantee ("supporter" or "partner"); callers check dates.
// With `person_ids`, only those people's (the grantee index leads to them directly).
Result<std::vector<Consent>> consents_for_grantee(Conn& c, const std::string& org_id, const std::string& grantee_type,
                                                  const std::string& grantee_id,
                                                  const std::vector<std::string>& person_ids = {});
Result<std::vector<Consent>> consents_for_supporter(Conn& c, const std::string& org_id,
                                                    const std::string& supporter_id);

}  // namespace trellis::people::db
