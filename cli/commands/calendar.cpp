// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/moved_due_dates.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/calendar/calendar.hpp>
#include <ent110/calendar/calendar_repo.hpp>
#include <ent110/calendar/day_labels.hpp>
#include <ent110/cases/calendar_follower.hpp>
#include <ent110/core/error.hpp>
#include <ent110/util/display_width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace ent110::cli {
namespace {

struct CalendarOptions {
  std::vector<std::string> paths;
  std::string period;
  std::string date;
  std::string to;
  int n = 0;
  std::string choice;
  std::string reason;
};

// A grid cell: two digits and a marker of up to two columns (休, 班, …).
constexpr std::size_t k_calendar_cell = 4;
constexpr std::size_t k_calendar_grid = 7 * k_calendar_cell + 6;

std::vector<std::string> calendar_words(const Session& s, MessageId id) {
  std::istringstream in(s.tr(id));
  std::vector<std::string> words;
  for (std::string word; in >> word;) {
    words.push_back(word);
  }
  return words;
}

// The grid marks the days that differ from the weekend rule; plain days carry no marker.
std::string calendar_marker(const Session& s, DayKind kind) {
  switch (kind) {
    case DayKind::holiday:
      return s.tr(MessageId::day_marker_holiday);
    case DayKind::adjusted_workday:
      return s.tr(MessageId::day_marker_adjusted_workday);
    case DayKind::local_off:
      return s.tr(MessageId::day_marker_local_off);
    case DayKind::local_work:
      return s.tr(MessageId::day_marker_local_work);
    case DayKind::workday:
    case DayKind::weekend:
      break;
  }
  return {};
}

std::string calendar_paint(const Session& s, DayKind kind, const std::string& text) {
  switch (kind) {
    case DayKind::holiday:
      return paint(s, Colour::red, text);
    case DayKind::adjusted_workday:
      return paint(s, Colour::blue, text);
    case DayKind::local_off:
    case DayKind::local_work:
      return paint(s, Colour::yellow, text);
    case DayKind::weekend:
      return paint(s, Colour::dim, text);
    case DayKind::workday:
      break;
  }
  return text;
}

std::string calendar_month_title(const Session& s, date::year_month month) {
  const unsigned number = static_cast<unsigned>(month.month());
  return s.tr(MessageId::calendar_month_title,
              {std::to_string(static_cast<int>(month.year())),
               calendar_words(s, MessageId::calendar_month_names).at(number - 1)});
}

std::string calendar_center(const std::string& text, std::size_t width) {
  const std::size_t used = display_width(text);
  const std::size_t left = used < width ? (width - used) / 2 : 0;
  return pad_to_width(std::string(left, ' ') + text, width);
}

// One month as lines of exactly k_calendar_grid columns: title, weekday header, weeks from Monday.
std::vector<std::string> calendar_month_lines(const Session& s,
                                              date::year_month month,
                                              const std::vector<CalendarDay>& days,
                                              LocalDate today) {
  std::vector<std::string> lines{calendar_center(calendar_month_title(s, month), k_calendar_grid)};
  std::string header;
  for (const std::string& name : calendar_words(s, MessageId::calendar_weekdays_short)) {
    header += (header.empty() ? "" : " ") + pad_to_width(name, k_calendar_cell);
  }
  lines.push_back(pad_to_width(header, k_calendar_grid));
  std::string week;
  unsigned column = date::weekday{days.front().date}.iso_encoding() - 1;
  for (unsigned i = 0; i < column; ++i) {
    week += std::string(k_calendar_cell + 1, ' ');
  }
  for (const CalendarDay& day : days) {
    const unsigned number = static_cast<unsigned>(date::year_month_day{day.date}.day());
    std::string cell =
        pad_to_width(fmt::format("{:>2}", number) + calendar_marker(s, day.kind), k_calendar_cell);
    cell = calendar_paint(s, day.kind, cell);
    if (day.date == today) {
      cell = paint(s, Colour::bold, cell);
    }
    week += cell;
    if (++column == 7) {
      lines.push_back(week);
      week.clear();
      column = 0;
    } else {
      week += ' ';
    }
  }
  if (!week.empty()) {
    lines.push_back(week + std::string(k_calendar_grid - display_width(week), ' '));
  }
  return lines;
}

std::string calendar_short_date(LocalDate day) {
  return format_date(day).substr(5);
}

// Below the grid: what the markers mean, then each run of marked days with its festival or reason.
std::string calendar_legend(const Session& s, const std::vector<CalendarDay>& days) {
  std::vector<DayKind> used;
  for (const CalendarDay& day : days) {
    if (!calendar_marker(s, day.kind).empty() &&
        std::find(used.begin(), used.end(), day.kind) == used.end()) {
      used.push_back(day.kind);
    }
  }
  if (used.empty()) {
    return {};
  }
  std::sort(used.begin(), used.end());
  std::string out;
  for (DayKind kind : used) {
    out += (out.empty() ? "" : "  ") + calendar_paint(s, kind, calendar_marker(s, kind)) + " " +
           label(s.lang(), kind);
  }
  out += '\n';
  for (std::size_t i = 0; i < days.size();) {
    const CalendarDay& first = days[i];
    std::size_t j = i + 1;
    while (j < days.size() && days[j].kind == first.kind && days[j].name == first.name &&
           days[j].reason == first.reason) {
      ++j;
    }
    if (!calendar_marker(s, first.kind).empty()) {
      const CalendarDay& last = days[j - 1];
      std::string range = calendar_short_date(first.date);
      if (last.date != first.date) {
        range += "–" + calendar_short_date(last.date);
      }
      std::string text = first.reason.empty() ? first.name : first.reason;
      if (first.kind == DayKind::adjusted_workday || first.kind == DayKind::local_work) {
        text += " (" + weekday_name(s.lang(), first.date) + ")";
      }
      out += pad_to_width(range, 12) +
             calendar_paint(s, first.kind, calendar_marker(s, first.kind)) + "  " + text + '\n';
    }
    i = j;
  }
  return out;
}

nlohmann::json calendar_day_json(const CalendarDay& day) {
  nlohmann::json entry{{"date", format_date(day.date)},
                       {"workday", is_working(day.kind)},
                       {"kind", std::string(to_string(day.kind))},
                       {"name", day.name.empty() ? nlohmann::json() : nlohmann::json(day.name)}};
  if (!day.reason.empty()) {
    entry["reason"] = day.reason;
  }
  if (day.provisional) {
    entry["provisional"] = true;
  }
  return entry;
}

nlohmann::json calendar_days_json(const std::vector<CalendarDay>& days) {
  nlohmann::json list = nlohmann::json::array();
  for (const CalendarDay& day : days) {
    list.push_back(calendar_day_json(day));
  }
  return list;
}

// Warns once per year without an official schedule among the days after `from` up to `to`.
void calendar_warn_provisional(Session& s, LocalDate from, LocalDate to) {
  const WorkingCalendar& calendar = s.calendar();
  const int first = static_cast<int>(date::year_month_day{from + date::days{1}}.year());
  const int last = static_cast<int>(date::year_month_day{to}.year());
  for (int year = first; year <= last; ++year) {
    if (!calendar.is_year_loaded(year)) {
      s.warn(MessageId::calendar_provisional, {std::to_string(year)});
    }
  }
}

std::string calendar_day_line(const Session& s, const CalendarDay& day) {
  std::string what = label(s.lang(), day.kind);
  if (!day.name.empty()) {
    what += " (" + day.name + ")";
  }
  if (!day.reason.empty()) {
    what += " — " + day.reason;
  }
  return s.tr(MessageId::calendar_day_line,
              {format_date(day.date), weekday_name(s.lang(), day.date), what});
}

std::string calendar_years_text(const std::vector<int>& years) {
  std::string out;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) {
      ++j;
    }
    out += out.empty() ? "" : ", ";
    out += j == i ? std::to_string(years[i]) : fmt::format("{}–{}", years[i], years[j]);
    i = j + 1;
  }
  return out;
}

