// SPDX-License-Identifier: MIT
#include <ent110/core/tzif.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

using namespace ent110;

namespace {

std::string system_zone_file(const std::string& name) {
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("parse_tzif: Shanghai's periods, its 1986-1991 summer times included", "[time]") {
  const std::optional<ZoneRules> rules = parse_tzif(system_zone_file("Asia/Shanghai"));
  REQUIRE(rules);
  REQUIRE(rules->starts.size() == rules->offsets.size());
  CHECK(rules->starts.front() == std::numeric_limits<std::int64_t>::min());
  CHECK(rules->offsets.back() == 8 * 3600);
  // 1991-04-14 02:00 local standard time (1991-04-13T18:00:00Z) began the last summer time.
  const auto summer_1991 = std::find(rules->starts.begin(), rules->starts.end(), 671565600);
  REQUIRE(summer_1991 != rules->starts.end());
  CHECK(rules->offsets[summer_1991 - rules->starts.begin()] == 9 * 3600);
}

TEST_CASE("parse_tzif: every truncation of a real file is refused", "[time]") {
  const std::string file = system_zone_file("Asia/Shanghai");
  REQUIRE(parse_tzif(file));
  // The version 2 data block ends before the POSIX rule footer, which the parser does not read.
  const std::size_t footer = file.size() - file.substr(0, file.size() - 1).rfind('\n');
  for (std::size_t size = 0; size + footer < file.size(); ++size) {
    CAPTURE(size);
    CHECK_FALSE(parse_tzif(std::string_view(file).substr(0, size)));
  }
}

TEST_CASE("parse_tzif: a file that is not TZif, or whose counts lie, is refused", "[time]") {
  std::string file = system_zone_file("Asia/Shanghai");
  SECTION("another magic") {
    file[0] = 'X';
  }
  SECTION("a negative count") {
    file[20] = static_cast<char>(0x80);
  }
  SECTION("no types") {
    file[36] = file[37] = file[38] = file[39] = 0;
  }
  SECTION("more transitions than the file holds") {
    file[32] = 0x7f;
  }
  CHECK_FALSE(parse_tzif(file));
}
