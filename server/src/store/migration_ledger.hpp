// The migrations table (schema_migrations): which migrations a database has run, when, and the
// checksum of the text that ran. Its first shape (name, applied_at) is the one every database
// has; migration 0017 adds the checksum column, so each call here asks whether it is there yet.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace trellis::store::ledger {

struct Entry {
  std::string name;
  std::optional<std::string> checksum;  // none: applied before checksums were kept
};

// Creates the table in its first shape when the database has none.
Result<void> ensure(Conn& c);
// Whether the checksum column exists (asked of the database's catalogue, per dialect).
Result<bool> has_checksums(Conn& c);
Result<std::vector<Entry>> entries(Conn& c);
Result<bool> is_applied(Conn& c, const std::string& name);
// Records an applied migration; its checksum too when the column exists.
Result<void> record(Conn& c, const std::string& name, const std::string& checksum, const std::string& now);
// Sets the checksum of an applied migration that has none; returns whether it did.
Result<bool> fill_checksum(Conn& c, const std::string& name, const std::string& checksum);

}  // namespace trellis::store::ledger
