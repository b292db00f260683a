// SPDX-License-Identifier: MIT
// `enterprise import FILE.csv`, into an initialised database; every input meets the same
// database.
#include "fuzz_support.hpp"

#include <ent110/registry/registry.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  const auto file = fuzz::scratch_file("enterprises.csv", fuzz::text_of(data, size));
  Store& store = fuzz::initialized_store();
  fuzz::parse_or_refuse([&] {
    fuzz::rolled_back(
        store, [&] { import_enterprises(store, file, fuzz::office_actor(), fuzz::fixed_now()); });
  });
  return 0;
}
