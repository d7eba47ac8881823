// Who may see and change which parts of a person's record: the person themselves, their care
// team, a supporter or partner with the person's consent in force, or a worker who broke the
// glass. The request pipeline asks it on every person route.
#pragma once
#include "access/person_policy.hpp"
#include "core/clock.hpp"
#include "store/db.hpp"

namespace trellis::people {

class RecordPolicy final : public access::PersonPolicy {
 public:
  explicit RecordPolicy(store::Db& db) : db_(db) {}
  Result<access::PersonAccess> authorize(const access::Principal& who, const std::string& person_id, access::Part part,
                                         bool write, TimePoint now) override;

 private:
  store::Db& db_;
};

}  // namespace trellis::people
