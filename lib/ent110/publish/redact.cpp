// SPDX-License-Identifier: MIT
#include <ent110/publish/redact.hpp>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace ent110 {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_separator(char c) {
  return c == ' ' || c == '-';
}

bool digit_at(std::string_view text, std::size_t i) {
  return i < text.size() && is_digit(text[i]);
}

// The number of ASCII digits from `i` on.
std::size_t digit_run(std::string_view text, std::size_t i) {
  std::size_t n = 0;
  while (digit_at(text, i + n)) {
    ++n;
  }
  return n;
}

// A separator between two groups of digits is skipped only when a digit follows it.
std::size_t skip_separator(std::string_view text, std::size_t i) {
  return i < text.size() && is_separator(text[i]) && digit_at(text, i + 1) ? i + 1 : i;
}

// 1[3-9]d dddd dddd (d a digit) from `i`, groups optionally separated; the end, or nullopt.
std::optional<std::size_t> mobile_at(std::string_view text, std::size_t i) {
  if (!digit_at(text, i) || text[i] != '1' || !digit_at(text, i + 1) || text[i + 1] < '3') {
    return std::nullopt;
  }
  constexpr std::size_t k_groups[] = {3, 4, 4};
  for (std::size_t g = 0; g < 3; ++g) {
    if (digit_run(text, i) < k_groups[g]) {
      return std::nullopt;
    }
    i += k_groups[g];
    if (g < 2) {
      i = skip_separator(text, i);
    }
  }
  return digit_at(text, i) ? std::nullopt : std::optional(i);
}

// 7 or 8 digits from `i`, optionally split once after the 3rd or 4th; the end, or nullopt.
std::optional<std::size_t> local_number_at(std::string_view text, std::size_t i) {
  std::size_t count = digit_run(text, i);
  std::size_t end = i + count;
  if ((count == 3 || count == 4) && skip_separator(text, end) != end) {
    const std::size_t rest = digit_run(text, end + 1);
    count += rest;
    end += 1 + rest;
  }
  return count == 7 || count == 8 ? std::optional(end) : std::nullopt;
}

// 0 and 2–3 digits of area code, an optional separator, a local number; the end, or nullopt.
std::optional<std::size_t> landline_at(std::string_view text, std::size_t i) {
  if (!digit_at(text, i) || text[i] != '0') {
    return std::nullopt;
  }
  for (std::size_t area : {4, 3}) {
    if (digit_run(text, i) >= area) {
      const std::size_t after_area = i + area;
      const std::size_t local =
          digit_at(text, after_area) ? after_area : skip_separator(text, after_area);
      if (auto end = local_number_at(text, local)) {
        return end;
      }
    }
  }
  return std::nullopt;
}

constexpr std::string_view k_open_paren_wide = "\xEF\xBC\x88";   // （
constexpr std::string_view k_close_paren_wide = "\xEF\xBC\x89";  // ）

// "(0731) 8888 6666" or "（0731）88886666"; the end, or nullopt.
std::optional<std::size_t> landline_in_parentheses_at(std::string_view text, std::size_t i) {
  std::size_t j = i;
  if (text.substr(i, 1) == "(") {
    j += 1;
  } else if (text.substr(i, k_open_paren_wide.size()) == k_open_paren_wide) {
    j += k_open_paren_wide.size();
  } else {
    return std::nullopt;
  }
  const std::size_t area = digit_run(text, j);
  if (area < 3 || area > 4 || text[j] != '0') {
    return std::nullopt;
  }
  j += area;
  if (text.substr(j, 1) == ")") {
    j += 1;
  } else if (text.substr(j, k_close_paren_wide.size()) == k_close_paren_wide) {
    j += k_close_paren_wide.size();
  } else {
    return std::nullopt;
  }
  if (j < text.size() && text[j] == ' ') {
    ++j;
  }
  return local_number_at(text, j);
}

// 17 digits and a digit or X (居民身份证号码); the end, or nullopt.
std::optional<std::size_t> id_number_at(std::string_view text, std::size_t i) {
  if (digit_run(text, i) < 17) {
    return std::nullopt;
  }
  const std::size_t last = i + 17;
  if (last >= text.size() || !(is_digit(text[last]) || text[last] == 'X' || text[last] == 'x')) {
    return std::nullopt;
  }
  return digit_at(text, last + 1) ? std::nullopt : std::optional(last + 1);
}

std::string replace_literals(std::string_view text,
                             std::vector<std::pair<std::string, std::string>> literals) {
  std::erase_if(literals, [](const auto& literal) { return literal.first.empty(); });
  // The longest first, so that a contact's name inside the enterprise's name does not cut it.
  std::stable_sort(literals.begin(), literals.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto match = std::find_if(literals.begin(), literals.end(), [&](const auto& literal) {
      return text.substr(i, literal.first.size()) == literal.first;
    });
    if (match != literals.end()) {
      out += match->second;
      i += match->first.size();
    } else {
      out += text[i++];
    }
  }
  return out;
}

bool is_local_part_char(char c) {
  return is_digit(c) || is_ascii_letter(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}

bool is_domain_char(char c) {
  return is_digit(c) || is_ascii_letter(c) || c == '.' || c == '-';
}

std::string replace_emails(std::string_view text, const std::string& marker) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > copied && is_local_part_char(text[begin - 1])) {
      --begin;
    }
    std::size_t end = at + 1;
    while (end < text.size() && is_domain_char(text[end])) {
      ++end;
    }
    // A sentence may end right after the address.
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) {
      --end;
    }
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    const std::size_t dot = domain.find('.');
    if (begin == at || dot == std::string_view::npos || dot == 0) {
      continue;
    }
    out.append(text.substr(copied, begin - copied));
    out += marker;
    copied = end;
    at = end - 1;
  }
  out.append(text.substr(copied));
  return out;
}

struct NumberMarkers {
  std::string phone;
  std::string id_number;
};

std::string replace_numbers(std::string_view text, const NumberMarkers& markers) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    // "+86" and an opening parenthesis are not digits: what precedes them does not matter.
    std::optional<std::size_t> end;
    if (text.substr(i, 3) == "+86") {
      end = mobile_at(text, text.size() > i + 3 && is_separator(text[i + 3]) ? i + 4 : i + 3);
    } else {
      end = landline_in_parentheses_at(text, i);
    }
    const std::string* marker = &markers.phone;
    if (!end && digit_at(text, i) && (i == 0 || !is_digit(text[i - 1]))) {
      if ((end = id_number_at(text, i))) {
        marker = &markers.id_number;
      } else if (!(end = mobile_at(text, i))) {
        end = landline_at(text, i);
      }
      if (!end) {
        // A longer number (an amount, a code) is kept whole, never redacted from its middle.
        const std::size_t run = digit_run(text, i);
        out.append(text.substr(i, run));
        i += run;
        continue;
      }
    }
    if (end) {
      out += *marker;
      i = *end;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace

std::string redact(std::string_view text, const RedactionSubjects& subjects, Lang lang) {
  const std::string phone = tr(lang, MessageId::publish_redacted_phone);
  const std::string enterprise = tr(lang, MessageId::publish_redacted_enterprise);
  std::string out = replace_literals(
      text, {{subjects.enterprise_name, enterprise},
             {subjects.credit_code, tr(lang, MessageId::publish_redacted_credit_code)},
             {subjects.contact, tr(lang, MessageId::publish_redacted_contact)},
             {subjects.phone, phone}});
  out = replace_emails(out, tr(lang, MessageId::publish_redacted_email));
  return replace_numbers(out, {phone, tr(lang, MessageId::publish_redacted_id_number)});
}

}  // namespace ent110
