// SPDX-License-Identifier: MIT
// Writes cases, clocks and events with plain SQL, as CaseService would have written them, but
// without its per-action checks and hashing, so that ten million cases take minutes, not days.
// Each case is simulated through the paths of spec/rules.md with the real working-day calendar.
#include "report_generator.hpp"

#include <ent110/calendar/calendar.hpp>
#include <ent110/cases/clock_rules.hpp>
#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/setup/init.hpp>
#include <ent110/store/store.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace ent110::bench {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

struct UnitSeed {
  const char* code;
  const char* name;
  UnitKind kind;
};

// Xinyang's member units (Art. 5): departments, counties, districts, management areas, zones.
constexpr std::array<UnitSeed, 36> k_units = {{
    {"FGW", "市发展和改革委员会", UnitKind::department},
    {"JXW", "市工业和信息化局", UnitKind::department},
    {"ZRZY", "市自然资源和规划局", UnitKind::department},
    {"ZJJ", "市住房和城乡建设局", UnitKind::department},
    {"SWJ", "市商务局", UnitKind::department},
    {"RSJ", "市人力资源和社会保障局", UnitKind::department},
    {"SCJ", "市市场监督管理局", UnitKind::department},
    {"STJ", "市生态环境局", UnitKind::department},
    {"SWU", "国家税务总局信阳市税务局", UnitKind::department},
    {"CZJ", "市财政局", UnitKind::department},
    {"JTJ", "市交通运输局", UnitKind::department},
    {"SLJ", "市水利局", UnitKind::department},
    {"NYJ", "市农业农村局", UnitKind::department},
    {"WLJ", "市文化广电和旅游局", UnitKind::department},
    {"YJJ", "市应急管理局", UnitKind::department},
    {"GAJ", "市公安局", UnitKind::department},
    {"KJJ", "市科学技术局", UnitKind::department},
    {"JRJ", "市金融工作局", UnitKind::department},
    {"ZWJ", "市政务服务和大数据管理局", UnitKind::department},
    {"GDJ", "国网信阳供电公司", UnitKind::department},
    {"LSX", "罗山县", UnitKind::county},
    {"GSX", "光山县", UnitKind::county},
    {"XX", "新县", UnitKind::county},
    {"SCX", "商城县", UnitKind::county},
    {"GSIX", "固始县", UnitKind::county},
    {"HCX", "潢川县", UnitKind::county},
    {"HBX", "淮滨县", UnitKind::county},
    {"XIX", "息县", UnitKind::county},
    {"SHQ", "浉河区", UnitKind::district},
    {"PQQ", "平桥区", UnitKind::district},
    {"YSX", "羊山新区", UnitKind::area},
    {"STT", "上天梯管理区", UnitKind::area},
    {"JGS", "鸡公山管理区", UnitKind::area},
    {"NWH", "南湾湖风景区", UnitKind::area},
    {"GXQ", "信阳高新技术产业开发区", UnitKind::zone},
    {"JKQ", "信阳经济技术开发区", UnitKind::zone},
}};

constexpr std::array<const char*, 12> k_titles = {
    "用电增容审批",     "厂区道路破损影响运输", "稳岗补贴政策咨询", "项目用地规划咨询",
    "出口退税进度查询", "环评审批进度",         "拖欠工程款协调",   "招工信息发布渠道",
    "消防验收",         "技改资金申报",         "污水管网接入",     "企业名称变更"};

constexpr int k_enterprises = 20'000;
constexpr std::size_t k_no_clock = static_cast<std::size_t>(-1);
constexpr std::string_view k_office = "OFFICE";
const std::string k_hash(64, '0');

enum class ClockOutcome { running, paused, met, missed, cancelled };

const char* outcome_name(ClockOutcome outcome) {
  switch (outcome) {
    case ClockOutcome::running:
      return "running";
    case ClockOutcome::paused:
      return "paused";
    case ClockOutcome::met:
      return "met";
    case ClockOutcome::missed:
      return "missed";
    case ClockOutcome::cancelled:
      return "cancelled";
  }
  return "running";
}

struct ClockRow {
  std::string name;
  std::string unit;
  Instant started_at;
  LocalDate started;
  std::optional<int> working_days;
  LocalDate due;
  std::optional<LocalDate> stopped;
  ClockOutcome outcome = ClockOutcome::running;
  std::optional<Instant> referred_at;
};

