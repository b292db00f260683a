// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/core/time.hpp>

#include <date/tz.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

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

}  // namespace

Zone::Zone(std::string_view name) {
  try {
    m_zone = date::locate_zone(name);
  } catch (const std::runtime_error&) {
    throw UsageError(MessageId::unknown_time_zone, {std::string(name)});
  }
}

std::string_view Zone::name() const {
  return m_zone->name();
}

LocalDate Zone::local_date(Instant instant) const {
  return LocalDate{date::floor<date::days>(m_zone->to_local(instant)).time_since_epoch()};
}

Instant Zone::start_of(LocalDate day) const {
  // `earliest` picks the first moment of the day even where a transition makes it ambiguous.
  return m_zone->to_sys(date::local_seconds{day.time_since_epoch()}, date::choose::earliest);
}

std::string Zone::format_local(Instant instant) const {
  return date::format("%FT%T%Ez", date::make_zoned(m_zone, instant));
}

std::string Zone::format_local_short(Instant instant) const {
  return date::format("%F %R", m_zone->to_local(instant));
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
  return date::format("%F", day);
}

std::string format_month(date::year_month month) {
  return date::format("%Y-%m", date::year_month_day{month / 1});
}

std::string format_utc(Instant instant) {
  return date::format("%FT%TZ", instant);
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
