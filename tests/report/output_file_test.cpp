// SPDX-License-Identifier: MIT
#include "report/golden.hpp"

#include <ent110/core/error.hpp>
#include <ent110/report/output_file.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ent110;
using ent110::test::read_file;
using ent110::test::TempDir;

namespace {

std::ptrdiff_t entries(const std::filesystem::path& dir) {
  return std::distance(std::filesystem::directory_iterator(dir),
                       std::filesystem::directory_iterator());
}

unsigned mode_of(const std::filesystem::path& path) {
  struct stat status {};
  REQUIRE(::stat(path.c_str(), &status) == 0);
  return status.st_mode & 07777;
}

}  // namespace

TEST_CASE("write_report_file: writes, then replaces, leaving nothing else", "[report][file]") {
  TempDir dir;
  write_report_file(dir / "r.html", "first", 0600);
  CHECK(read_file(dir / "r.html") == "first");
  write_report_file(dir / "r.html", "second", 0600);
  CHECK(read_file(dir / "r.html") == "second");
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("write_report_file: the file gets the configured mode whatever the umask",
          "[report][file][regression]") {
  TempDir dir;
  const mode_t old_umask = ::umask(0);
  write_report_file(dir / "private.md", "x", 0600);
  write_report_file(dir / "shared.md", "x", 0640);
  ::umask(old_umask);
  CHECK(mode_of(dir / "private.md") == 0600);
  CHECK(mode_of(dir / "shared.md") == 0640);
}

TEST_CASE("write_report_file: a symbolic link is followed, not replaced (issue 11)",
          "[report][file][regression]") {
  TempDir dir;
  std::filesystem::create_directory(dir / "real");
  std::filesystem::create_symlink("real/r.md", dir / "link.md");
  write_report_file(dir / "link.md", "through the link", 0600);
  CHECK(std::filesystem::is_symlink(dir / "link.md"));
  CHECK(read_file(dir / "real" / "r.md") == "through the link");
  CHECK(entries(dir / "real") == 1);
}

TEST_CASE("write_report_file: a FIFO is written through and stays a FIFO (issue 11)",
          "[report][file][regression]") {
  TempDir dir;
  const std::filesystem::path fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Open the reading end first, non-blocking, so that the writer's open does not wait.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  write_report_file(fifo, "to the reader", 0600);
  std::array<char, 64> buffer{};
  const ssize_t n = ::read(reader, buffer.data(), buffer.size());
  ::close(reader);
  CHECK(std::string(buffer.data(), static_cast<std::size_t>(std::max<ssize_t>(n, 0))) ==
        "to the reader");
  CHECK(std::filesystem::is_fifo(fifo));
  CHECK(entries(dir.path()) == 1);
}

TEST_CASE("write_report_file: /dev/null stays a device (issue 11)", "[report][file][regression]") {
  write_report_file("/dev/null", "nothing", 0600);
  CHECK(std::filesystem::is_character_file("/dev/null"));
}

TEST_CASE("write_report_file: a missing directory is bad input naming the path", "[report][file]") {
  TempDir dir;
  try {
    write_report_file(dir / "no" / "r.html", "x", 0600);
    FAIL("wrote into a missing directory");
  } catch (const BadInput& error) {
    CHECK(std::string(error.what()).find("no/r.html") != std::string::npos);
    CHECK(error.exit_code() == ExitCode::bad_input);
  }
  CHECK_FALSE(std::filesystem::exists(dir / "no"));
}

TEST_CASE("write_report_file: a directory as target fails and leaves no temporary file",
          "[report][file]") {
  TempDir dir;
  std::filesystem::create_directory(dir / "sub");
  CHECK_THROWS_AS(write_report_file(dir / "sub", "x", 0600), BadInput);
  CHECK(entries(dir.path()) == 1);
}