struct EventRow {
  Instant at;
  std::string action;
  std::string unit;
  std::string detail;
  std::string text;
};

// One case's course: the simulation appends events and clocks until the case ends or the next
// event would fall after the horizon (the case then stays where it is, its clocks running).
// The configuration the generated database is initialised with: its clock limits are the defaults.
const Config k_rules_config;

class CaseRun {
 public:
  CaseRun(const WorkingCalendar& calendar, const Zone& zone, Instant horizon, std::mt19937_64& rng)
      : m_calendar(calendar), m_zone(zone), m_horizon(horizon), m_rng(rng) {}

  std::vector<EventRow> events;
  std::vector<ClockRow> clocks;
  CaseType type = CaseType::consult;
  std::string state = "received";
  std::string unit;
  std::string reject_reason;
  std::optional<Instant> answer_at;
  std::string answer_unit;
  std::optional<Instant> result_at;
  std::string result_unit;
  std::string rating;

  double chance() { return std::uniform_real_distribution<double>(0, 1)(m_rng); }
  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }

  /// A moment in office hours of `day`, never before the last event.
  Instant office_time(LocalDate day) {
    Instant at = m_zone.start_of(day) + hours(8) + minutes(30) + minutes(between(0, 540));
    if (!events.empty() && at <= events.back().at) {
      at = events.back().at + minutes(between(5, 90));
    }
    return at;
  }

  LocalDate after(LocalDate day, int working_days) const {
    return working_days <= 0 ? day : m_calendar.add_working_days(day, working_days);
  }

  LocalDate day_of(Instant at) const { return m_zone.local_date(at); }

  /// Appends an event unless it falls after the horizon; false stops the case there.
  bool emit(
      Instant at, std::string action, std::string unit, std::string detail, std::string text) {
    if (at > m_horizon) {
      return false;
    }
    events.push_back({at, std::move(action), std::move(unit), std::move(detail), std::move(text)});
    return true;
  }

  // Starts clock `name` with the limit of the clock-rules table (as CaseService's replay does),
  // or the office's `decided` one.
  std::size_t start(ClockName name, std::string owner, std::optional<int> decided = std::nullopt) {
    const Instant at = events.back().at;
    const LocalDate day = day_of(at);
    const int limit = decided.value_or(clock_limit(clock_rule(name), type, k_rules_config));
    clocks.push_back(ClockRow{std::string(to_string(name)), std::move(owner), at, day, limit,
                              after(day, limit), std::nullopt, ClockOutcome::running,
                              std::nullopt});
    return clocks.size() - 1;
  }

  void stop(std::size_t clock) {
    ClockRow& row = clocks[clock];
    const LocalDate day = day_of(events.back().at);
    row.stopped = day;
    row.outcome = day <= row.due ? ClockOutcome::met : ClockOutcome::missed;
  }

  void set(std::size_t clock, ClockOutcome outcome) {
    clocks[clock].stopped = day_of(events.back().at);
    clocks[clock].outcome = outcome;
  }

 private:
  const WorkingCalendar& m_calendar;
  const Zone& m_zone;
  Instant m_horizon;
  std::mt19937_64& m_rng;
};

class Generator {
 public:
  Generator(SQLite::Database& db,
            const WorkingCalendar& calendar,
            const GeneratorOptions& options,
            std::vector<std::string> units)
      : m_calendar(calendar),
        m_zone("Asia/Shanghai"),
        m_rng(options.seed),
        m_units(std::move(units)),
        m_insert_case(db,
                      "INSERT INTO case_file (id, year, number, enterprise, type, major, channel, "
                      "title, body, received_at, received_month, state, unit, reject_reason, "
                      "result_text, result_unit, result_by, result_at, answer_text, answer_unit, "
                      "answer_by, answer_at, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        m_insert_clock(db,
                       "INSERT INTO case_clock (case_id, name, unit, started_at, started, "
                       "working_days, due, stopped, outcome, referred_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        m_insert_event(db,
                       "INSERT INTO case_event (case_id, case_seq, at, action, actor, unit, "
                       "detail, text, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {
    // Zipf-like: a few units get most cases, as in any city.
    std::vector<double> weights;
    for (std::size_t i = 0; i < m_units.size(); ++i) {
      weights.push_back(1.0 / static_cast<double>(i + 2));
    }
    m_pick_unit = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
    m_horizon =
        m_zone.start_of(LocalDate{date::year{options.last_year} / 12 / 31} + date::days{1}) -
        std::chrono::seconds{1};
  }

