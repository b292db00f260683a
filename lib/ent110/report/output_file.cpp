// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/report/output_file.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace ent110 {
namespace {

[[noreturn]] void fail(const std::filesystem::path& target, int error) {
  throw BadInput(MessageId::report_cannot_write, {target.string(), std::strerror(error)});
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  if (target.empty() || !target.has_filename()) {
    fail(target, EISDIR);
  }
  // Same directory as the target, so that rename() is atomic (one file system); O_EXCL with a
  // counter so that two runs at once never share a temporary file.
  // Appended piece by piece: g++ 12 -O3 warns (-Wrestrict) on a chain of string operator+.
  std::string hidden_name = ".";
  hidden_name += target.filename().string();
  hidden_name += ".tmp-";
  hidden_name += std::to_string(static_cast<long>(::getpid()));
  hidden_name += '-';
  const std::string prefix = (target.parent_path() / hidden_name).string();
  std::string temporary;
  int fd = -1;
  for (int attempt = 0; fd < 0; ++attempt) {
    temporary = prefix + std::to_string(attempt);
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && (errno != EEXIST || attempt >= 100)) {
      fail(target, errno);
    }
  }
  auto abandon = [&](int error) {
    ::close(fd);
    ::unlink(temporary.c_str());
    fail(target, error);
  };
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      abandon(errno);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    abandon(errno);
  }
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail(target, error);
  }
  if (::rename(temporary.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail(target, error);
  }
}

}  // namespace ent110
