// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/core/file_output.hpp>

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <system_error>

using namespace ent110;

namespace {

int error_of(const std::filesystem::path& target) {
  try {
    resolve_output_target(target);
  } catch (const std::system_error& error) {
    return error.code().value();
  }
  return 0;
}

}  // namespace

TEST_CASE("resolve_output_target: a regular file or a new one is replaced", "[core][file]") {
  test::TempDir dir;
  test::write_file(dir / "old.md", "x");
  for (const char* name : {"old.md", "new.md"}) {
    const OutputTarget target = resolve_output_target(dir / name);
    CHECK(target.path == dir / name);
    CHECK_FALSE(target.write_through);
  }
}

TEST_CASE("resolve_output_target: a chain of relative links ends at the file they name",
          "[core][file]") {
  test::TempDir dir;
  std::filesystem::create_directory(dir / "sub");
  std::filesystem::create_symlink("sub/second", dir / "first");
  std::filesystem::create_symlink("final.md", dir / "sub" / "second");
  const OutputTarget target = resolve_output_target(dir / "first");
  CHECK(target.path == dir / "sub" / "final.md");
  CHECK_FALSE(target.write_through);
}

TEST_CASE("resolve_output_target: FIFOs, devices and /dev/stdout are written through",
          "[core][file]") {
  test::TempDir dir;
  REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
  std::filesystem::create_symlink("/dev/null", dir / "null-link");
  for (const std::filesystem::path& path :
       {dir / "pipe", dir / "null-link", std::filesystem::path("/dev/stdout")}) {
    CHECK(resolve_output_target(path).write_through);
  }
}

TEST_CASE("resolve_output_target: a directory or a cycle of links is refused", "[core][file]") {
  test::TempDir dir;
  std::filesystem::create_symlink("b", dir / "a");
  std::filesystem::create_symlink("a", dir / "b");
  CHECK(error_of(dir.path()) == EISDIR);
  CHECK(error_of(dir / "a") == ELOOP);
  CHECK(error_of("") == EISDIR);
}

TEST_CASE("create_temporary_file: mode 0600 whatever the umask, removed with its owner",
          "[core][file][regression]") {
  test::TempDir dir;
  const mode_t old_umask = ::umask(0);
  std::filesystem::path path;
  {
    const auto file = create_temporary_file(dir.path(), "r.md");
    path = file->path();
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    CHECK((status.st_mode & 07777) == 0600);
    CHECK(path.filename().string().starts_with(".r.md.tmp-"));
  }
  ::umask(old_umask);
  CHECK_FALSE(std::filesystem::exists(path));
}
