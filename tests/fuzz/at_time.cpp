// SPDX-License-Identifier: MIT
// `--at TIME` (and `received_at` in intake files): local or with an offset.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  fuzz::parse_or_refuse([&] { parse_instant(fuzz::text_of(data, size), fuzz::default_zone()); });
  return 0;
}