int run_calendar_load(const CalendarOptions& options, Session& s) {
  const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
  CaseClockFollower follower(s.store(), s.config(), s.zone(), s.actor());
  const LoadSummary summary = load_holidays(
      s.store(), paths, s.authorized(Duty::calendar, "calendar load"), s.now(), &follower);
  if (s.json()) {
    emit_json(s, {{"revision", summary.revision},
                  {"years", summary.years},
                  {"moved", moved_due_dates_json(summary.moved)}});
    return 0;
  }
  s.out() << s.tr(MessageId::calendar_loaded,
                  {calendar_years_text(summary.years), std::to_string(summary.revision)})
          << '\n';
  print_moved_due_dates(s, summary.moved);
  return 0;
}

int run_calendar_show(const CalendarOptions& options, Session& s) {
  const LocalDate today = s.zone().local_date(s.now());
  const std::string& period = options.period;
  const WorkingCalendar& calendar = s.calendar();
  if (period.size() == 10) {
    const CalendarDay day = calendar.days_between(parse_date(period), parse_date(period)).front();
    if (day.provisional) {
      calendar_warn_provisional(s, day.date - date::days{1}, day.date);
    }
    if (s.json()) {
      emit_json(s, calendar_day_json(day));
    } else {
      s.out() << calendar_day_line(s, day) << '\n';
    }
    return 0;
  }
  std::vector<date::year_month> months;
  std::optional<int> year;
  if (period.empty() || period.size() == 7) {
    const date::year_month_day now{today};
    months.push_back(period.empty() ? now.year() / now.month() : parse_month(period));
  } else if (period.size() == 4 && std::all_of(period.begin(), period.end(),
                                               [](char c) { return c >= '0' && c <= '9'; })) {
    year = std::stoi(period);
    for (unsigned m = 1; m <= 12; ++m) {
      months.push_back(date::year{*year} / date::month{m});
    }
  } else {
    throw UsageError(MessageId::calendar_period_bad, {period});
  }
  const std::vector<CalendarDay> days =
      calendar.days_between(LocalDate{months.front() / 1}, LocalDate{months.back() / date::last});
  if (days.front().provisional || days.back().provisional) {
    calendar_warn_provisional(s, days.front().date - date::days{1}, days.back().date);
  }
  if (s.json()) {
    const date::year_month first = months.front();
    nlohmann::json document{{"year", static_cast<int>(first.year())}};
    if (!year) {
      document["month"] = static_cast<unsigned>(first.month());
    }
    document["days"] = calendar_days_json(days);
    emit_json(s, document);
    return 0;
  }
  // Months side by side as the terminal allows (two on an 80-column screen), like cal -y.
  const std::size_t width = s.terminal_width() == 0 ? 80 : s.terminal_width();
  const std::size_t per_row = std::clamp<std::size_t>((width + 3) / (k_calendar_grid + 3), 1, 3);
  for (std::size_t first = 0; first < months.size(); first += per_row) {
    std::vector<std::vector<std::string>> grids;
    std::size_t height = 0;
    for (std::size_t m = first; m < std::min(months.size(), first + per_row); ++m) {
      grids.push_back(calendar_month_lines(s, months[m], calendar.days_of(months[m]), today));
      height = std::max(height, grids.back().size());
    }
    for (std::size_t line = 0; line < height; ++line) {
      std::string text;
      for (std::size_t g = 0; g < grids.size(); ++g) {
        text += g == 0 ? "" : "   ";
        text += line < grids[g].size() ? grids[g][line] : std::string(k_calendar_grid, ' ');
      }
      text.erase(text.find_last_not_of(' ') + 1);
      s.out() << text << '\n';
    }
    s.out() << '\n';
  }
  s.out() << calendar_legend(s, days);
  return 0;
}

