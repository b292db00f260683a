// SPDX-License-Identifier: MIT
// The enterprise registry: the enterprises that bring cases. Reads and writes of the enterprise
// table are in enterprise_repo.hpp.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/time.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace ent110 {

class Store;

/// An enterprise that brings cases.
struct Enterprise {
  std::int64_t id = 0;
  std::string name;
  std::string credit_code;   ///< 统一社会信用代码, 18 characters, or empty when unknown
  std::string county;        ///< code of the county/district/area/zone it is in, or empty
  bool above_scale = false;  ///< 规模以上企业 (Art. 3)
  bool key = false;          ///< 重点企业 (Art. 3)
  std::string contact;
  std::string phone;
};

/// Checks what adding and importing share: a name (UsageError), a valid credit code when given
/// (BadInput) and a county that is a county, district, area or zone (NotFound, BadInput). Whether
/// a duplicate is an error or an update is the caller's to decide.
void validate_enterprise(Store& store, const Enterprise& enterprise);

/// Adds an enterprise and records its audit event by `actor` (authorised by the caller); returns
/// its id. Validates it (validate_enterprise) and refuses a duplicate name or code (BadInput).
std::int64_t add_enterprise(Store& store,
                            const Enterprise& enterprise,
                            const Actor& actor,
                            Instant now);
/// The enterprise whose id, credit code or exact name is `reference`; throws NotFound.
Enterprise get_enterprise(Store& store, std::string_view reference);

}  // namespace ent110
