// SPDX-License-Identifier: MIT
// Redaction of published texts (`ent110 publish`): any bytes are accepted, and what comes out must
// hold no mobile number, no ID number and none of the subjects, and must not change when
// redacted again.
#include "fuzz_support.hpp"

#include <ent110/publish/redact.hpp>

namespace {

bool holds_mobile_or_id(std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      ++run;
      continue;
    }
    const std::string_view digits = text.substr(i - run, run);
    if ((run == 11 && digits[0] == '1' && digits[1] >= '3') || run == 18) {
      return true;
    }
    run = 0;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ent110;
  const RedactionSubjects subjects{"信阳示例机械有限公司", "91411500MA44B7C20X", "张建国",
                                   "0376-6221234"};
  const std::string_view text = fuzz::text_of(data, size);
  for (Lang lang : {Lang::zh, Lang::en}) {
    const std::string once = redact(text, subjects, lang);
    if (holds_mobile_or_id(once)) {
      fuzz::property_failed("a mobile or ID number survives in '" + once + "'");
    }
    for (const std::string& subject :
         {subjects.enterprise_name, subjects.contact, subjects.credit_code, subjects.phone}) {
      if (once.find(subject) != std::string::npos) {
        fuzz::property_failed("'" + subject + "' survives in '" + once + "'");
      }
    }
    if (redact(once, subjects, lang) != once) {
      fuzz::property_failed("redacting '" + once + "' again changes it");
    }
  }
  return 0;
}
