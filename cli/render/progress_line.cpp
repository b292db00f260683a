// SPDX-License-Identifier: MIT
#include "render/progress_line.hpp"

#include <fmt/format.h>

#include <iostream>
#include <unistd.h>

namespace ent110::cli {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr auto k_redraw_interval = std::chrono::milliseconds(200);

MessageId work_label(ProgressWork work) {
  switch (work) {
    case ProgressWork::intake:
      return MessageId::progress_intake;
    case ProgressWork::export_:
      return MessageId::progress_export;
    case ProgressWork::publish:
      return MessageId::progress_publish;
    case ProgressWork::report:
      return MessageId::progress_report;
    case ProgressWork::verify:
      return MessageId::progress_verify;
    case ProgressWork::backup:
      return MessageId::progress_backup;
    case ProgressWork::recompute:
      return MessageId::progress_recompute;
  }
  return MessageId::progress_verify;
}

// "0:07", "12:40", "1:02:03".
std::string duration_text(double seconds) {
  const auto whole = static_cast<std::uint64_t>(seconds + 0.5);
  if (whole >= 3600) {
    return fmt::format("{}:{:02}:{:02}", whole / 3600, whole / 60 % 60, whole % 60);
  }
  return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

}  // namespace

bool progress_wanted(const std::ostream& err, bool quiet) {
  return !quiet && &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
}

ProgressLine::ProgressLine(std::ostream& err, Lang lang) : m_err(err), m_lang(lang) {
  set_progress_sink(this);
}

ProgressLine::~ProgressLine() {
  set_progress_sink(nullptr);
}

void ProgressLine::begin(ProgressWork work, std::uint64_t total) {
  if (m_depth++ > 0) {
    return;
  }
  m_label = tr(m_lang, work_label(work));
  m_total = total;
  m_start = SteadyClock::now();
  m_drawn = false;
}

void ProgressLine::update(std::uint64_t done, double fraction) {
  if (m_depth != 1) {
    return;
  }
  // The first report is drawn at once, so that even short work shows it has begun.
  if (m_drawn && SteadyClock::now() - m_last_draw < k_redraw_interval) {
    return;
  }
  draw(done, fraction);
}

void ProgressLine::end() {
  if (--m_depth > 0) {
    return;
  }
  if (m_drawn) {
    m_err << "\r\x1b[K" << std::flush;
    m_drawn = false;
  }
}

void ProgressLine::draw(std::uint64_t done, double fraction) {
  const SteadyClock::time_point now = SteadyClock::now();
  const double elapsed = std::chrono::duration<double>(now - m_start).count();
  if (fraction < 0 && m_total > 0) {
    fraction = static_cast<double>(done) / static_cast<double>(m_total);
  }
  std::string line = m_total > 0
                         ? tr(m_lang, MessageId::progress_of_total,
                              {m_label, std::to_string(done), std::to_string(m_total),
                               std::to_string(static_cast<int>(fraction * 100))})
                         : tr(m_lang, MessageId::progress_counted, {m_label, std::to_string(done)});
  if (elapsed > 0 && done > 0) {
    line += " · " + tr(m_lang, MessageId::progress_rate,
                       {fmt::format("{:.0f}", static_cast<double>(done) / elapsed)});
    if (fraction > 0 && fraction < 1) {
      line += " · " + tr(m_lang, MessageId::progress_left,
                         {duration_text(elapsed * (1 - fraction) / fraction)});
    }
  }
  m_err << '\r' << line << "\x1b[K" << std::flush;
  m_drawn = true;
  m_last_draw = now;
}

}  // namespace ent110::cli
