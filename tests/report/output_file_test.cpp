// SPDX-License-Identifier: MIT
#include "report/golden.hpp"

#include <ent110/core/error.hpp>
#include <ent110/report/output_file.hpp>

#include <catch2/catch.hpp>

using namespace ent110;
using ent110::test::read_file;
using ent110::test::TempDir;

TEST_CASE("write_file_atomically: writes, then replaces, leaving nothing else", "[report][file]") {
  TempDir dir;
  write_file_atomically(dir / "r.html", "first");
  CHECK(read_file(dir / "r.html") == "first");
  write_file_atomically(dir / "r.html", "second");
  CHECK(read_file(dir / "r.html") == "second");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("write_file_atomically: a missing directory is bad input naming the path",
          "[report][file]") {
  TempDir dir;
  try {
    write_file_atomically(dir / "no" / "r.html", "x");
    FAIL("wrote into a missing directory");
  } catch (const BadInput& error) {
    CHECK(std::string(error.what()).find("no/r.html") != std::string::npos);
    CHECK(error.exit_code() == ExitCode::bad_input);
  }
  CHECK_FALSE(std::filesystem::exists(dir / "no"));
}

TEST_CASE("write_file_atomically: a directory as target fails and leaves no temporary file",
          "[report][file]") {
  TempDir dir;
  std::filesystem::create_directory(dir / "sub");
  CHECK_THROWS_AS(write_file_atomically(dir / "sub", "x"), BadInput);
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
}
