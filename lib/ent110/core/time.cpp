// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/core/time.hpp>
#include <ent110/core/tzif.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace ent110 {
namespace {

// Reads exactly `width` digits at `pos`, advancing it; nullopt when they are not all digits
// (from_chars alone would take a sign: "-1" in "T-1:-1").
std::optional<int> read_digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size() ||
      !std::all_of(text.begin() + static_cast<std::ptrdiff_t>(pos),
                   text.begin() + static_cast<std::ptrdiff_t>(pos + width),
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int value = 0;
  auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + width, value);
  if (ec != std::errc{} || end != text.data() + pos + width) {
    return std::nullopt;
  }
  pos += width;
  return value;
}

// Writes `value` as exactly `width` decimal digits (zero-padded) at `at`.
void put_digits(char* at, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// The year range whose "%F" is four digits; date::format spells the others (a sign, a fifth
// digit) and is left to do so.
constexpr int k_four_digit_first_year = 0;
constexpr int k_four_digit_last_year = 9999;

// How much of a time `formatted` writes: "%F", "%F?%R" or "%F?%T".
enum class Until { day, minute, second };

// `time` as date::format writes it ("%F", then `separator` and "%R" or "%T"), without its stream
// and locale (format_utc ran once per stored time: 7% of a bulk intake); nullopt for a year of
// other than four digits.
template <class Clock>
std::optional<std::string> formatted(std::chrono::time_point<Clock, std::chrono::seconds> time,
                                     Until until,
                                     char separator = 'T') {
  const auto day = date::floor<date::days>(time);
  const date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < k_four_digit_first_year || year > k_four_digit_last_year) {
    return std::nullopt;
  }
  std::string text(until == Until::day ? 10 : until == Until::minute ? 16 : 19, '-');
  put_digits(&text[0], static_cast<unsigned>(year), 4);
  put_digits(&text[5], static_cast<unsigned>(ymd.month()), 2);
  put_digits(&text[8], static_cast<unsigned>(ymd.day()), 2);
  if (until == Until::day) {
    return text;
  }
  const auto since_midnight = static_cast<unsigned>((time - day).count());
  text[10] = separator;
  put_digits(&text[11], since_midnight / 3600, 2);
  text[13] = ':';
  put_digits(&text[14], since_midnight / 60 % 60, 2);
  if (until == Until::second) {
    text[16] = ':';
    put_digits(&text[17], since_midnight % 60, 2);
  }
  return text;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

std::optional<LocalDate> read_date(std::string_view text, std::size_t& pos) {
  auto y = read_digits(text, pos, 4);
  if (!y || !expect(text, pos, '-')) {
    return std::nullopt;
  }
  auto m = read_digits(text, pos, 2);
  if (!m || !expect(text, pos, '-')) {
    return std::nullopt;
  }
  auto d = read_digits(text, pos, 2);
  if (!d) {
    return std::nullopt;
  }
  date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                           date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return LocalDate{ymd};
}

// Parses what follows the date in an `--at` value: the time of day and an optional offset.
struct TimeAndOffset {
  std::chrono::seconds time_of_day{0};
  std::optional<std::chrono::minutes> offset;
};

std::optional<TimeAndOffset> read_time_and_offset(std::string_view text, std::size_t pos) {
  TimeAndOffset result;
  if (pos == text.size()) {
    return result;
  }
  if (!expect(text, pos, 'T') && !expect(text, pos, ' ')) {
    return std::nullopt;
  }
  auto hh = read_digits(text, pos, 2);
  if (!hh || *hh > 23 || !expect(text, pos, ':')) {
    return std::nullopt;
  }
  auto mm = read_digits(text, pos, 2);
  if (!mm || *mm > 59) {
    return std::nullopt;
  }
  int ss = 0;
  if (expect(text, pos, ':')) {
    auto s = read_digits(text, pos, 2);
    if (!s || *s > 59) {
      return std::nullopt;
    }
    ss = *s;
  }
  result.time_of_day =
      std::chrono::hours{*hh} + std::chrono::minutes{*mm} + std::chrono::seconds{ss};
  if (pos == text.size()) {
    return result;
  }
  if (expect(text, pos, 'Z')) {
    result.offset = std::chrono::minutes{0};
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    auto oh = read_digits(text, pos, 2);
    expect(text, pos, ':');
    auto om = read_digits(text, pos, 2);
    if (!oh || !om || *oh > 14 || *om > 59) {
      return std::nullopt;
    }
    result.offset = std::chrono::minutes{sign * (*oh * 60 + *om)};
  }
  if (pos != text.size()) {
    return std::nullopt;
  }
  return result;
}

// The system's compiled IANA database, the one the date library's OS mode read.
constexpr std::string_view k_zoneinfo_directory = "/usr/share/zoneinfo";

// A name that stays inside the zoneinfo directory and is a zone there, not one of its other
// files or trees (the same ones the date library left out of its list of zones).
bool plausible_zone_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.starts_with("posix") ||
      name.starts_with("right/") || name == "Factory") {
    return false;
  }
  std::size_t begin = 0;
  while (begin <= name.size()) {
    const std::size_t end = std::min(name.find('/', begin), name.size());
    const std::string_view part = name.substr(begin, end - begin);
    if (part.empty() || part == "." || part == "..") {
      return false;
    }
    begin = end + 1;
  }
  return true;
}

