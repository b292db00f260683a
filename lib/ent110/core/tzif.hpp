// SPDX-License-Identifier: MIT
// The compiled IANA zone files (TZif, RFC 8536) that Zone reads from /usr/share/zoneinfo.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ent110 {

/// A zone's offsets from UTC: period i runs from starts[i] (a UTC second) until starts[i + 1],
/// the last one for ever, and local time in it is UTC plus offsets[i] seconds.
struct ZoneRules {
  std::vector<std::int64_t> starts;
  std::vector<std::int32_t> offsets;
};

/// The offsets of a TZif file of any version; nullopt when the bytes are not one (truncated, a
/// count out of bounds, a transition type that does not exist, transitions out of order).
std::optional<ZoneRules> parse_tzif(std::string_view data);

}  // namespace ent110
