// The SQL of a person's supporters.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people::db {

using store::Conn;

// Supporters
Result<std::vector<Supporter>> supporters(Conn& c, const std::string& org_id, const std::string& person_id);
Result<std::optional<Supporter>> get_supporter(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_supporter(Conn& c, const Supporter& s, const std::string& by);
Result<void> update_supporter(Conn& c, const Supporter& s, std::int64_t expected_version, const std::string& by);

}  // namespace trellis::people::db
