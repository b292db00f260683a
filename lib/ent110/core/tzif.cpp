// SPDX-License-Identifier: MIT
#include <ent110/core/tzif.hpp>

#include <cstddef>
#include <limits>

namespace ent110 {
namespace {

// Big-endian fields of a TZif file (RFC 8536), each read only after a bounds check.
class TzifReader {
 public:
  explicit TzifReader(std::string_view data) : m_data(data) {}

  bool has(std::size_t bytes) const { return m_data.size() - m_pos >= bytes; }
  void skip(std::size_t bytes) { m_pos += bytes; }
  std::string_view take(std::size_t bytes) {
    const std::string_view part = m_data.substr(m_pos, bytes);
    m_pos += bytes;
    return part;
  }
  std::int64_t signed_field(std::size_t bytes) {
    std::uint64_t value = 0;
    for (const char c : take(bytes)) {
      value = (value << 8) | static_cast<unsigned char>(c);
    }
    if (bytes < 8 && (value >> (8 * bytes - 1)) != 0) {
      value |= ~std::uint64_t{0} << (8 * bytes);
    }
    return static_cast<std::int64_t>(value);
  }

 private:
  std::string_view m_data;
  std::size_t m_pos = 0;
};

struct TzifCounts {
  std::size_t utc_indicators, standard_indicators, leaps, transitions, types, abbreviation_bytes;
};

std::optional<TzifCounts> read_header(TzifReader& in, char& version) {
  if (!in.has(44) || in.take(4) != "TZif") {
    return std::nullopt;
  }
  version = in.take(1).front();
  in.skip(15);
  std::int64_t counts[6];
  for (std::int64_t& count : counts) {
    count = in.signed_field(4);
    if (count < 0) {
      return std::nullopt;
    }
  }
  const auto size = [](std::int64_t count) { return static_cast<std::size_t>(count); };
  return TzifCounts{size(counts[0]), size(counts[1]), size(counts[2]),
                    size(counts[3]), size(counts[4]), size(counts[5])};
}

std::size_t data_block_size(const TzifCounts& counts, std::size_t time_bytes) {
  return counts.transitions * (time_bytes + 1) + counts.types * 6 + counts.abbreviation_bytes +
         counts.leaps * (time_bytes + 4) + counts.standard_indicators + counts.utc_indicators;
}

}  // namespace

// The offsets of a TZif file: version 2 and later carry 64-bit transition times after the 32-bit
// block, which is then skipped. Before the first transition the first standard-time type applies,
// and the POSIX rule at the end of the file is not read, both as the date library did: the
// system's files list transitions up to 2037.
std::optional<ZoneRules> parse_tzif(std::string_view data) {
  TzifReader in(data);
  char version = 0;
  auto counts = read_header(in, version);
  std::size_t time_bytes = 4;
  if (counts && version != '\0') {
    if (!in.has(data_block_size(*counts, 4))) {
      return std::nullopt;
    }
    in.skip(data_block_size(*counts, 4));
    counts = read_header(in, version);
    time_bytes = 8;
  }
  if (!counts || counts->types == 0 || !in.has(data_block_size(*counts, time_bytes))) {
    return std::nullopt;
  }
  std::vector<std::int64_t> times(counts->transitions);
  for (std::int64_t& time : times) {
    time = in.signed_field(time_bytes);
  }
  std::vector<std::size_t> type_of(counts->transitions);
  for (std::size_t& type : type_of) {
    type = static_cast<std::size_t>(in.signed_field(1) & 0xff);
    if (type >= counts->types) {
      return std::nullopt;
    }
  }
  std::vector<std::int32_t> type_offsets(counts->types);
  std::optional<std::int32_t> first_standard;
  for (std::int32_t& offset : type_offsets) {
    offset = static_cast<std::int32_t>(in.signed_field(4));
    const bool daylight = in.signed_field(1) != 0;
    in.skip(1);
    if (!daylight && !first_standard) {
      first_standard = offset;
    }
  }
  ZoneRules rules;
  rules.starts.push_back(std::numeric_limits<std::int64_t>::min());
  rules.offsets.push_back(first_standard.value_or(type_offsets.front()));
  for (std::size_t i = 0; i < times.size(); ++i) {
    // The first period starts at the lowest second: a transition there would begin it twice.
    if (times[i] <= (i > 0 ? times[i - 1] : rules.starts.front())) {
      return std::nullopt;
    }
    // A change of name or of daylight saving alone keeps the offset: one period.
    if (type_offsets[type_of[i]] != rules.offsets.back()) {
      rules.starts.push_back(times[i]);
      rules.offsets.push_back(type_offsets[type_of[i]]);
    }
  }
  return rules;
}

}  // namespace ent110
