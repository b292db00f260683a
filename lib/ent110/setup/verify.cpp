// SPDX-License-Identifier: MIT
#include <ent110/cases/event_log.hpp>
#include <ent110/setup/verify.hpp>

#include <SQLiteCpp/Statement.h>

namespace ent110 {

VerifyReport verify_database(Store& store) {
  VerifyReport report;
  store.read([&] {
    SQLite::Statement integrity(store.db(), "PRAGMA integrity_check");
    while (integrity.executeStep()) {
      const std::string line = integrity.getColumn(0).getString();
      if (line != "ok") {
        report.integrity_problems.push_back(line);
      }
    }
    SQLite::Statement foreign_keys(store.db(), "PRAGMA foreign_key_check");
    while (foreign_keys.executeStep()) {
      ++report.foreign_key_violations;
    }
    const ChainCheck chain = verify_event_chain(store);
    report.events = chain.events;
    report.first_broken_event = chain.first_broken;
    if (chain.first_broken) {
      SQLite::Statement owner(store.db(), "SELECT case_id FROM case_event WHERE seq = ?");
      owner.bind(1, *chain.first_broken);
      if (owner.executeStep()) {
        report.first_broken_case = owner.getColumn(0).getString();
      }
    }
  });
  return report;
}

}  // namespace ent110