  GeneratorSummary run(const GeneratorOptions& options) {
    const date::year_month first = date::year{options.first_year} / 1;
    const date::year_month last = date::year{options.last_year} / 12;
    const int months = (last - first).count() + 1;
    // A slow growth over the years: the last month gets half as many again as the first.
    std::vector<double> share;
    double total = 0;
    for (int m = 0; m < months; ++m) {
      share.push_back(1.0 + 0.5 * m / std::max(1, months - 1));
      total += share.back();
    }
    std::int64_t written = 0;
    int year = 0;
    int number = 0;
    for (int m = 0; m < months; ++m) {
      const date::year_month month = first + date::months{m};
      const auto count =
          m + 1 == months ? options.cases - written
                          : static_cast<std::int64_t>(static_cast<double>(options.cases) *
                                                      share[static_cast<std::size_t>(m)] / total);
      std::vector<Instant> received = receipt_times(month, count);
      if (static_cast<int>(month.year()) != year) {
        year = static_cast<int>(month.year());
        number = 0;
      }
      for (const Instant at : received) {
        ++number;
        write_case(fmt::format("{}-{:06d}", year, number), year, number, at);
        if (++written % 100'000 == 0 && options.progress) {
          options.progress(written);
        }
      }
    }
    m_summary.cases = written;
    return m_summary;
  }

 private:
  std::vector<Instant> receipt_times(date::year_month month, std::int64_t count) {
    const LocalDate first{month / 1};
    const int days = static_cast<int>(static_cast<unsigned>((month / date::last).day()));
    std::vector<Instant> times;
    times.reserve(static_cast<std::size_t>(count));
    std::uniform_int_distribution<int> day(0, days - 1);
    for (std::int64_t i = 0; i < count; ++i) {
      LocalDate d = first + date::days{day(m_rng)};
      // Most cases come on working days, in office hours; the web and the hotline never close.
      for (int retry = 0; retry < 3 && !m_calendar.is_working_day(d); ++retry) {
        if (std::uniform_real_distribution<double>(0, 1)(m_rng) < 0.2) {
          break;
        }
        d = first + date::days{day(m_rng)};
      }
      const bool office_hours = std::uniform_real_distribution<double>(0, 1)(m_rng) < 0.8;
      const int minute = office_hours ? 510 + std::uniform_int_distribution<int>(0, 540)(m_rng)
                                      : std::uniform_int_distribution<int>(0, 1439)(m_rng);
      times.push_back(m_zone.start_of(d) + minutes(minute));
    }
    std::sort(times.begin(), times.end());
    return times;
  }

  const std::string& pick_unit() { return m_units[m_pick_unit(m_rng)]; }

