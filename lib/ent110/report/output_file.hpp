// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string_view>

namespace ent110 {

/// Writes `content` to `target` atomically: into a new temporary file in the same directory
/// (mode 0666 less the umask), flushed to disk, then renamed over `target`, so that a reader or
/// a failed run never sees a partial file. Throws BadInput(report_cannot_write) (exit 5) when the
/// directory is missing or not writable or the disk is full; the temporary file is removed then.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace ent110
