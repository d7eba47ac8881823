#include "access/audit_batcher.hpp"

#include "access/audit_journal.hpp"

#include <spdlog/spdlog.h>

#include <future>
#include <stdexcept>

namespace trellis::access {
Error audit_failed() {
  return Error::make(ErrorKind::internal, "Something went wrong on our side",
                     "What you asked for could not be recorded in the audit log, so it is not shown. "
                     "Please try again; if it keeps happening, tell your administrator.",
                     "audit_failed");
}

namespace {

// A write's answer when the sync it waited for did not happen: the change was committed but may
// not outlast a power cut, so it is not reported as saved.
Error not_confirmed() {
  return Error::make(ErrorKind::internal, "Your change could not be confirmed as saved",
                     "Look for it before trying again; if it keeps happening, tell your administrator.", "sync_failed");
}

}  // namespace

namespace {

// Serving only: a command run beside the server (create-admin, an import) must not take its
// journal, and its commits sync themselves.
std::unique_ptr<AuditJournal> journal_for(store::Db& db) {
  auto path = db.commits_wait_for_sync_committed() ? db.journal_path(AuditBatcher::kJournal) : std::nullopt;
  if (!path) return nullptr;
  auto journal = AuditJournal::open(db, AuditBatcher::kJournal, *path);
  if (!journal) throw std::runtime_error(journal.error().title + ": " + journal.error().detail);
  return std::move(*journal);
}

}  // namespace

AuditBatcher::AuditBatcher(store::Db& db) : db_(db), journal_(journal_for(db)), writer_([this] { run(); }) {}

AuditBatcher::~AuditBatcher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  arrived_.notify_one();
  writer_.join();
}

void AuditBatcher::submit(std::vector<AuditEntry> entries, TimePoint at, Done done) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({std::move(entries), at, std::move(done)});
  }
  arrived_.notify_one();
}

void AuditBatcher::submit(AuditEntry entry, TimePoint at, Done done) {
  std::vector<AuditEntry> one;
  one.push_back(std::move(entry));
  submit(std::move(one), at, std::move(done));
}

void AuditBatcher::after_sync(Done done) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({{}, TimePoint{}, std::move(done)});
  }
  arrived_.notify_one();
}

Result<void> AuditBatcher::append(AuditEntry entry, TimePoint at) {
  std::promise<Result<void>> committed;
  auto result = committed.get_future();
  submit(std::move(entry), at, [&committed](Result<void> r) { committed.set_value(std::move(r)); });
  return result.get();
}

Result<void> AuditBatcher::flush() {
  std::promise<void> answered;
  auto done = answered.get_future();
  // The queue is answered in order, so this comes after everything before it.
  after_sync([&answered](const Result<void>&) { answered.set_value(); });
  done.wait();
  return journal_ ? journal_->move_now() : Result<void>{};
}

// While one group is being written and synced, the next gathers in the queue.
void AuditBatcher::run() {
  // A group holds many requests' answers: one slow statement must not fail them all (0026).
  store::Db::NoStatementLimitOnThisThread unlimited;
  std::unique_lock lock(mutex_);
  for (;;) {
    arrived_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and everything handed over is written
    auto group = std::exchange(queue_, {});
    lock.unlock();
    auto [written, synced] = write_and_sync(group);
    for (auto& item : group) {
      Result<void> outcome;
      if (item.entries.empty())
        outcome = synced ? Result<void>{} : Result<void>(fail(not_confirmed()));
      else if (!written)
        outcome = written;
      else if (!synced)
        outcome = fail(audit_failed());
      // A completion sends an answer; one that throws must not end the writer, or the rest of
      // the group, and every answer after it, would wait forever.
      try {
        item.done(std::move(outcome));
      } catch (const std::exception& ex) {
        spdlog::error("an answer held for the audit writer could not be sent: {}", ex.what());
      }
    }
    lock.lock();
  }
}

// The group's events in one transaction, then one sync, which the writes waiting here need
// whatever happened to the events. Errors come back as values; an exception (a fault of ours, or
// a test's hook) fails the whole group the same way rather than ending the writer, which every
// later answer would then wait on forever.
AuditBatcher::Outcome AuditBatcher::write_and_sync(const std::vector<Item>& group) {
  try {
    if (auto hook = fault_hook_.load(std::memory_order_relaxed)) hook();
    // Every group syncs what was committed before it: a change waiting here, and whatever a read
    // in it may show (decision 0025). With nothing committed since the last sync, that is free.
    Outcome out{write(group), db_.sync_committed()};
    if (!out.written) spdlog::error("an audit group of {} failed: {}", group.size(), out.written.error().detail);
    if (!out.synced) spdlog::critical("committed changes could not be synced to disk: {}", out.synced.error().detail);
    return out;
  } catch (const std::exception& ex) {
    spdlog::error("a group of {} audit events and waiting writes failed: {}", group.size(), ex.what());
    return {fail(audit_failed()), fail(not_confirmed())};
  }
}

Result<void> AuditBatcher::write(const std::vector<Item>& group) {
  TimedEntries entries;
  entries.reserve(group.size());
  for (const auto& item : group)
    for (const auto& e : item.entries) entries.emplace_back(e, item.at);
  if (entries.empty()) return {};
  if (journal_) return journal_->write(entries);
  return db_.write([&](store::Conn& c) { return append_audit(c, entries); });
}

}  // namespace trellis::access