  // The course of one case through spec/rules.md; returns at the horizon or the end.
  void simulate(CaseRun& c, Instant received, bool coordinate, bool major) {
    c.type = coordinate ? CaseType::coordinate : CaseType::consult;
    const std::string office(k_office);
    c.emit(received, "intake", office, coordinate ? "coordinate" : "consult", "");
    const std::size_t forward_clock = c.start(ClockName::forward, office);
    std::optional<std::size_t> government;
    if (major) {
      government = c.start(ClockName::government, office);
    }
    const LocalDate d0 = c.day_of(received);
    if (c.chance() < 0.03) {
      const bool same_day = m_calendar.is_working_day(d0) && c.chance() < 0.7;
      if (!c.emit(c.office_time(same_day ? d0 : c.after(d0, 1)), "reject", office,
                  c.chance() < 0.4 ? "unlawful" : "unclear", "")) {
        return;
      }
      c.reject_reason = c.events.back().detail;
      c.stop(forward_clock);
      if (government) {
        c.set(*government, ClockOutcome::cancelled);
      }
      c.state = "rejected";
      return;
    }
    // Art. 7: forwarded within a working day, now and then later.
    const double when = c.chance();
    const int delay =
        when < 0.45 && m_calendar.is_working_day(d0) ? 0 : (when < 0.93 ? 1 : c.between(2, 4));
    std::string lead = pick_unit();
    if (!c.emit(c.office_time(c.after(d0, delay)), "forward", office, lead, "")) {
      return;
    }
    c.stop(forward_clock);
    c.unit = lead;
    c.state = "forwarded";
    if (government) {
      // Art. 8: reported to the city government within two working days.
      if (!c.emit(c.office_time(c.after(d0, c.between(1, 2))), "escalate-government", office, "",
                  "已报市政府")) {
        return;
      }
      c.stop(*government);
    }
    std::optional<int> limit;
    std::size_t reply = c.start(ClockName::reply, lead, limit);
    // An index into c.clocks, or k_no_clock (std::optional here trips g++ 12 -O3's
    // -Wmaybe-uninitialized).
    std::size_t explain = k_no_clock;
    if (coordinate) {
      explain = c.start(ClockName::explain, lead);
      const double path = c.chance();
      if (path < 0.08) {
        // Art. 7: the unit explains, the office escalates and decides a new limit.
        if (!c.emit(c.office_time(c.after(c.clocks[reply].started, c.between(1, 3))), "explain",
                    lead, "建议协调解决", "涉及多部门职责")) {
          return;
        }
        c.stop(explain);
        c.set(reply, ClockOutcome::paused);
        c.state = "explained";
        const bool meeting = c.chance() < 0.6;
        if (!c.emit(c.office_time(c.after(c.day_of(c.events.back().at), c.between(1, 5))),
                    meeting ? "escalate-joint-meeting" : "escalate-government", office, "", "")) {
          return;
        }
        c.state = "escalated";
        if (!c.emit(c.office_time(c.after(c.day_of(c.events.back().at), c.between(2, 10))),
                    "forward", office, lead, "")) {
          return;
        }
        c.set(reply, ClockOutcome::cancelled);
        c.state = "forwarded";
        limit = 10;
        reply = c.start(ClockName::reply, lead, limit);
        explain = k_no_clock;
      } else if (path < 0.10) {
        // Art. 2: the unit disputes; the office forwards to another unit.
        if (!c.emit(c.office_time(c.after(c.clocks[reply].started, c.between(1, 2))), "dispute",
                    lead, "", "不属于本单位职责")) {
          return;
        }
        c.set(reply, ClockOutcome::paused);
        c.set(explain, ClockOutcome::paused);
        c.state = "disputed";
        lead = pick_unit();
        if (!c.emit(c.office_time(c.after(c.day_of(c.events.back().at), c.between(2, 5))),
                    "forward", office, lead, "")) {
          return;
        }
        c.set(reply, ClockOutcome::cancelled);
        c.set(explain, ClockOutcome::cancelled);
        c.unit = lead;
        c.state = "forwarded";
        reply = c.start(ClockName::reply, lead, limit);
        explain = c.start(ClockName::explain, lead);
      }
    }
    // The reply: mostly on time, some late; a few only after a referral to inspection (Art. 7),
    // and one in five thousand never, for the accountability list (Art. 13).
    const double answer = c.chance();
    const ClockRow owed = c.clocks[reply];
    const double on_time = coordinate ? 0.80 : 0.88;
    LocalDate reply_day;
    if (answer < on_time) {
      reply_day = std::min(c.after(owed.started, c.between(0, *owed.working_days)), owed.due);
    } else if (answer < 0.97) {
      reply_day = c.after(owed.due, c.between(1, 6));
    } else {
      if (c.emit(c.office_time(c.after(owed.due, c.between(2, 6))), "escalate-inspection", office,
                 lead, "逾期未答复也未说明")) {
        c.clocks[reply].referred_at = c.events.back().at;
      }
      if (answer > 0.9998) {
        return;
      }
      reply_day = c.after(owed.due, c.between(7, 20));
    }
    if (!c.emit(c.office_time(reply_day), "reply", lead, "", "答复内容")) {
      return;
    }
    c.stop(reply);
    if (explain != k_no_clock && c.clocks[explain].outcome == ClockOutcome::running) {
      c.set(explain, ClockOutcome::cancelled);
    }
    if (!coordinate) {
      c.state = "answered";
      c.answer_at = c.events.back().at;
      c.answer_unit = lead;
    } else {
      c.state = "submitted";
      c.result_at = c.events.back().at;
      c.result_unit = lead;
      std::size_t review = c.start(ClockName::review, office);
      if (c.chance() < 0.12) {
        // Art. 6: returned in review, resubmitted, reviewed again.
        if (!c.emit(c.office_time(c.after(c.day_of(c.events.back().at), c.between(0, 1))), "return",
                    office, "", "材料不全")) {
          return;
        }
        c.stop(review);
        c.state = "returned";
        const std::size_t resubmit = c.start(ClockName::resubmit, lead);
        if (!c.emit(c.office_time(c.after(c.day_of(c.events.back().at), c.between(1, 3))), "reply",
                    lead, "", "补充后的办理结果")) {
          return;
        }
        c.stop(resubmit);
        c.state = "submitted";
        c.result_at = c.events.back().at;
        review = c.start(ClockName::review, office);
      }
      if (!c.emit(c.office_time(c.after(c.day_of(c.events.back().at), c.between(0, 1))), "approve",
                  office, "", "审核通过")) {
        return;
      }
      c.stop(review);
      c.state = "answered";
      c.answer_at = c.events.back().at;
      c.answer_unit = office;
    }
    // Art. 9: most enterprises rate the answer within a few days.
    if (c.chance() < 0.7) {
      const double r = c.chance();
      const std::string rating = r < 0.75 ? "satisfied" : (r < 0.93 ? "basic" : "dissatisfied");
      if (c.emit(c.office_time(c.day_of(c.events.back().at) + date::days{c.between(1, 5)}),
                 "evaluate", office, rating, "")) {
        c.rating = rating;
        c.state = "evaluated";
      }
    }
  }

