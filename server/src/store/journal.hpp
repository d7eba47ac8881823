// A file of numbered, checksummed records, each durable once written: for records that must
// outlast a power cut the moment they exist but are worth a database commit only in batches (the
// audit writer's, decision 0031). Once everything in it has been moved elsewhere it starts again
// from its beginning, writing over what it held: the file keeps its blocks, so a sync writes the
// record and not the file's new size as well. One process at a time holds a journal (a lock on
// the file); one thread at a time uses it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace trellis::store {

class Journal {
 public:
  struct Record {
    std::uint64_t seq = 0;
    std::string body;
  };

  // Opens the file, creating it (and syncing its folder) when there is none, and locks it.
  // Refuses when another process holds it: two writers would write over each other's records.
  static Result<Journal> open(const std::string& path);
  ~Journal();
  Journal(Journal&& other) noexcept;
  Journal& operator=(Journal&& other) noexcept;
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // The records from the beginning, in order: each numbered one more than the one before it and
  // whole. A record cut short by a crash, or left from before the journal last started again,
  // ends them. The next record written goes after the last one read.
  Result<std::vector<Record>> read();
  // Writes a record after the last and syncs it: when this returns, the record outlasts a crash.
  Result<void> write(std::uint64_t seq, std::string_view body);
  // Starts again from the beginning: nothing written so far is needed.
  void start_again() { end_ = 0; }
  // How much has been written since it last started again.
  std::uint64_t size() const { return end_; }

  // Removes a journal's file for good: its folder is synced, so it does not come back after a
  // power cut.
  static Result<void> remove(const std::string& path);

 private:
  Journal(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}

  std::string path_;
  int fd_ = -1;
  std::uint64_t end_ = 0;  // where the next record goes
};

}  // namespace trellis::store
