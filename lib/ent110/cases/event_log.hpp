// SPDX-License-Identifier: MIT
// The append-only event log: one global chain of SHA-256 hashes over every case's events.
#pragma once

#include <ent110/cases/case.hpp>
#include <ent110/store/statement.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// The hash of `event`: SHA-256 (hex, lowercase) of its canonical content (seq, case, case_seq,
/// at, action, actor, unit, detail, text and, when known, recorded_at, each length-prefixed)
/// followed by its prev_hash.
std::string event_hash(const Event& event);

/// Appends `event` (seq, case_seq, prev_hash and hash are filled in here, recorded_at from the
/// wall clock unless given) inside the caller's transaction and returns it as stored.
Event append_event(Store& store, Event event);
/// `event` as append_event would store it now (seq, case_seq, prev_hash, hash and recorded_at
/// filled in), not stored yet: a new case's intake event, replayed before the case is written.
Event sealed_event(Store& store, Event event);
/// Stores an event that sealed_event returned, before anything else is appended.
void insert_event(Store& store, const Event& event);

/// The events of case `case_id`, in order.
std::vector<Event> case_events(Store& store, std::string_view case_id);

/// The events of case `case_id` (all cases when nullopt) at or after `since` (all when
/// nullopt), oldest first.
std::vector<Event> find_events(Store& store,
                               const std::optional<std::string>& case_id,
                               std::optional<Instant> since);

/// Every event ordered by case, then by its number within the case, one at a time.
class EventsByCase {
 public:
  explicit EventsByCase(Store& store);
  ~EventsByCase();
  EventsByCase(const EventsByCase&) = delete;
  EventsByCase& operator=(const EventsByCase&) = delete;
  /// The next event, or nullopt after the last.
  std::optional<Event> next();

 private:
  Statement m_query;
};

/// What checking the chain found.
struct ChainCheck {
  std::int64_t events = 0;                   ///< events checked
  std::optional<std::int64_t> first_broken;  ///< seq of the first event whose hash or link fails
};

/// Recomputes every event's hash in chain order and checks each link to the previous event.
ChainCheck verify_event_chain(Store& store);

}  // namespace ent110
