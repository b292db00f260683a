// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/store/backup.hpp>

namespace ent110::cli {
namespace {

struct BackupOptions {
  std::string file;
};

int run_backup(const BackupOptions& options, Session& s) {
  // "-" is stdout, as for most Unix tools.
  const std::string file = options.file == "-" ? "/dev/stdout" : options.file;
  const BackupSummary summary = backup_database(s.store(), file, s.config().file_mode);
  if (summary.written_through) {
    // The copy may have gone to stdout: the confirmation must not end up inside it.
    s.err() << s.tr(MessageId::backup_done,
                    {file, std::to_string(summary.bytes), std::to_string(summary.schema_version)})
            << '\n';
    return 0;
  }
  if (s.json()) {
    emit_json(s, {{"file", options.file},
                  {"bytes", summary.bytes},
                  {"schema_version", summary.schema_version}});
  } else {
    s.out() << s.tr(MessageId::backup_done, {options.file, std::to_string(summary.bytes),
                                             std::to_string(summary.schema_version)})
            << '\n';
  }
  return 0;
}

}  // namespace

void add_backup(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<BackupOptions>();
  CLI::App* cmd = app.add_subcommand("backup", tr(lang, MessageId::cmd_backup));
  cmd->add_option("file", options->file, tr(lang, MessageId::opt_backup_file))->required();
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_backup(*options, s); });
}

}  // namespace ent110::cli