int calendar_checked_n(int n) {
  if (n < 1 || n > 36500) {
    throw UsageError(MessageId::calendar_n_range, {std::to_string(n)});
  }
  return n;
}

int run_calendar_add(const CalendarOptions& options, Session& s) {
  const LocalDate from = parse_date(options.date);
  const int n = calendar_checked_n(options.n);
  const DueDate due = s.calendar().due_after(from, n);
  if (due.provisional) {
    calendar_warn_provisional(s, from, due.date);
  }
  if (s.json()) {
    nlohmann::json document{{"from", format_date(from)}, {"n", n}, {"date", format_date(due.date)}};
    if (due.provisional) {
      document["provisional"] = true;
    }
    emit_json(s, document);
  } else {
    s.out() << s.tr(MessageId::calendar_added,
                    {format_date(from), std::to_string(n), format_date(due.date),
                     weekday_name(s.lang(), due.date)})
            << '\n';
  }
  return 0;
}

int run_calendar_between(const CalendarOptions& options, Session& s) {
  const LocalDate from = parse_date(options.date);
  const LocalDate to = parse_date(options.to);
  const WorkingCalendar& calendar = s.calendar();
  const int count = calendar.working_days_between(from, to);
  const bool provisional = calendar.is_provisional_between(from, to);
  if (provisional) {
    calendar_warn_provisional(s, from, to);
  }
  if (s.json()) {
    nlohmann::json document{
        {"from", format_date(from)}, {"to", format_date(to)}, {"working_days", count}};
    if (provisional) {
      document["provisional"] = true;
    }
    emit_json(s, document);
  } else {
    s.out() << s.tr(MessageId::calendar_between_result,
                    {format_date(from), format_date(to), std::to_string(count)})
            << '\n';
  }
  return 0;
}

