// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string_view>

namespace ent110 {

/// Writes the report `content` to `target` (see core/file_output.hpp): a regular file, or a new
/// one, is replaced atomically and gets `mode`; a FIFO, a device or /dev/stdout is written
/// through; symbolic links are followed. A temporary file is 0600 from creation and removed on
/// every exit path, an interrupt included. Throws BadInput(report_cannot_write) (exit 5) when the
/// directory is missing or not writable, the target is a directory, or the disk is full.
void write_report_file(const std::filesystem::path& target,
                       std::string_view content,
                       unsigned mode);

}  // namespace ent110
