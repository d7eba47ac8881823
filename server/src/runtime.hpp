// Every area's service, wired together once: the server and the tests build the same thing.
#pragma once
#include "access/audit_batcher.hpp"
#include "access/service.hpp"
#include "http/context.hpp"
#include "people/service.hpp"
#include "partnerships/service.hpp"
#include "recovery/service.hpp"

namespace trellis {

struct Runtime {
  Runtime(store::Db& db, const Clock& clock, const Config& config)
      : access(db, clock, config),
        people(db, clock, access),
        recovery(db, clock),
        partnerships(db, clock, people, recovery),
        audit_reads(db),
        services{db, clock, config, access, people, people, recovery, partnerships, audit_reads} {}
  access::AccessService access;
  people::PeopleService people;
  recovery::RecoveryService recovery;
  partnerships::PartnershipsService partnerships;
  access::AuditBatcher audit_reads;
  http::Services services;
};

}  // namespace trellis
