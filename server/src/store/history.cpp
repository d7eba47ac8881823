#include "store/history.hpp"

namespace trellis::store {

Result<void> keep_version(Conn& c, const std::string& org_id, const std::string& entity_type,
                          const std::string& entity_id, std::int64_t version, const std::string& person_id,
                          const std::string& data_json, const std::string& at, const std::optional<std::string>& by,
                          const std::optional<std::string>& by_role) {
  TRY(
      c.exec("INSERT INTO record_versions (org_id, entity_type, entity_id, version, person_id, data, changed_at,"
             " changed_by, changed_by_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {org_id, entity_type, entity_id, version, person_id, data_json, at, by, by_role}));
  return {};
}

Result<std::vector<RecordVersion>> versions_of(Conn& c, const std::string& org_id, const std::string& entity_type,
                                               const std::string& entity_id) {
  auto rows = TRY(
      c.query("SELECT v.entity_type, v.entity_id, v.version, v.data, v.changed_at, v.changed_by, v.changed_by_role,"
              " u.display_name FROM record_versions v LEFT JOIN users u ON u.org_id = v.org_id AND u.id = v.changed_by"
              " WHERE v.org_id = ? AND v.entity_type = ? AND v.entity_id = ? ORDER BY v.version DESC",
              {org_id, entity_type, entity_id}));
  std::vector<RecordVersion> out;
  for (const auto& r : rows) {
    RecordVersion v;
    v.entity_type = r.text(0);
    v.entity_id = r.text(1);
    v.version = r.integer(2);
    v.data = nlohmann::json::parse(r.text(3), nullptr, false);
    v.changed_at = r.text(4);
    v.changed_by = r.opt_text(5);
    v.changed_by_role = r.opt_text(6);
    v.changed_by_name = r.opt_text(7);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace trellis::store
