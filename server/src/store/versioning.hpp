// Optimistic concurrency for every versioned record: an UPDATE carries "AND version = ?"; when
// it changes nothing, this tells a vanished record (404) from a stale edit (409).
#pragma once
#include <string>

#include "store/db.hpp"

namespace trellis::store {

Result<void> check_versioned_update(Conn& c, std::int64_t changed, const std::string& table, const std::string& org_id,
                                    const std::string& id, std::int64_t expected, const std::string& what);

}  // namespace trellis::store
