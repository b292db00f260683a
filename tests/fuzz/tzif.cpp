// SPDX-License-Identifier: MIT
// TZif zone files (RFC 8536), as Zone reads the configured zone from /usr/share/zoneinfo: the
// file is the system's, but a broken or hostile one must be refused, never read out of bounds.
#include "fuzz_support.hpp"

#include <ent110/core/tzif.hpp>

#include <limits>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  const std::optional<ZoneRules> rules = parse_tzif(fuzz::text_of(data, size));
  if (!rules) {
    return 0;
  }
  // Zone looks a period up by binary search over the starts and indexes the offsets with it.
  if (rules->starts.empty() || rules->starts.size() != rules->offsets.size() ||
      rules->starts.front() != std::numeric_limits<std::int64_t>::min()) {
    fuzz::property_failed("an accepted file has no first period or unmatched starts and offsets");
  }
  for (std::size_t i = 1; i < rules->starts.size(); ++i) {
    if (rules->starts[i] <= rules->starts[i - 1] || rules->offsets[i] == rules->offsets[i - 1]) {
      fuzz::property_failed("periods out of order, or two in a row with the same offset");
    }
  }
  return 0;
}
