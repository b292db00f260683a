// SPDX-License-Identifier: MIT
#include <ent110/cases/event_log.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/chain_hash.hpp>
#include <ent110/store/store.hpp>

#include <SQLiteCpp/Statement.h>

namespace ent110 {
namespace {

constexpr std::string_view k_event_columns =
    "SELECT seq, case_id, case_seq, at, action, actor, unit, detail, text, prev_hash, hash, "
    "recorded_at "
    "FROM case_event ";

Event event_from_row(SQLite::Statement& query) {
  Event event;
  event.seq = query.getColumn(0).getInt64();
  event.case_id = query.getColumn(1).getString();
  event.case_seq = query.getColumn(2).getInt();
  event.at = parse_utc(query.getColumn(3).getString());
  const std::string action = query.getColumn(4).getString();
  if (auto parsed = parse_action(action)) {
    event.action = *parsed;
  } else {
    throw StoreError(MessageId::case_stored_value_bad, {"case_event.action", action});
  }
  event.actor = query.getColumn(5).getString();
  event.unit = query.getColumn(6).getString();
  event.detail = query.getColumn(7).getString();
  event.text = query.getColumn(8).getString();
  event.prev_hash = query.getColumn(9).getString();
  event.hash = query.getColumn(10).getString();
  if (!query.getColumn(11).isNull()) {
    event.recorded_at = parse_utc(query.getColumn(11).getString());
  }
  return event;
}

}  // namespace

std::string event_hash(const Event& event) {
  std::vector<std::string> fields{std::to_string(event.seq),
                                  event.case_id,
                                  std::to_string(event.case_seq),
                                  format_utc(event.at),
                                  std::string(to_string(event.action)),
                                  event.actor,
                                  event.unit,
                                  event.detail,
                                  event.text};
  if (event.recorded_at) {
    // Events from before the column existed hash as they always did.
    fields.push_back(format_utc(*event.recorded_at));
  }
  return chain_hash(fields, event.prev_hash);
}

Event append_event(Store& store, Event event) {
  ChainTail tail = chain_tail(store.db(), "case_event");
  event.seq = tail.next_seq;
  event.prev_hash = std::move(tail.prev_hash);
  SQLite::Statement count(store.db(),
                          "SELECT coalesce(max(case_seq), 0) FROM case_event WHERE case_id = ?");
  count.bind(1, event.case_id);
  count.executeStep();
  event.case_seq = count.getColumn(0).getInt() + 1;
  if (!event.recorded_at) {
    event.recorded_at = wall_clock_now();
  }
  event.hash = event_hash(event);

  SQLite::Statement insert(store.db(),
                           "INSERT INTO case_event (seq, case_id, case_seq, at, action, actor, "
                           "unit, detail, text, prev_hash, hash, recorded_at) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, event.seq);
  insert.bind(2, event.case_id);
  insert.bind(3, event.case_seq);
  insert.bind(4, format_utc(event.at));
  insert.bind(5, std::string(to_string(event.action)));
  insert.bind(6, event.actor);
  insert.bind(7, event.unit);
  insert.bind(8, event.detail);
  insert.bind(9, event.text);
  insert.bind(10, event.prev_hash);
  insert.bind(11, event.hash);
  insert.bind(12, format_utc(*event.recorded_at));
  insert.exec();
  return event;
}

std::vector<Event> case_events(Store& store, std::string_view case_id) {
  return find_events(store, std::string(case_id), std::nullopt);
}

std::vector<Event> find_events(Store& store,
                               const std::optional<std::string>& case_id,
                               std::optional<Instant> since) {
  std::string sql(k_event_columns);
  if (case_id) {
    sql += "WHERE case_id = ?1";
    sql += since ? " AND at >= ?2 ORDER BY case_seq" : " ORDER BY case_seq";
  } else {
    // Newest last by the instant of the action: back-dated entries take their place in time.
    sql += since ? "WHERE at >= ?2 ORDER BY at, seq" : "ORDER BY at, seq";
  }
  SQLite::Statement query(store.db(), sql);
  if (case_id) {
    query.bind(1, *case_id);
  }
  if (since) {
    query.bind(2, format_utc(*since));
  }
  std::vector<Event> events;
  while (query.executeStep()) {
    events.push_back(event_from_row(query));
  }
  return events;
}

EventsByCase::EventsByCase(Store& store)
    : m_query(std::make_unique<SQLite::Statement>(
          store.db(), std::string(k_event_columns) + "ORDER BY case_id, case_seq")) {}

EventsByCase::~EventsByCase() = default;

std::optional<Event> EventsByCase::next() {
  if (!m_query->executeStep()) {
    return std::nullopt;
  }
  return event_from_row(*m_query);
}

ChainCheck verify_event_chain(Store& store) {
  SQLite::Statement query(store.db(), std::string(k_event_columns) + "ORDER BY seq");
  ChainWalk walk;
  while (query.executeStep()) {
    const Event event = event_from_row(query);
    walk.check(event.seq, event.prev_hash, event_hash(event), event.hash);
  }
  return ChainCheck{walk.entries(), walk.first_broken()};
}

}  // namespace ent110