std::shared_ptr<const ZoneRules> load_zone(std::string_view name) {
  if (!plausible_zone_name(name)) {
    return nullptr;
  }
  std::string path(k_zoneinfo_directory);
  path += '/';
  path += name;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) {
    return nullptr;
  }
  std::string data;
  char buffer[4096];
  while (const std::size_t read = std::fread(buffer, 1, sizeof buffer, file.get())) {
    data.append(buffer, read);
  }
  if (std::ferror(file.get()) != 0) {
    return nullptr;  // a directory opens, and fails to read
  }
  auto rules = parse_tzif(data);
  return rules ? std::make_shared<const ZoneRules>(std::move(*rules)) : nullptr;
}

std::size_t period_at(const ZoneRules& rules, std::int64_t utc) {
  return static_cast<std::size_t>(std::upper_bound(rules.starts.begin(), rules.starts.end(), utc) -
                                  rules.starts.begin() - 1);
}

std::chrono::seconds offset_at(const ZoneRules& rules, Instant instant) {
  return std::chrono::seconds{rules.offsets[period_at(rules, instant.time_since_epoch().count())]};
}

date::local_seconds to_local(const ZoneRules& rules, Instant instant) {
  return date::local_seconds{(instant + offset_at(rules, instant)).time_since_epoch()};
}

// "+08:00": whole minutes toward zero, as %Ez printed them.
std::string offset_text(std::chrono::seconds offset) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  const auto magnitude = minutes < 0 ? -minutes : minutes;
  const auto two_digits = [](long long value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
  };
  return (minutes < 0 ? "-" : "+") + two_digits(magnitude / 60) + ":" + two_digits(magnitude % 60);
}

}  // namespace

Zone::Zone(std::string_view name) : m_name(name), m_rules(load_zone(name)) {
  if (!m_rules) {
    throw UsageError(MessageId::unknown_time_zone, {std::string(name)});
  }
}

std::string_view Zone::name() const {
  return m_name;
}

LocalDate Zone::local_date(Instant instant) const {
  return LocalDate{date::floor<date::days>(to_local(*m_rules, instant)).time_since_epoch()};
}

