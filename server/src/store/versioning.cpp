#include "store/versioning.hpp"

namespace trellis::store {

Result<void> check_versioned_update(Conn& c, std::int64_t changed, const std::string& table, const std::string& org_id,
                                    const std::string& id, std::int64_t expected, const std::string& what) {
  if (changed > 0) return {};
  // The table name comes from our own code, never from a request.
  auto row = TRY(c.query_one("SELECT version FROM " + table + " WHERE org_id = ? AND id = ?", {org_id, id}));
  if (!row)
    return fail(ErrorKind::not_found, "We could not find that " + what, "It may have been removed.", "not_found");
  Error e = Error::make(ErrorKind::conflict, "Someone else changed this " + what + " while you were editing",
                        "Your changes were not saved. Reload to see the latest version (" +
                            std::to_string(row->integer(0)) + "), then make your change again.",
                        "stale_version");
  (void)expected;
  return fail(std::move(e));
}

}  // namespace trellis::store
