#include "access/person_policy.hpp"

#include <algorithm>

namespace trellis::access {

std::string_view basis_name(Basis b) {
  switch (b) {
    case Basis::care_team:
      return "care_team";
    case Basis::break_glass:
      return "break_glass";
    case Basis::self:
      return "self";
    case Basis::consent:
      return "consent";
  }
  return "unknown";
}

bool PersonAccess::allows(Part p) const { return std::find(parts.begin(), parts.end(), p) != parts.end(); }
bool PersonAccess::may_change(Part p) const {
  return std::find(changeable.begin(), changeable.end(), p) != changeable.end();
}

}  // namespace trellis::access
