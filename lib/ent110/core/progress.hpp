// SPDX-License-Identifier: MIT
// How far long work has come (bulk intake, export, publish, large reports, verify, backup,
// recomputing clocks). The library reports; the front end decides whether to show it (a line on a
// terminal's stderr) or not (cron, scripts, --quiet). Reporting costs one pointer test while no
// one listens, so it may sit in a loop of a million rows.
#pragma once

#include <cstdint>

namespace ent110 {

/// The kinds of long work; the front end names each in the reader's language.
enum class ProgressWork {
  intake,     ///< intake --from: items are input rows
  export_,    ///< export: items are cases written
  publish,    ///< publish: items are cases published
  report,     ///< a report: items are cases read
  verify,     ///< verify: items are cases (and audit events) checked
  backup,     ///< backup: items are database pages copied
  recompute,  ///< clocks recomputed after a calendar or override change: items are cases
};

/// Receives progress; set one with set_progress_sink. Called on the working thread.
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  /// Work begins; `total` items when known, 0 when not.
  virtual void begin(ProgressWork work, std::uint64_t total) = 0;
  /// `done` items so far. `fraction` in [0, 1] is how much of the whole is done when the item
  /// count alone cannot say (bytes of an input file read), or negative when unknown.
  virtual void update(std::uint64_t done, double fraction) = 0;
  /// The work ended (finished, failed or abandoned).
  virtual void end() = 0;
};

/// Makes `sink` (or nullptr: nobody) receive all progress of this process from now on.
void set_progress_sink(ProgressSink* sink) noexcept;

/// The current sink, nullptr when nobody listens.
ProgressSink* progress_sink() noexcept;

/// One piece of long work, reported from construction to destruction.
class ProgressTask {
 public:
  ProgressTask(ProgressWork work, std::uint64_t total) : m_sink(progress_sink()) {
    if (m_sink != nullptr) {
      m_sink->begin(work, total);
    }
  }
  ~ProgressTask() {
    if (m_sink != nullptr) {
      m_sink->end();
    }
  }
  ProgressTask(const ProgressTask&) = delete;
  ProgressTask& operator=(const ProgressTask&) = delete;

  /// `done` items so far; see ProgressSink::update for `fraction`.
  void update(std::uint64_t done, double fraction = -1) {
    if (m_sink != nullptr) {
      m_sink->update(done, fraction);
    }
  }

 private:
  ProgressSink* m_sink;
};

}  // namespace ent110
