// SPDX-License-Identifier: MIT
// What an interrupt (SIGINT, SIGTERM) may do at each point of a run. The handler lives in
// cli/main.cpp; the library marks the two things it must know: the moment work becomes durable,
// and the temporary files that must not outlive the process.
#pragma once

#include <filesystem>

namespace ent110 {

/// Marks that the run has begun to make its work durable (a COMMIT): from here on an interrupt
/// lets the run finish and exit 0, so that a retry never repeats work that was done.
void mark_committing() noexcept;

/// Undoes mark_committing() when the COMMIT failed: nothing became durable, so an interrupt may
/// end the run again (while Store::write retries, say).
void clear_committing() noexcept;

/// Whether mark_committing() was called in this process; async-signal-safe.
bool committing() noexcept;

/// Removes every temporary file currently registered by a TemporaryFile; async-signal-safe (it
/// only calls unlink), for the interrupt handler.
void remove_temporary_files() noexcept;

/// A temporary file ent110 is writing: removed when this object goes out of scope, or by
/// remove_temporary_files() when an interrupt ends the process first. Holds at most 8 at once.
class TemporaryFile {
 public:
  /// Registers `path` (which need not exist yet) for removal.
  explicit TemporaryFile(std::filesystem::path path);
  /// Removes the file unless release() was called.
  ~TemporaryFile();
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  /// The registered path.
  const std::filesystem::path& path() const { return m_path; }
  /// Stops tracking the file without removing it (it was renamed into place).
  void release() noexcept;

 private:
  std::filesystem::path m_path;
  int m_slot;
};

}  // namespace ent110
