// SPDX-License-Identifier: MIT
// `intake --from FILE.ndjson`: one JSON object per line.
#include "fuzz_support.hpp"

#include <ent110/cases/intake_file.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  const auto file = fuzz::scratch_file("intake.ndjson", fuzz::text_of(data, size));
  fuzz::parse_or_refuse([&] { read_intake_file(file, fuzz::default_zone()); });
  return 0;
}
