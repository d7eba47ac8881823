#include "access/audit_journal.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iterator>

#include "core/json_writer.hpp"

namespace trellis::access {
namespace {

// How often what was written is moved in; how much may wait before it moves sooner; and how
// much may wait at all before the writer waits for a move (a few seconds of the busiest reads).
constexpr std::chrono::milliseconds kMoveEvery{250};
constexpr std::size_t kMoveAt = 2048;
constexpr std::size_t kMostWaiting = 4096;
// How large the file being written grows before the other takes over, once all it holds is moved.
constexpr std::uint64_t kStartAgainAt = 1 << 20;

// A record is the group's events, each as an array of its fields: written by the one JsonWriter
// every answer uses, read back only after a crash.
std::string encode(const TimedEntries& events) {
  JsonWriter w;
  w.array([&] {
    for (const auto& event : events)
      w.array([&] {
        const auto& e = event.first;  // not a structured binding: clang 14 cannot capture one
        w.value(event.second.time_since_epoch().count());
        for (const auto* text : {&e.org_id, &e.action, &e.entity_type, &e.entity_id, &e.outcome, &e.request_id,
                                 &e.client_address, &e.detail})
          w.value(*text);
        for (const auto* maybe : {&e.actor_id, &e.actor_role, &e.person_id}) w.value(*maybe);
      });
  });
  return w.take();
}

Result<TimedEntries> decode(const std::string& body) {
  TimedEntries out;
  try {
    for (const auto& f : nlohmann::json::parse(body)) {
      AuditEntry e;
      std::size_t i = 1;
      for (auto* text : {&e.org_id, &e.action, &e.entity_type, &e.entity_id, &e.outcome, &e.request_id,
                         &e.client_address, &e.detail})
        *text = f.at(i++).get<std::string>();
      for (auto* maybe : {&e.actor_id, &e.actor_role, &e.person_id}) {
        const auto& v = f.at(i++);
        if (!v.is_null()) *maybe = v.get<std::string>();
      }
      out.emplace_back(std::move(e), TimePoint(std::chrono::milliseconds(f.at(0).get<std::int64_t>())));
    }
  } catch (const nlohmann::json::exception& ex) {
    // The checksum matched, so this is no torn write: a record of another version, or a fault of
    // ours. Stop rather than drop events.
    return fail(ErrorKind::internal, "The audit journal holds a record that cannot be read", ex.what(),
                "journal_failed");
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<AuditJournal>> AuditJournal::open(store::Db& db, std::string name, const std::string& path) {
  std::vector<store::Journal> files;
  std::vector<store::Journal::Record> records;
  for (const auto& file : files_at(path)) {
    files.push_back(TRY(store::Journal::open(file)));
    auto held = TRY(files.back().read());
    std::move(held.begin(), held.end(), std::back_inserter(records));
  }
  std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
  auto row = TRY(db.read([&](store::Conn& c) {
    return c.query_one("SELECT moved_through FROM audit_journal_moves WHERE journal = ?", {name});
  }));
  auto moved = row ? static_cast<std::uint64_t>(row->integer(0)) : 0;
  // Records not yet moved always follow the last one moved, one number at a time: a file starts
  // again only once all it holds is moved. A journal whose records do not is from another state of
  // the database, such as a copy put in its place; they must neither go into this log nor be
  // written over.
  TimedEntries left;
  std::uint64_t through = moved;
  for (const auto& r : records) {
    if (r.seq <= moved) continue;
    if (r.seq != through + 1)
      return fail(ErrorKind::conflict, "The audit journal does not belong to this database",
                  path + ".1 and .2 hold audit event record " + std::to_string(r.seq) +
                      " where this database's log needs record " + std::to_string(through + 1) +
                      ". They may be from a database that was replaced by copying files. Move them aside and "
                      "start again; use `trellis restore` to bring back a backup.",
                  "journal_mismatch");
    auto events = TRY(decode(r.body));
    std::move(events.begin(), events.end(), std::back_inserter(left));
    through = r.seq;
  }
  std::unique_ptr<AuditJournal> out(new AuditJournal(db, std::move(name), std::move(files), through));
  if (through > moved) {
    TRY_VOID(out->commit(left, through));
    TRY_VOID(db.sync_committed());
    spdlog::info("moved {} audit events left in {} into the audit log", left.size(), path);
  }
  // Everything in the files is now in audit_events: new records go from the first one's beginning.
  for (auto& f : out->files_) f.start_again();
  out->mover_ = std::thread([p = out.get()] { p->run(); });
  return out;
}

AuditJournal::AuditJournal(store::Db& db, std::string name, std::vector<store::Journal> files,
                           std::uint64_t moved_through)
    : db_(db),
      name_(std::move(name)),
      files_(std::move(files)),
      written_through_(moved_through),
      committed_through_(moved_through),
      moved_through_(moved_through) {}

AuditJournal::~AuditJournal() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_mover_.notify_one();
  if (mover_.joinable()) mover_.join();
}

Result<void> AuditJournal::write(const TimedEntries& events) {
  if (events.empty()) return {};
  std::uint64_t seq = 0;
  {
    std::unique_lock lock(mutex_);
    if (unmoved_.size() >= kMostWaiting) {
      wake_mover_.notify_one();
      auto tried = moves_;
      moved_.wait(lock, [&] { return unmoved_.size() < kMostWaiting || (moves_ > tried && last_failure_); });
      if (unmoved_.size() >= kMostWaiting) return fail(*last_failure_);
    }
    seq = written_through_ + 1;
    // A failed write's number is written again where it was, over whatever of it reached the disk.
    if (!last_write_failed_) {
      auto other = 1 - active_;
      if (moved_through_ == written_through_) {
        files_[active_].start_again();  // everything written is moved in and synced
      } else if (files_[active_].size() >= kStartAgainAt && last_in_[other] <= moved_through_) {
        files_[other].start_again();  // all the other holds is moved: it takes what comes next
        active_ = other;
      }
    }
  }
  auto written = files_[active_].write(seq, encode(events));
  last_write_failed_ = !written;
  TRY_VOID(written);
  last_in_[active_] = seq;
  bool full = false;
  {
    std::lock_guard lock(mutex_);
    unmoved_.insert(unmoved_.end(), events.begin(), events.end());
    written_through_ = seq;
    full = unmoved_.size() >= kMoveAt;
  }
  if (full) wake_mover_.notify_one();
  return {};
}

Result<void> AuditJournal::move_now() {
  std::unique_lock lock(mutex_);
  auto target = written_through_;
  if (moved_through_ >= target) return {};
  auto tried = moves_;
  move_asked_ = true;
  wake_mover_.notify_one();
  moved_.wait(lock, [&] { return moved_through_ >= target || (moves_ > tried && last_failure_); });
  if (moved_through_ >= target) return {};
  return fail(*last_failure_);
}

// The events and how far they reach, in one transaction. It is synced apart, so that a commit
// whose sync failed is synced again, never committed twice.
Result<void> AuditJournal::commit(const TimedEntries& events, std::uint64_t through) {
  return db_.write([&](store::Conn& c) -> Result<void> {
    TRY_VOID(append_audit(c, events));
    TRY(
        c.exec("INSERT INTO audit_journal_moves (journal, moved_through) VALUES (?, ?)"
               " ON CONFLICT (journal) DO UPDATE SET moved_through = excluded.moved_through",
               {name_, static_cast<std::int64_t>(through)}));
    return {};
  });
}

namespace {

Result<void> not_moved(const char* why) {
  return fail(ErrorKind::internal, "The audit journal could not be moved in", why, "journal_failed");
}

}  // namespace

void AuditJournal::run() {
  // One move holds many requests' events: one slow statement must not fail them (0026).
  store::Db::NoStatementLimitOnThisThread unlimited;
  std::unique_lock lock(mutex_);
  for (;;) {
    if (last_failure_)  // wait out the interval: a full disk is not helped by trying at once
      wake_mover_.wait_for(lock, kMoveEvery, [this] { return stopping_; });
    else
      wake_mover_.wait_for(lock, kMoveEvery, [this] { return stopping_ || move_asked_ || unmoved_.size() >= kMoveAt; });
    move_asked_ = false;
    if (unmoved_.empty() && committed_through_ == moved_through_) {
      if (stopping_) return;
      continue;
    }
    auto events = std::exchange(unmoved_, {});
    auto through = events.empty() ? committed_through_ : written_through_;
    lock.unlock();
    Result<void> committed, synced = not_moved("");
    try {
      if (!events.empty()) committed = commit(events, through);
      if (committed) synced = db_.sync_committed();
    } catch (const std::exception& ex) {
      committed = not_moved(ex.what());
    }
    lock.lock();
    ++moves_;
    if (!committed) {
      // The events are safe in the journal; they wait, ahead of what came since, for the next try.
      unmoved_.insert(unmoved_.begin(), std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
    } else {
      committed_through_ = through;
      if (synced) moved_through_ = through;
    }
    auto outcome = !committed ? committed : synced;
    if (outcome) {
      last_failure_.reset();
    } else {
      spdlog::error("audit events could not be moved into the log (they wait in the journal): {}",
                    outcome.error().detail);
      last_failure_ = outcome.error();
    }
    moved_.notify_all();
    if (stopping_ && !outcome) return;  // left for the next start to move in
  }
}

}  // namespace trellis::access
