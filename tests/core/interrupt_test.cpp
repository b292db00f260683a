// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/core/interrupt.hpp>

#include <catch2/catch.hpp>

#include <fstream>

using namespace ent110;

namespace {

void touch(const std::filesystem::path& path) {
  std::ofstream(path) << "x";
}

}  // namespace

TEST_CASE("TemporaryFile: removed when it goes out of scope, kept once released",
          "[core][interrupt]") {
  test::TempDir dir;
  {
    TemporaryFile dropped(dir / "dropped");
    touch(dropped.path());
  }
  CHECK_FALSE(std::filesystem::exists(dir / "dropped"));
  {
    TemporaryFile kept(dir / "kept");
    touch(kept.path());
    kept.release();
  }
  CHECK(std::filesystem::exists(dir / "kept"));
}

TEST_CASE("remove_temporary_files: removes what is registered, nothing released (issue 11)",
          "[core][interrupt][regression]") {
  test::TempDir dir;
  TemporaryFile first(dir / "first");
  TemporaryFile second(dir / "second-journal");
  TemporaryFile released(dir / "released");
  for (const TemporaryFile* file : {&first, &second, &released}) {
    touch(file->path());
  }
  released.release();
  remove_temporary_files();
  CHECK_FALSE(std::filesystem::exists(first.path()));
  CHECK_FALSE(std::filesystem::exists(second.path()));
  CHECK(std::filesystem::exists(released.path()));
}
