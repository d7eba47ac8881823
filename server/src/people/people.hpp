// The people area (capability 2A, with recovery): a person's record, their care team and
// supporters, what they consent to share, break-the-glass and the caseload, built as one.
#pragma once
#include "access/service.hpp"
#include "people/break_glass/service.hpp"
#include "people/caseload/service.hpp"
#include "people/consent/service.hpp"
#include "people/person_policy.hpp"
#include "people/records/service.hpp"
#include "people/supporters/service.hpp"

namespace trellis::people {

struct People {
  People(store::Db& db, const Clock& clock, access::AccessService& access)
      : records(db, clock, access),
        caseload(db, clock),
        supporters(db, clock),
        consent(db, clock),
        break_glass(db, clock),
        policy(db) {}
  RecordsService records;
  CaseloadService caseload;
  SupportersService supporters;
  ConsentService consent;
  BreakGlassService break_glass;
  RecordPolicy policy;
};

}  // namespace trellis::people
