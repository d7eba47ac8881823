// Earlier versions of versioned care records, kept as JSON so any version can be read back
// with who made it and when.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace trellis::store {

struct RecordVersion {
  std::string entity_type, entity_id;
  std::int64_t version = 0;
  nlohmann::json data;
  std::string changed_at;
  std::optional<std::string> changed_by, changed_by_role, changed_by_name;
};

Result<void> keep_version(Conn& c, const std::string& org_id, const std::string& entity_type,
                          const std::string& entity_id, std::int64_t version, const std::string& person_id,
                          const std::string& data_json, const std::string& at, const std::optional<std::string>& by,
                          const std::optional<std::string>& by_role);
// Newest first.
Result<std::vector<RecordVersion>> versions_of(Conn& c, const std::string& org_id, const std::string& entity_type,
                                               const std::string& entity_id);

}  // namespace trellis::store
