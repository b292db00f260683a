// SPDX-License-Identifier: MIT
#include "cases/case_fixture.hpp"

#include <ent110/cases/event_log.hpp>
#include <ent110/store/dialect.hpp>
#include <ent110/store/statement.hpp>

#include <catch2/catch.hpp>

using namespace ent110;
using ent110::test::CaseFixture;

namespace {

// The forger's first step. PostgreSQL names a trigger with its table, SQLite without.
void drop_event_trigger(Store& store, const std::string& trigger) {
  Statement(store, "DROP TRIGGER " + trigger +
                       std::string(dialect::pick(store.engine(), "", " ON case_event")))
      .run();
}

}  // namespace

TEST_CASE("event chain: every event links to the one before and verifies", "[cases][event_log]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-09-01T09:00");
  f.forward(id, "2025-09-01T10:00");
  f.intake(CaseType::coordinate, "2025-09-01T11:00");
  const std::vector<Event> events = f.service.log(std::nullopt, std::nullopt);
  REQUIRE(events.size() == 3);
  CHECK(events[0].prev_hash == std::string(64, '0'));
  CHECK(events[1].prev_hash == events[0].hash);
  CHECK(events[2].prev_hash == events[1].hash);
  CHECK(events[1].case_seq == 2);
  CHECK(events[2].case_seq == 1);
  const ChainCheck check = verify_event_chain(f.store);
  CHECK(check.events == 3);
  CHECK_FALSE(check.first_broken);
}

TEST_CASE("event chain: the library refuses to edit events and an edit behind its back shows",
          "[cases][event_log]") {
  CaseFixture f;
  const std::string id = f.intake(CaseType::consult, "2025-09-01T09:00");
  f.forward(id, "2025-09-01T10:00");
  f.service.reply(id, "已答复", "li", f.at("2025-09-01T11:00"));

  CHECK_THROWS(Statement(f.store, "UPDATE case_event SET text = 'x' WHERE seq = 2").run());
  CHECK_THROWS(Statement(f.store, "DELETE FROM case_event WHERE seq = 3").run());

  SECTION("a changed text") {
    drop_event_trigger(f.store, "case_event_no_update");
    Statement(f.store, "UPDATE case_event SET text = '改过的答复' WHERE seq = 3").run();
    CHECK(verify_event_chain(f.store).first_broken == 3);
  }
  SECTION("a changed instant, with its hash recomputed by the forger") {
    drop_event_trigger(f.store, "case_event_no_update");
    Event forged = f.service.log(id, std::nullopt)[1];
    forged.at = f.at("2025-09-01T09:30");
    Statement(f.store, "UPDATE case_event SET at = ?, hash = ? WHERE seq = 2")
        .bind(1, format_utc(forged.at))
        .bind(2, event_hash(forged))
        .run();
    CHECK(verify_event_chain(f.store).first_broken == 3);  // the next link no longer holds
  }
  SECTION("a deleted event") {
    drop_event_trigger(f.store, "case_event_no_delete");
    Statement(f.store, "DELETE FROM case_event WHERE seq = 2").run();
    CHECK(verify_event_chain(f.store).first_broken == 3);
  }
}
