// SPDX-License-Identifier: MIT
// Writing a file a user named (a report, a backup) without damaging what is there: a regular file
// is replaced atomically through a temporary file beside it; anything else (a FIFO, a device,
// /dev/stdout) is written through, never replaced; symbolic links are followed.
#pragma once

#include <ent110/core/interrupt.hpp>

#include <filesystem>
#include <memory>
#include <string_view>

namespace ent110 {

/// Where a file named by the user really is, and how to write it.
struct OutputTarget {
  std::filesystem::path path;  ///< after following symbolic links (up to 40)
  /// True for an existing file that is not a regular file (FIFO, character or block device) and
  /// for anything under /dev/ or /proc/ (/dev/stdout names whatever stdout is): written in place,
  /// appending. False for a regular file or none yet: replaced by rename().
  bool write_through = false;
};

/// Resolves `target`. Throws std::system_error: EISDIR for a directory or a path without a file
/// name, ELOOP for a cycle of links.
OutputTarget resolve_output_target(const std::filesystem::path& target);

/// A new, empty temporary file in `directory`, mode 0600 from creation whatever the umask, named
/// `.NAME.tmp-PID-N` after `name`; registered so that an interrupt removes it. Throws
/// std::system_error.
std::unique_ptr<TemporaryFile> create_temporary_file(const std::filesystem::path& directory,
                                                     std::string_view name);

/// Writes `content` to `target`: through it, or into a temporary file that is flushed, given
/// `mode` and renamed over it, so that a reader or a failed or interrupted run never sees a
/// partial file. Throws std::system_error; the temporary file is gone then.
void write_output_file(const OutputTarget& target, std::string_view content, unsigned mode);

/// Copies the file at `source` into the write-through `target` (a FIFO, a device). Throws
/// std::system_error.
void copy_through(const std::filesystem::path& source, const OutputTarget& target);

/// Gives the finished file `temporary` mode `mode` and renames it over the replaceable
/// `target`. Throws std::system_error; the temporary file stays registered for removal then.
void move_into_place(TemporaryFile& temporary, const OutputTarget& target, unsigned mode);

}  // namespace ent110
