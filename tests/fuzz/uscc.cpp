// SPDX-License-Identifier: MIT
// Unified social credit codes (GB 32100-2015), as `enterprise add --credit-code` checks them.
#include "fuzz_support.hpp"

#include <ent110/registry/uscc.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  const std::string_view code = fuzz::text_of(data, size);
  fuzz::parse_or_refuse([&] { validate_uscc(code); });
  if (!uscc_problem(code) && uscc_check_character(code.substr(0, 17)) != code[17]) {
    fuzz::property_failed("'" + std::string(code) +
                          "' is judged valid but does not end in its check character");
  }
  return 0;
}
