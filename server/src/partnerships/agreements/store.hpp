// The SQL of partner agencies, their agreements and the documents attached to them.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "partnerships/agreements/model.hpp"
#include "store/db.hpp"

namespace trellis::partnerships::db {

using store::Conn;

Result<std::vector<Partner>> partners(Conn& c, const std::string& org_id);
Result<std::optional<Partner>> partner(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_partner(Conn& c, const std::string& org_id, const Partner& p, const std::string& at,
                            const std::string& by);
// Only when the partner is still at `expected_version`; otherwise a conflict naming it.
Result<void> update_partner(Conn& c, const std::string& org_id, const Partner& p, std::int64_t expected_version,
                            const std::string& at, const std::string& by);

// Documents attached to a partnership: metadata newest first, and one document's content.
Result<void> insert_partner_document(Conn& c, const std::string& org_id, const PartnerDocument& d,
                                     const std::string& data_base64, const std::string& by);
Result<std::vector<PartnerDocument>> partner_documents(Conn& c, const std::string& org_id,
                                                       const std::string& partner_id);
Result<std::optional<std::pair<PartnerDocument, std::string>>> partner_document(Conn& c, const std::string& org_id,
                                                                                const std::string& partner_id,
                                                                                const std::string& id);

}  // namespace trellis::partnerships::db
