// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ent110::test {

/// What one in-process run of the command line returned.
struct CliResult {
  int code;
  std::string out;
  std::string err;
};

/// Runs `ent110 args…` in-process with an empty configuration (never the user's), English
/// messages unless `--lang` is given, and no colour.
CliResult run_cli(std::vector<std::string> args);

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// `name` inside the directory.
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }
  /// The directory.
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

/// Writes `content` to `path`.
void write_file(const std::filesystem::path& path, const std::string& content);

/// The repository's source directory (for examples/ and holidays/).
std::filesystem::path source_dir();

/// The rows of the first table (tbl, after its "_" rule) in section `section` (".SH NAME") of
/// man page `page` (relative to the source tree), with "\-" read as "-".
std::vector<std::string> man_table_rows(const std::string& page, const std::string& section);

}  // namespace ent110::test
