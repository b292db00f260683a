// SPDX-License-Identifier: MIT
#include <ent110/cases/event_log.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/chain_hash.hpp>
#include <ent110/store/statement.hpp>

namespace ent110 {
namespace {

constexpr std::string_view k_event_columns =
    "SELECT seq, case_id, case_seq, at, action, actor, unit, detail, text, prev_hash, hash, "
    "recorded_at "
    "FROM case_event ";

Event event_from_row(const Statement& query) {
  Event event;
  event.seq = query.int64(0);
  event.case_id = query.text(1);
  event.case_seq = query.int32(2);
  event.at = parse_utc(query.text(3));
  const std::string action = query.text(4);
  if (auto parsed = parse_action(action)) {
    event.action = *parsed;
  } else {
    throw StoreError(MessageId::case_stored_value_bad, {"case_event.action", action});
  }
  event.actor = query.text(5);
  event.unit = query.text(6);
  event.detail = query.text(7);
  event.text = query.text(8);
  event.prev_hash = query.text(9);
  event.hash = query.text(10);
  if (auto recorded_at = query.optional_text(11)) {
    event.recorded_at = parse_utc(*recorded_at);
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
  event = sealed_event(store, std::move(event));
  insert_event(store, event);
  return event;
}

Event sealed_event(Store& store, Event event) {
  ChainTail tail = chain_tail(store, "case_event");
  event.seq = tail.next_seq;
  event.prev_hash = std::move(tail.prev_hash);
  Statement count(store, "SELECT coalesce(max(case_seq), 0) FROM case_event WHERE case_id = ?");
  count.bind(1, event.case_id);
  count.step();
  event.case_seq = count.int32(0) + 1;
  if (!event.recorded_at) {
    event.recorded_at = wall_clock_now();
  }
  event.hash = event_hash(event);
  return event;
}

void insert_event(Store& store, const Event& event) {
  Statement insert(store,
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
  insert.run();
}

std::vector<Event> case_events(Store& store, std::string_view case_id) {
  return find_events(store, std::string(case_id), std::nullopt);
}

std::vector<Event> find_events(Store& store,
                               const std::optional<std::string>& case_id,
                               std::optional<Instant> since) {
  std::string sql(k_event_columns);
  // The instant is the last parameter, so that no parameter number is skipped (PostgreSQL
  // cannot type one the SQL does not use).
  const int since_parameter = case_id ? 2 : 1;
  if (case_id) {
    sql += "WHERE case_id = ?1";
    sql += since ? " AND at >= ?2 ORDER BY case_seq" : " ORDER BY case_seq";
  } else {
    // Newest last by the instant of the action: back-dated entries take their place in time.
    sql += since ? "WHERE at >= ?1 ORDER BY at, seq" : "ORDER BY at, seq";
  }
  Statement query(store, sql);
  if (case_id) {
    query.bind(1, *case_id);
  }
  if (since) {
    query.bind(since_parameter, format_utc(*since));
  }
  std::vector<Event> events;
  while (query.step()) {
    events.push_back(event_from_row(query));
  }
  return events;
}

EventsByCase::EventsByCase(Store& store)
    : m_query(store, std::string(k_event_columns) + "ORDER BY case_id, case_seq") {}

EventsByCase::~EventsByCase() = default;

std::optional<Event> EventsByCase::next() {
  if (!m_query.step()) {
    return std::nullopt;
  }
  return event_from_row(m_query);
}

ChainCheck verify_event_chain(Store& store) {
  Statement query(store, std::string(k_event_columns) + "ORDER BY seq");
  ChainWalk walk;
  while (query.step()) {
    const Event event = event_from_row(query);
    walk.check(event.seq, event.prev_hash, event_hash(event), event.hash);
  }
  return ChainCheck{walk.entries(), walk.first_broken()};
}

}  // namespace ent110