Instant Zone::start_of(LocalDate day) const {
  // The earliest instant whose local time is 00:00 (a day that repeats midnight starts at the
  // first); where a transition skips 00:00, the instant of that transition.
  const std::int64_t local = date::sys_seconds{day}.time_since_epoch().count();
  constexpr std::int64_t k_widest_offset = 27 * 3600;
  const ZoneRules& rules = *m_rules;
  const std::size_t last = period_at(rules, local + k_widest_offset);
  for (std::size_t period = period_at(rules, local - k_widest_offset); period <= last; ++period) {
    const std::int64_t utc = local - rules.offsets[period];
    const bool ends_later = period + 1 == rules.starts.size() || utc < rules.starts[period + 1];
    if (utc >= rules.starts[period] && ends_later) {
      return Instant{std::chrono::seconds{utc}};
    }
    if (!ends_later && local - rules.offsets[period + 1] < rules.starts[period + 1]) {
      return Instant{std::chrono::seconds{rules.starts[period + 1]}};
    }
  }
  throw std::logic_error("a local time neither exists nor falls in a gap");
}

std::string Zone::format_local(Instant instant) const {
  const date::local_seconds local = to_local(*m_rules, instant);
  std::optional<std::string> text = formatted(local, Until::second);
  return (text ? std::move(*text) : date::format("%FT%T", local)) +
         offset_text(offset_at(*m_rules, instant));
}

std::string Zone::format_local_short(Instant instant) const {
  const date::local_seconds local = to_local(*m_rules, instant);
  std::optional<std::string> text = formatted(local, Until::minute, ' ');
  return text ? std::move(*text) : date::format("%F %R", local);
}

Instant parse_instant(std::string_view text, const Zone& zone) {
  std::size_t pos = 0;
  auto day = read_date(text, pos);
  auto rest = day ? read_time_and_offset(text, pos) : std::nullopt;
  const auto year = day ? static_cast<int>(date::year_month_day{*day}.year()) : 0;
  if (!day || !rest || year < k_first_instant_year || year > k_last_instant_year) {
    throw UsageError(MessageId::bad_instant,
                     {std::string(text), std::to_string(k_first_instant_year),
                      std::to_string(k_last_instant_year)});
  }
  if (rest->offset) {
    return Instant{day->time_since_epoch()} + rest->time_of_day - *rest->offset;
  }
  return zone.start_of(*day) + rest->time_of_day;
}

std::optional<LocalDate> try_parse_date(std::string_view text) {
  std::size_t pos = 0;
  auto day = read_date(text, pos);
  if (!day || pos != text.size()) {
    return std::nullopt;
  }
  return day;
}

LocalDate parse_date(std::string_view text) {
  if (auto day = try_parse_date(text)) {
    return *day;
  }
  throw UsageError(MessageId::bad_date, {std::string(text)});
}

date::year_month parse_month(std::string_view text) {
  std::size_t pos = 0;
  auto y = read_digits(text, pos, 4);
  const bool dash = expect(text, pos, '-');
  auto m = read_digits(text, pos, 2);
  if (!y || !dash || !m || pos != text.size() || *m < 1 || *m > 12) {
    throw UsageError(MessageId::bad_month, {std::string(text)});
  }
  return date::year{*y} / date::month{static_cast<unsigned>(*m)};
}

std::string format_date(LocalDate day) {
  std::optional<std::string> text = formatted(Instant{day}, Until::day);
  return text ? std::move(*text) : date::format("%F", day);
}

std::string format_month(date::year_month month) {
  return date::format("%Y-%m", date::year_month_day{month / 1});
}

std::string format_utc(Instant instant) {
  std::optional<std::string> text = formatted(instant, Until::second);
  if (!text) {
    return date::format("%FT%TZ", instant);
  }
  text->push_back('Z');
  return std::move(*text);
}

Instant parse_utc(std::string_view text) {
  std::size_t pos = 0;
  auto day = read_date(text, pos);
  auto rest = day ? read_time_and_offset(text, pos) : std::nullopt;
  if (!day || !rest || !rest->offset) {
    throw StoreError(MessageId::db_error, {"", "bad stored instant '" + std::string(text) + "'"});
  }
  return Instant{day->time_since_epoch()} + rest->time_of_day - *rest->offset;
}

Instant wall_clock_now() {
  return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace ent110
