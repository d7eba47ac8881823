#include "store/journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace trellis::store {
namespace {

// Each record: its number (8 bytes), its body's length (4), a CRC-32 of those and the body (4),
// then the body. In the machine's own byte order: a journal never leaves the server that wrote it.
constexpr std::size_t kHeader = 16;
// No group of events comes near this; a length beyond it is damage, not a record.
constexpr std::uint32_t kLargestBody = 64u << 20;

std::uint32_t checksum(std::uint64_t seq, std::uint32_t length, std::string_view body) {
  std::array<unsigned char, 12> head{};
  std::memcpy(head.data(), &seq, 8);
  std::memcpy(head.data() + 8, &length, 4);
  uLong crc = crc32(0L, head.data(), static_cast<uInt>(head.size()));
  crc = crc32(crc, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  return static_cast<std::uint32_t>(crc);
}

Error journal_error(const std::string& what, const std::string& path) {
  return Error::make(ErrorKind::unavailable, "The journal could not be used",
                     what + " " + path + " (" + std::strerror(errno) + ").", "journal_failed");
}

// A new file's name is durable only once its folder is synced.
void sync_folder_of(const std::string& path) {
  auto folder = std::filesystem::absolute(path).parent_path().string();
  int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return;
  (void)::fsync(dir);
  ::close(dir);
}

}  // namespace

Result<Journal> Journal::open(const std::string& path) {
  std::error_code ec;
  bool existed = std::filesystem::exists(path, ec);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return fail(journal_error("Could not open", path));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return fail(ErrorKind::conflict, "Another Trellis is serving this database",
                "Its journal " + path + " is in use. Stop the other server first.", "journal_in_use");
  }
  if (!existed) sync_folder_of(path);
  return Journal(path, fd);
}

Result<void> Journal::remove(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return fail(journal_error("Could not remove", path));
  sync_folder_of(path);
  return {};
}

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

Journal::Journal(Journal&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)), end_(other.end_) {}

Journal& Journal::operator=(Journal&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    end_ = other.end_;
  }
  return *this;
}

Result<std::vector<Journal::Record>> Journal::read() {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return fail(journal_error("Could not read", path_));
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  for (std::size_t got = 0; got < bytes.size();) {
    auto n = ::pread(fd_, bytes.data() + got, bytes.size() - got, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(journal_error("Could not read", path_));
    got += static_cast<std::size_t>(n);
  }
  std::vector<Record> out;
  std::size_t at = 0;
  while (bytes.size() - at >= kHeader) {
    std::uint64_t seq = 0;
    std::uint32_t length = 0, crc = 0;
    std::memcpy(&seq, bytes.data() + at, 8);
    std::memcpy(&length, bytes.data() + at + 8, 4);
    std::memcpy(&crc, bytes.data() + at + 12, 4);
    if (length > kLargestBody || bytes.size() - at - kHeader < length) break;
    std::string_view body(bytes.data() + at + kHeader, length);
    if (checksum(seq, length, body) != crc) break;
    if (!out.empty() && seq != out.back().seq + 1) break;  // left from before the journal started again
    out.push_back({seq, std::string(body)});
    at += kHeader + length;
  }
  end_ = at;
  return out;
}

Result<void> Journal::write(std::uint64_t seq, std::string_view body) {
  if (body.size() > kLargestBody)
    return fail(ErrorKind::internal, "The journal could not be used", "A record is too large.", "journal_failed");
  auto length = static_cast<std::uint32_t>(body.size());
  std::string record(kHeader + body.size(), '\0');
  auto crc = checksum(seq, length, body);
  std::memcpy(record.data(), &seq, 8);
  std::memcpy(record.data() + 8, &length, 4);
  std::memcpy(record.data() + 12, &crc, 4);
  std::memcpy(record.data() + kHeader, body.data(), body.size());
  for (std::size_t put = 0; put < record.size();) {
    auto n = ::pwrite(fd_, record.data() + put, record.size() - put, static_cast<off_t>(end_ + put));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail(journal_error("Could not write to", path_));
    put += static_cast<std::size_t>(n);
  }
  if (::fdatasync(fd_) != 0) return fail(journal_error("Could not sync", path_));
  end_ += record.size();
  return {};
}

}  // namespace trellis::store