int run_calendar_set(const CalendarOptions& options, Session& s) {
  const LocalDate day = parse_date(options.date);
  CaseClockFollower follower(s.store(), s.config(), s.zone(), s.actor());
  const OverrideSummary summary =
      set_override(s.store(), day, *parse_override_choice(options.choice), options.reason,
                   s.authorized(Duty::calendar, "calendar set"), s.now(), &follower);
  if (s.json()) {
    nlohmann::json document = calendar_day_json(summary.day);
    document["revision"] = summary.revision;
    document["moved"] = moved_due_dates_json(summary.moved);
    emit_json(s, document);
    return 0;
  }
  s.out() << s.tr(MessageId::calendar_set_done,
                  {format_date(day), calendar_day_line(s, summary.day),
                   std::to_string(summary.revision)})
          << '\n';
  print_moved_due_dates(s, summary.moved, MessageId::calendar_override_moved_header);
  return 0;
}

int run_calendar_check(Session& s) {
  const CalendarCheck check = check_calendar(s.calendar(), s.zone().local_date(s.now()));
  if (s.json()) {
    nlohmann::json years = nlohmann::json::array();
    for (const CalendarYear& year : check.loaded) {
      years.push_back({{"year", year.year},
                       {"notice", year.notice},
                       {"title", year.title},
                       {"issued", format_date(year.issued)},
                       {"url", year.url},
                       {"amendments", year.amendments},
                       {"file", year.file}});
    }
    emit_json(
        s, {{"revision", check.revision},
            {"years", years},
            {"missing", check.missing},
            {"next_year_missing",
             check.next_year_missing ? nlohmann::json(*check.next_year_missing) : nlohmann::json()},
            {"overrides", check.overrides}});
  } else if (!check.loaded.empty()) {
    Table table({{s.tr(MessageId::col_year)},
                 {s.tr(MessageId::col_notice)},
                 {s.tr(MessageId::col_issued)},
                 {s.tr(MessageId::col_amended_by)},
                 {s.tr(MessageId::col_file), Table::Align::left, true}});
    for (const CalendarYear& year : check.loaded) {
      table.add_row({std::to_string(year.year), year.notice, format_date(year.issued),
                     year.amendments, year.file});
    }
    emit_table(s, table);
    s.out() << s.tr(MessageId::calendar_check_summary,
                    {std::to_string(check.revision), std::to_string(check.overrides)})
            << '\n';
  }
  if (check.loaded.empty()) {
    s.warn(MessageId::calendar_check_none);
  }
  for (int year : check.missing) {
    s.warn(MessageId::calendar_check_missing, {std::to_string(year)});
  }
  if (check.next_year_missing) {
    s.warn(MessageId::calendar_check_next_year, {std::to_string(*check.next_year_missing)});
  }
  return 0;
}