  void write_case(const std::string& id, int year, int number, Instant received) {
    CaseRun c(m_calendar, m_zone, m_horizon, m_rng);
    const bool coordinate = c.chance() < 0.3;
    const bool major = c.chance() < 0.02;
    simulate(c, received, coordinate, major);
    const double channel = c.chance();
    const char* title =
        k_titles[static_cast<std::size_t>(c.between(0, static_cast<int>(k_titles.size()) - 1))];

    auto bind_text_or_null = [](SQLite::Statement& s, int index, const std::string& text) {
      if (text.empty()) {
        s.bind(index);
      } else {
        s.bind(index, text);
      }
    };
    auto bind_instant_or_null = [](SQLite::Statement& s, int index,
                                   const std::optional<Instant>& at) {
      if (at) {
        s.bind(index, format_utc(*at));
      } else {
        s.bind(index);
      }
    };
    SQLite::Statement& s = m_insert_case;
    s.bind(1, id);
    s.bind(2, year);
    s.bind(3, number);
    s.bind(4, c.between(1, k_enterprises));
    s.bind(5, coordinate ? "coordinate" : "consult");
    s.bind(6, major ? 1 : 0);
    s.bind(7, channel < 0.55 ? "web"
                             : (channel < 0.9 ? "hotline" : (channel < 0.97 ? "visit" : "other")));
    s.bind(8, title);
    s.bind(9, std::string("企业反映：") + title);
    s.bind(10, format_utc(received));
    s.bind(11, format_month(
                   date::year_month{date::year_month_day{m_zone.local_date(received)}.year(),
                                    date::year_month_day{m_zone.local_date(received)}.month()}));
    s.bind(12, c.state);
    bind_text_or_null(s, 13, c.unit);
    bind_text_or_null(s, 14, c.reject_reason);
    bind_text_or_null(s, 15, c.result_at ? "办理结果" : "");
    bind_text_or_null(s, 16, c.result_unit);
    bind_text_or_null(s, 17, c.result_at ? c.result_unit + "-staff" : "");
    bind_instant_or_null(s, 18, c.result_at);
    bind_text_or_null(s, 19, c.answer_at ? "答复内容" : "");
    bind_text_or_null(s, 20, c.answer_unit);
    bind_text_or_null(s, 21, c.answer_at ? "staff" : "");
    bind_instant_or_null(s, 22, c.answer_at);
    bind_text_or_null(s, 23, c.rating);
    s.exec();
    s.reset();

    for (const ClockRow& clock : c.clocks) {
      SQLite::Statement& k = m_insert_clock;
      k.bind(1, id);
      k.bind(2, clock.name);
      k.bind(3, clock.unit);
      k.bind(4, format_utc(clock.started_at));
      k.bind(5, format_date(clock.started));
      if (clock.working_days) {
        k.bind(6, *clock.working_days);
      } else {
        k.bind(6);
      }
      k.bind(7, format_date(clock.due));
      if (clock.stopped) {
        k.bind(8, format_date(*clock.stopped));
      } else {
        k.bind(8);
      }
      k.bind(9, outcome_name(clock.outcome));
      bind_instant_or_null(k, 10, clock.referred_at);
      k.exec();
      k.reset();
    }
    int seq = 0;
    for (const EventRow& event : c.events) {
      SQLite::Statement& e = m_insert_event;
      e.bind(1, id);
      e.bind(2, ++seq);
      e.bind(3, format_utc(event.at));
      e.bind(4, event.action);
      e.bind(5, event.unit == k_office ? std::string("office1") : event.unit + "-staff");
      e.bind(6, event.unit);
      e.bind(7, event.detail);
      e.bind(8, event.text);
      e.bind(9, k_hash);
      e.bind(10, k_hash);
      e.exec();
      e.reset();
    }
    m_summary.clocks += static_cast<std::int64_t>(c.clocks.size());
    m_summary.events += static_cast<std::int64_t>(c.events.size());
  }

