// SPDX-License-Identifier: MIT
// Unified social credit codes (GB 32100-2015), as `enterprise add --credit-code` checks them.
#include "fuzz_support.hpp"

#include <ent110/registry/uscc.hpp>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  const std::string_view code = fuzz::text_of(data, size);
  fuzz::parse_or_refuse([&] { validate_uscc(code); });
  // A code judged valid ends in the check character of its first 17.
  if (!uscc_problem(code) && uscc_check_character(code.substr(0, 17)) != code[17]) {
    std::fprintf(stderr, "uscc: '%.*s' judged valid but its check character is wrong\n",
                 static_cast<int>(code.size()), code.data());
    std::abort();
  }
  return 0;
}
