// A person's supporters: family, friends and others they choose to involve.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "people/inputs.hpp"
#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people {

class SupportersService {
 public:
  SupportersService(store::Db& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<std::vector<Supporter>> supporters(const std::string& org_id, const std::string& person_id);
  Result<Supporter> add_supporter(const access::Actor& actor, const std::string& person_id, const SupporterInput& in);
  Result<Supporter> update_supporter(const access::Actor& actor, const std::string& person_id,
                                     const std::string& supporter_id, std::int64_t version, const SupporterInput& in);

 private:
  store::Db& db_;
  const Clock& clock_;
};

}  // namespace trellis::people