int run_calendar_is_workday(const CalendarOptions& options, Session& s) {
  const LocalDate day =
      options.date.empty() ? s.zone().local_date(s.now()) : parse_date(options.date);
  const CalendarDay entry = s.calendar().days_between(day, day).front();
  if (entry.provisional) {
    calendar_warn_provisional(s, day - date::days{1}, day);
  }
  if (s.json()) {
    emit_json(s, calendar_day_json(entry));
  } else {
    s.out() << calendar_day_line(s, entry) << '\n';
  }
  return is_working(entry.kind) ? 0 : 1;
}

}  // namespace

void add_calendar(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<CalendarOptions>();
  CLI::App* calendar = app.add_subcommand("calendar", tr(lang, MessageId::cmd_calendar));
  calendar->require_subcommand(1);

  CLI::App* load = calendar->add_subcommand("load", tr(lang, MessageId::cmd_calendar_load));
  load->add_option("path", options->paths, tr(lang, MessageId::opt_calendar_paths))
      ->type_name("PATH");
  inv.on(load, Needs::store_write,
         [options](Session& s) { return run_calendar_load(*options, s); });

  CLI::App* show = calendar->add_subcommand("show", tr(lang, MessageId::cmd_calendar_show));
  show->add_option("period", options->period, tr(lang, MessageId::opt_calendar_period))
      ->type_name("YYYY|YYYY-MM|YYYY-MM-DD");
  inv.on(show, Needs::store_read, [options](Session& s) { return run_calendar_show(*options, s); });

  CLI::App* add = calendar->add_subcommand("add", tr(lang, MessageId::cmd_calendar_add));
  add->add_option("date", options->date, tr(lang, MessageId::opt_calendar_date))
      ->required()
      ->type_name("DATE");
  add->add_option("n", options->n, tr(lang, MessageId::opt_calendar_n))->required()->type_name("N");
  inv.on(add, Needs::store_read, [options](Session& s) { return run_calendar_add(*options, s); });

  CLI::App* between =
      calendar->add_subcommand("between", tr(lang, MessageId::cmd_calendar_between));
  between->add_option("date1", options->date, tr(lang, MessageId::opt_calendar_date))
      ->required()
      ->type_name("DATE1");
  between->add_option("date2", options->to, tr(lang, MessageId::opt_calendar_date))
      ->required()
      ->type_name("DATE2");
  inv.on(between, Needs::store_read,
         [options](Session& s) { return run_calendar_between(*options, s); });

  CLI::App* set = calendar->add_subcommand("set", tr(lang, MessageId::cmd_calendar_set));
  set->add_option("date", options->date, tr(lang, MessageId::opt_calendar_date))
      ->required()
      ->type_name("DATE");
  set->add_option("kind", options->choice, tr(lang, MessageId::opt_calendar_choice))
      ->required()
      ->check(one_of({"work", "off", "official"}))
      ->type_name("work|off|official");
  set->add_option("--reason", options->reason, tr(lang, MessageId::opt_calendar_reason))
      ->required()
      ->type_name("TEXT");
  inv.on(set, Needs::store_write, [options](Session& s) { return run_calendar_set(*options, s); });

  CLI::App* check = calendar->add_subcommand("check", tr(lang, MessageId::cmd_calendar_check));
  inv.on(check, Needs::store_read, run_calendar_check);

  CLI::App* is_workday =
      calendar->add_subcommand("is-workday", tr(lang, MessageId::cmd_calendar_is_workday));
  is_workday->add_option("date", options->date, tr(lang, MessageId::opt_calendar_today))
      ->type_name("DATE");
  inv.on(is_workday, Needs::store_read,
         [options](Session& s) { return run_calendar_is_workday(*options, s); });
}

}  // namespace ent110::cli
