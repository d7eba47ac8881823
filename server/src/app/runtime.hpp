// The composition root's services: every area's service built once and wired to the others it
// needs. The server, the command line and the tests build the same thing.
#pragma once
#include <atomic>

#include "access/audit_batcher.hpp"
#include "access/service.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "partnerships/partnerships.hpp"
#include "people/people.hpp"
#include "recovery/service.hpp"
#include "store/db.hpp"

namespace trellis::app {

struct Runtime {
  Runtime(store::Db& db, const Clock& clock, const Config& config)
      : db(db),
        clock(clock),
        config(config),
        audit_reads(db),
        access(db, clock, config, audit_reads),
        people(db, clock, access),
        recovery(db, clock),
        partnerships(db, clock, people.consent, recovery) {
    people.consent.use_partner_agencies(partnerships.agreements);
  }
  store::Db& db;
  const Clock& clock;
  const Config& config;
  // Answers that wait for durability: reads and refusals with their audit events, and (SQLite
  // serving) changes for the sync that covers them. Named for where it began (decision 0013).
  // Before the services, which it outlives: the audit log's reader asks it to move events in.
  access::AuditBatcher audit_reads;
  access::AccessService access;
  people::People people;
  recovery::RecoveryService recovery;
  partnerships::Partnerships partnerships;
  std::atomic<bool> draining{false};  // set on SIGTERM: not ready, finishing what is in flight

  access::PersonPolicy& person_policy() { return people.policy; }
};

}  // namespace trellis::app
