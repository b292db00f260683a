// SPDX-License-Identifier: MIT
#include <ent110/store/location.hpp>

namespace ent110 {

bool is_postgresql_uri(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string without_password(std::string_view uri) {
  const std::size_t query_start = uri.find('?');
  std::string base(uri.substr(0, query_start));
  if (const std::size_t scheme_end = base.find("://"); scheme_end != std::string::npos) {
    const std::size_t authority = scheme_end + 3;
    const std::size_t at = base.rfind('@', base.find('/', authority));
    const std::size_t colon = base.find(':', authority);
    if (at != std::string::npos && at > authority && colon < at) {
      base.erase(colon, at - colon);
    }
  }
  if (query_start == std::string_view::npos) {
    return base;
  }
  std::string query;
  std::string_view rest = uri.substr(query_start + 1);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view parameter = rest.substr(0, amp);
    if (!parameter.starts_with("password=")) {
      query += (query.empty() ? "?" : "&") + std::string(parameter);
    }
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
  }
  return base + query;
}

}  // namespace ent110
