// SPDX-License-Identifier: MIT
// Redaction of what the service website shows (Art. 6, 14–16): personal data and the enterprise's
// identity are replaced by short bracketed words before anything is published. A pure function,
// so that it can be tested and fuzzed without a database.
#pragma once

#include <ent110/core/messages.hpp>

#include <string>
#include <string_view>

namespace ent110 {

/// What identifies the case's enterprise and its registered contact; empty fields are ignored.
struct RedactionSubjects {
  std::string enterprise_name;
  std::string credit_code;
  std::string contact;
  std::string phone;
};

/// `text` with, in this order: the subjects' literal occurrences replaced (the enterprise's name
/// and credit code by "某企业" / "an enterprise", its contact's name and phone by a marker);
/// e-mail addresses; 18-character ID numbers (17 digits and a digit or X); mobile numbers
/// (1[3-9] and 9 more digits, optionally +86 before and a space or hyphen after the 3rd and 7th
/// digits); landlines with an area code (0 and 2–3 digits, optionally in parentheses, then 7–8
/// digits, optionally split by a space or hyphen). Numbers count only when no ASCII digit
/// touches them. The markers come from the catalogue in `lang` and contain no digits or '@',
/// so redacting twice changes nothing more.
std::string redact(std::string_view text, const RedactionSubjects& subjects, Lang lang);

}  // namespace ent110
