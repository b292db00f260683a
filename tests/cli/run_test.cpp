// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using ent110::test::run_cli;
using ent110::test::TempDir;

namespace {
std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}
}  // namespace

TEST_CASE("run_main: --help and usage errors never open the database", "[cli]") {
  TempDir dir;
  const std::string db = (dir / "never.db").string();
  CHECK(run_cli({"--db", db, "--help"}).code == 0);
  CHECK(run_cli({"--db", db, "unit", "add", "--help"}).code == 0);
  const auto usage = run_cli({"--db", db, "unit", "add", "FGW"});
  CHECK(usage.code == 2);
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("run_main: usage errors exit 2 with one line, never CLI11's own codes", "[cli]") {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--bogus"},
                                             {"unit"},
                                             {"unit", "add"},
                                             {"unit", "list", "extra"},
                                             {"--lang", "fr", "unit", "list"}}) {
    const auto result = run_cli(args);
    INFO(result.err);
    CHECK(result.code == 2);
    CHECK(line_count(result.err) == 1);
    CHECK(result.err.rfind("ent110: error: ", 0) == 0);
  }
}

TEST_CASE("run_main: a mistyped command gets a suggestion", "[cli]") {
  const auto result = run_cli({"enterprize", "list"});
  CHECK(result.code == 2);
  CHECK(result.err == "ent110: error: unknown command 'enterprize', did you mean 'enterprise'?\n");
}

TEST_CASE("run_main: errors are printed in the chosen language", "[cli]") {
  TempDir dir;
  const std::string db = (dir / "x.db").string();
  const auto zh = run_cli({"--db", db, "--lang", "zh", "unit", "list"});
  CHECK(zh.code == 6);
  CHECK(zh.err.rfind("ent110：错误：", 0) == 0);
  CHECK(zh.err.find("ent110 init") != std::string::npos);
}

TEST_CASE("registries: init, unit add and list --json in-process", "[cli][registry]") {
  TempDir dir;
  const std::string db = (dir / "r.db").string();
  REQUIRE(run_cli({"--db", db, "init", "--at", "2025-09-30T09:00"}).code == 0);
  REQUIRE(
      run_cli({"--db", db, "unit", "add", "GSX", "--name", "光山县", "--kind", "county"}).code ==
      0);
  const auto listed = run_cli({"--db", db, "unit", "list", "--json"});
  REQUIRE(listed.code == 0);
  const auto json = nlohmann::json::parse(listed.out);
  REQUIRE(json["units"].size() == 5);
  CHECK(json["units"][4]["code"] == "GSX");
  CHECK(json["units"][4]["kind"] == "county");

  const auto unknown =
      run_cli({"--db", db, "user", "add", "amy", "--unit", "GXS", "--role", "unit"});
  CHECK(unknown.code == 3);
  CHECK(unknown.err == "ent110: error: unknown unit 'GXS', did you mean 'GSX'?\n");
}

TEST_CASE("config: shows each setting's origin", "[cli][config]") {
  TempDir dir;
  const auto file = dir / "c.toml";
  ent110::test::write_file(file, "[clocks]\nreview_days = 2\n");
  const auto result = run_cli({"--config", file.string(), "--json", "config"});
  REQUIRE(result.code == 0);
  const auto json = nlohmann::json::parse(result.out);
  bool found = false;
  for (const auto& setting : json["settings"]) {
    if (setting["key"] == "clocks.review_days") {
      found = true;
      CHECK(setting["value"] == 2);
      CHECK(setting["origin"] == file.string());
      CHECK(setting["line"] == 2);
    }
  }
  CHECK(found);
  const auto bad = run_cli({"--config", file.string() + ".missing", "config"});
  CHECK(bad.code == 5);
}

TEST_CASE("run_main: no arguments prints the help", "[cli]") {
  const auto result = run_cli({});
  CHECK(result.code == 0);
  CHECK(result.out.find("init") != std::string::npos);
  CHECK(result.err.empty());
}

TEST_CASE("init: a failed init leaves no database file behind", "[cli]") {
  TempDir dir;
  const auto db = dir / "new.db";
  ent110::test::write_file(dir / "2025.toml", "year = 2025\nbogus = 1\n");
  const auto result = run_cli({"--db", db.string(), "init", "--holidays", dir.path().string()});
  CHECK(result.code == 5);
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE(
    "run_main: [regression] issue 11: an argument that is not UTF-8 is refused before "
    "parsing, naming its option",
    "[cli][regression]") {
  TempDir dir;
  const std::string db = (dir / "never.db").string();
  const auto named =
      run_cli({"--db", db, "unit", "add", "XX", "--name", "\xff", "--kind", "county"});
  CHECK(named.code == 2);
  CHECK(named.err == "ent110: error: --name is not valid UTF-8 (byte 0); give text in UTF-8\n");
  const auto joined = run_cli({"--db", db, "unit", "add", "XX", "--name=ab\xc0\xaf"});
  CHECK(joined.err == "ent110: error: --name is not valid UTF-8 (byte 2); give text in UTF-8\n");
  const auto positional = run_cli({"--db", db, "show", "\xff"});
  CHECK(positional.err ==
        "ent110: error: argument 4 is not valid UTF-8 (byte 0); give text in UTF-8\n");
  const auto chinese = run_cli({"--lang", "zh", "--db", db, "show", "\xff"});
  CHECK(chinese.err.find("第 6 个参数 不是有效的 UTF-8（第 0 字节）") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));
}
