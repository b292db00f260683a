// SPDX-License-Identifier: MIT
// The names people read for the case model's values; JSON keeps the to_string spellings.
#pragma once

#include <ent110/cases/case.hpp>
#include <ent110/cases/case_clock.hpp>
#include <ent110/cases/state.hpp>
#include <ent110/core/messages.hpp>

#include <string>

namespace ent110 {

/// "已转办" / "forwarded".
std::string label(Lang lang, State state);
/// "提交督办" / "refer to inspection".
std::string label(Lang lang, Action action);
/// "协调解决类" / "coordinate".
std::string label(Lang lang, CaseType type);
/// "热线电话" / "hotline".
std::string label(Lang lang, Channel channel);
/// "基本满意" / "basic".
std::string label(Lang lang, Rating rating);
/// "问题不明" / "unclear".
std::string label(Lang lang, RejectReason reason);
/// "答复" / "reply".
std::string label(Lang lang, ClockName name);
/// "已超期" / "overdue".
std::string label(Lang lang, ClockStatus status);

/// The reader's words for what an event stored as its detail: the case type of an intake
/// ("协调解决类（重大）"), a forward's co-units and decided limit, the reason of a rejection, the
/// rating, an edited approval, the late unit of a referral to inspection with Art. 7's reason, a
/// withdrawn referral and a correction (times local in `zone`); other details (a plan) as stored.
std::string detail_label(Lang lang, const Event& event, const Zone& zone);

}  // namespace ent110