  const WorkingCalendar& m_calendar;
  Zone m_zone;
  std::mt19937_64 m_rng;
  std::vector<std::string> m_units;
  std::discrete_distribution<std::size_t> m_pick_unit;
  Instant m_horizon;
  SQLite::Statement m_insert_case;
  SQLite::Statement m_insert_clock;
  SQLite::Statement m_insert_event;
  GeneratorSummary m_summary;
};

}  // namespace

GeneratorSummary generate_report_database(const std::filesystem::path& path,
                                          const GeneratorOptions& options) {
  const Instant setup = parse_utc(fmt::format("{}-01-01T00:00:00Z", options.first_year));
  std::vector<std::string> unit_codes;
  WorkingCalendar calendar;
  {
    StoreOptions store_options;
    store_options.create = true;
    Store store = Store::open(path, Access::read_write, store_options);
    const Config config;
    initialize(store, config, std::nullopt, Actor{"bench", "OFFICE"}, setup);
    store.write([&] {
      for (const UnitSeed& seed : k_units) {
        add_unit(store, Unit{seed.code, seed.name, seed.kind, "", "", ""}, Actor{"bench", "OFFICE"},
                 setup);
        unit_codes.emplace_back(seed.code);
      }
    });
    calendar = load_calendar(store);
  }

  GeneratorSummary summary;
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    // A benchmark load: no journal, no fsync; the file is thrown away if this fails.
    db.exec("PRAGMA journal_mode = OFF");
    db.exec("PRAGMA synchronous = OFF");
    db.exec("PRAGMA cache_size = -1000000");
    db.exec("PRAGMA locking_mode = EXCLUSIVE");
    std::vector<std::string> indexes;
    {
      SQLite::Statement list(db,
                             "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                             "sql IS NOT NULL AND tbl_name IN ('case_file', 'case_clock', "
                             "'case_event', 'enterprise')");
      std::vector<std::string> names;
      while (list.executeStep()) {
        names.push_back(list.getColumn(0).getString());
        indexes.push_back(list.getColumn(1).getString());
      }
      for (const std::string& name : names) {
        db.exec("DROP INDEX " + name);
      }
    }
    {
      SQLite::Transaction transaction(db);
      SQLite::Statement enterprise(db,
                                   "INSERT INTO enterprise (id, name, county, above_scale, "
                                   "key_enterprise, created_at) VALUES (?, ?, ?, ?, 0, ?)");
      for (int i = 1; i <= k_enterprises; ++i) {
        enterprise.bind(1, i);
        enterprise.bind(2, fmt::format("信阳示例企业{:05d}有限公司", i));
        enterprise.bind(3, k_units[20 + static_cast<std::size_t>(i) % 16].code);
        enterprise.bind(4, i % 5 == 0 ? 1 : 0);
        enterprise.bind(5, format_utc(setup));
        enterprise.exec();
        enterprise.reset();
      }
      Generator generator(db, calendar, options, unit_codes);
      summary = generator.run(options);
      transaction.commit();
    }
    for (const std::string& sql : indexes) {
      db.exec(sql);
    }
  }
  // The rows above only noted their cases for the search index (schema 014); index them now, as
  // ent110's own writes do at their commit, or the first command timed would index them all.
  Store::open(path, Access::read_write, StoreOptions{}).update_search_index();
  return summary;
}

}  // namespace ent110::bench
