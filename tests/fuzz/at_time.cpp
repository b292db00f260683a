// SPDX-License-Identifier: MIT
// `--at TIME` (and `received_at` in intake files): local or with an offset. A time accepted is
// one the database can store: its storage form reads back as the same instant.
#include "fuzz_support.hpp"

#include <optional>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  const std::string_view text = fuzz::text_of(data, size);
  std::optional<Instant> accepted;
  fuzz::parse_or_refuse([&] { accepted = parse_instant(text, fuzz::default_zone()); });
  if (!accepted) {
    return 0;
  }
  const std::string stored = format_utc(*accepted);
  std::optional<Instant> read_back;
  fuzz::parse_or_refuse([&] { read_back = parse_utc(stored); });
  if (read_back != accepted) {
    fuzz::property_failed("'" + std::string(text) + "' is accepted but stored as '" + stored +
                          "', which does not read back");
  }
  return 0;
}
