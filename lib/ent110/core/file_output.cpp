// SPDX-License-Identifier: MIT
#include <ent110/core/file_output.hpp>

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace ent110 {
namespace {

[[noreturn]] void fail(int error) {
  throw std::system_error(error, std::generic_category());
}

// The descriptor is closed on every path, also when a write throws.
class Descriptor {
 public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  ~Descriptor() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return m_fd; }
  void close_checked() {
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) {
      fail(errno);
    }
  }

 private:
  int m_fd;
};

void write_all(int fd, std::string_view content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail(errno);
    }
    written += static_cast<std::size_t>(n);
  }
}

Descriptor open_through(const OutputTarget& target) {
  // O_APPEND: /dev/stdout may be a file the shell opened with >>, whose content must stay.
  const int fd = ::open(target.path.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    fail(errno);
  }
  return Descriptor(fd);
}

bool under_system_tree(const std::filesystem::path& path) {
  const std::string text = path.lexically_normal().string();
  return text.starts_with("/dev/") || text.starts_with("/proc/");
}

}  // namespace

OutputTarget resolve_output_target(const std::filesystem::path& target) {
  if (target.empty() || !target.has_filename()) {
    fail(EISDIR);
  }
  if (under_system_tree(target)) {
    return OutputTarget{target, true};
  }
  std::filesystem::path path = target;
  for (int hops = 0;; ++hops) {
    struct stat status {};
    if (::lstat(path.c_str(), &status) != 0) {
      if (errno == ENOENT) {
        return OutputTarget{path, false};
      }
      fail(errno);
    }
    if (S_ISREG(status.st_mode)) {
      return OutputTarget{path, false};
    }
    if (S_ISDIR(status.st_mode)) {
      fail(EISDIR);
    }
    if (!S_ISLNK(status.st_mode)) {
      return OutputTarget{path, true};
    }
    if (hops == 40) {
      fail(ELOOP);
    }
    std::error_code error;
    const std::filesystem::path link = std::filesystem::read_symlink(path, error);
    if (error) {
      fail(error.value());
    }
    path = link.is_absolute() ? link : path.parent_path() / link;
    if (under_system_tree(path)) {
      return OutputTarget{path, true};
    }
  }
}

std::unique_ptr<TemporaryFile> create_temporary_file(const std::filesystem::path& directory,
                                                     std::string_view name) {
  // O_EXCL with a counter: two runs at once never share a temporary file.
  std::string hidden_name = ".";
  hidden_name += name;
  hidden_name += ".tmp-";
  hidden_name += std::to_string(static_cast<long>(::getpid()));
  hidden_name += '-';
  for (int attempt = 0;; ++attempt) {
    auto file =
        std::make_unique<TemporaryFile>(directory / (hidden_name + std::to_string(attempt)));
    const int fd =
        ::open(file->path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd >= 0) {
      ::close(fd);
      return file;
    }
    const int error = errno;
    // Not ours: it must not be removed when `file` goes out of scope.
    file->release();
    if (error != EEXIST || attempt >= 100) {
      fail(error);
    }
  }
}

void write_output_file(const OutputTarget& target, std::string_view content, unsigned mode) {
  if (target.write_through) {
    Descriptor out = open_through(target);
    write_all(out.get(), content);
    out.close_checked();
    return;
  }
  const std::unique_ptr<TemporaryFile> temporary =
      create_temporary_file(target.path.parent_path(), target.path.filename().string());
  Descriptor out(::open(temporary->path().c_str(), O_WRONLY | O_CLOEXEC));
  if (out.get() < 0) {
    fail(errno);
  }
  write_all(out.get(), content);
  if (::fsync(out.get()) != 0) {
    fail(errno);
  }
  out.close_checked();
  move_into_place(*temporary, target, mode);
}

void copy_through(const std::filesystem::path& source, const OutputTarget& target) {
  Descriptor in(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) {
    fail(errno);
  }
  Descriptor out = open_through(target);
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail(errno);
    }
    if (n == 0) {
      break;
    }
    write_all(out.get(), std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
  out.close_checked();
}

void move_into_place(TemporaryFile& temporary, const OutputTarget& target, unsigned mode) {
  // chmod, not the umask: the configured mode is what the user asked for.
  if (::chmod(temporary.path().c_str(), static_cast<mode_t>(mode)) != 0 ||
      ::rename(temporary.path().c_str(), target.path.c_str()) != 0) {
    fail(errno);
  }
  temporary.release();
}

}  // namespace ent110
