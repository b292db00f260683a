// SPDX-License-Identifier: MIT
// config.toml: parsed over the defaults, then described as `ent110 config` prints it.
#include "fuzz_support.hpp"

#include <ent110/config/config.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  fuzz::parse_or_refuse([&] {
    const LoadedConfig loaded = parse_config(fuzz::text_of(data, size), "fuzz.toml");
    describe_config(loaded);
  });
  return 0;
}
