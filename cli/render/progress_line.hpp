// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/core/messages.hpp>
#include <ent110/core/progress.hpp>

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace ent110::cli {

/// Whether long work may show a progress line: stderr is a terminal and --quiet was not given.
/// Cron jobs and scripts, whose stderr is a file or a pipe, see nothing.
bool progress_wanted(const std::ostream& err, bool quiet);

/// Receives the library's progress reports while it lives and shows them as one line on `err`:
/// what is done, how many of how many, the rate and the time left. Redrawn at most five times a
/// second, cleared when the work ends. Work begun inside other work is counted in the outer's line.
class ProgressLine final : public ProgressSink {
 public:
  ProgressLine(std::ostream& err, Lang lang);
  ~ProgressLine() override;
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void begin(ProgressWork work, std::uint64_t total) override;
  void update(std::uint64_t done, double fraction) override;
  void end() override;

 private:
  void draw(std::uint64_t done, double fraction);

  std::ostream& m_err;
  Lang m_lang;
  int m_depth = 0;
  std::string m_label;
  std::uint64_t m_total = 0;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_last_draw;
  bool m_drawn = false;
};

}  // namespace ent110::cli
