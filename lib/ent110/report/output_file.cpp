// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/core/file_output.hpp>
#include <ent110/report/output_file.hpp>

#include <cstring>
#include <system_error>

namespace ent110 {

void write_report_file(const std::filesystem::path& target,
                       std::string_view content,
                       unsigned mode) {
  try {
    write_output_file(resolve_output_target(target), content, mode);
  } catch (const std::system_error& error) {
    throw BadInput(MessageId::report_cannot_write,
                   {target.string(), std::strerror(error.code().value())});
  }
}

}  // namespace ent110
