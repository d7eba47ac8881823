// Who may see or change which part of a person's record. The people area implements it; the
// request pipeline asks it for every person route, so no handler can forget.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/model.hpp"
#include "access/policy.hpp"
#include "core/error.hpp"

namespace trellis::access {

enum class Basis { care_team, break_glass, self, consent };
std::string_view basis_name(Basis b);

struct PersonAccess {
  std::string person_id;
  Basis basis = Basis::care_team;
  std::vector<Part> parts;       // with consent: the parts shared; otherwise every part
  std::vector<Part> changeable;  // the parts this principal may change (the role x action table)
  bool allows(Part p) const;
  bool may_change(Part p) const;
};

class PersonPolicy {
 public:
  virtual ~PersonPolicy() = default;
  // 404 when the person is not there or not the caller's to know about; 403 when a worker is
  // not on the care team (break-the-glass can open it) or the part is not theirs.
  virtual Result<PersonAccess> authorize(const Principal& who, const std::string& person_id, Part part, bool write,
                                         TimePoint now) = 0;
};

}  // namespace trellis::access
