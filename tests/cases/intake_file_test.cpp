// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <ent110/cases/intake_file.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/time.hpp>

#include <catch2/catch.hpp>

using namespace ent110;
using ent110::test::TempDir;
using ent110::test::write_file;

namespace {

constexpr std::string_view k_record =
    R"({"enterprise": "E", "type": "consult", "channel": "web", "title": "t")";

// The message of the BadInput that reading `content` as `name` throws, or "accepted".
std::string refusal_of(const std::string& name, const std::string& content) {
  TempDir dir;
  write_file(dir / name, content);
  try {
    read_intake_file(dir / name, Zone("Asia/Shanghai"));
  } catch (const BadInput& error) {
    const std::string what = error.what();
    return what.substr(what.find(name));
  }
  return "accepted";
}

}  // namespace

TEST_CASE("read_intake_file: a flat record is read", "[cases][intake]") {
  CHECK(refusal_of("ok.ndjson", std::string(k_record) + "}\n") == "accepted");
}

TEST_CASE("read_intake_file: [regression] issue 11: hostile NDJSON is refused naming the line",
          "[cases][intake][regression]") {
  SECTION("deep nesting never reaches the recursive parser") {
    const std::string deep = std::string(k_record) + ", \"body\": " + std::string(200000, '[');
    CHECK(refusal_of("deep.ndjson", "\n" + deep + "\n") ==
          "deep.ndjson:2: values nest deeper than 8 levels; write one flat object per line");
  }
  SECTION("brackets inside strings do not count as nesting") {
    CHECK(refusal_of("text.ndjson",
                     std::string(k_record) + ", \"body\": \"[[[[[[[[[[\\\"[[\"}\n") == "accepted");
  }
  SECTION("a number beyond double") {
    CHECK(refusal_of("huge.ndjson", std::string(k_record) + ", \"major\": 1e400}\n") ==
          "huge.ndjson:1: a number is out of range; write it as a string or in ordinary size");
  }
  SECTION("a line beyond the cap") {
    const std::string body(2 * k_max_text_bytes, 'x');
    CHECK(refusal_of("long.ndjson", std::string(k_record) + ", \"body\": \"" + body + "\"}\n")
              .starts_with("long.ndjson:1: the line is longer than 2097152 bytes"));
  }
  SECTION("bytes that are not UTF-8") {
    CHECK(refusal_of("bad.ndjson", std::string(k_record) + ", \"body\": \"\xff\"}\n")
              .starts_with("bad.ndjson:1: not valid UTF-8"));
  }
  SECTION("received_at outside the supported years") {
    CHECK(refusal_of("old.csv",
                     "enterprise,type,channel,title,received_at\nE,consult,web,t,"
                     "1899-12-31\n")
              .starts_with("old.csv:2: received_at '1899-12-31' is not allowed"));
  }
}

TEST_CASE("read_intake_file: a project field, checked for its shape", "[cases][intake][visits]") {
  TempDir dir;
  write_file(dir / "p.ndjson", std::string(k_record) +
                                   ", \"project\": \"2024-411502-48-01-000001\"}\n" +
                                   std::string(k_record) + ", \"project\": \"\"}\n");
  const std::vector<IntakeRecord> records = read_intake_file(dir / "p.ndjson", Zone("UTC"));
  REQUIRE(records.size() == 2);
  CHECK(records[0].request.project == "2024-411502-48-01-000001");
  CHECK_FALSE(records[1].request.project);
  CHECK(refusal_of("bad.csv", "enterprise,type,channel,title,project\nE,consult,web,t,2024-41\n") ==
        "bad.csv:2: project '2024-41' is not a project code (项目统一代码); use "
        "YYYY-RRRRRR-II-TT-NNNNNN, e.g. 2017-411500-44-03-012345, or leave it empty");
}
