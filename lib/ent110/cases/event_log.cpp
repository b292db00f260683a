// SPDX-License-Identifier: MIT
#include <ent110/cases/event_log.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/store.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>

namespace ent110 {
namespace {

const std::string k_genesis(64, '0');

constexpr std::string_view k_event_columns =
    "SELECT seq, case_id, case_seq, at, action, actor, unit, detail, text, prev_hash, hash, "
    "recorded_at "
    "FROM case_event ";

void append_field(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ',';
}

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
  std::string content;
  append_field(content, std::to_string(event.seq));
  append_field(content, event.case_id);
  append_field(content, std::to_string(event.case_seq));
  append_field(content, format_utc(event.at));
  append_field(content, to_string(event.action));
  append_field(content, event.actor);
  append_field(content, event.unit);
  append_field(content, event.detail);
  append_field(content, event.text);
  if (event.recorded_at) {
    // Events from before the column existed hash as they always did.
    append_field(content, format_utc(*event.recorded_at));
  }
  content += event.prev_hash;

  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(content.data(), content.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
      1) {
    throw StoreError(MessageId::case_hash_failed, {});
  }
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += fmt::format("{:02x}", digest[i]);
  }
  return hex;
}

Event append_event(Store& store, Event event) {
  SQLite::Statement last(store.db(), "SELECT seq, hash FROM case_event ORDER BY seq DESC LIMIT 1");
  if (last.executeStep()) {
    event.seq = last.getColumn(0).getInt64() + 1;
    event.prev_hash = last.getColumn(1).getString();
  } else {
    event.seq = 1;
    event.prev_hash = k_genesis;
  }
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
  ChainCheck check;
  SQLite::Statement query(store.db(), std::string(k_event_columns) + "ORDER BY seq");
  std::string previous = k_genesis;
  while (query.executeStep()) {
    const Event event = event_from_row(query);
    ++check.events;
    if (!check.first_broken && (event.prev_hash != previous || event_hash(event) != event.hash)) {
      check.first_broken = event.seq;
    }
    previous = event.hash;
  }
  return check;
}

}  // namespace ent110
