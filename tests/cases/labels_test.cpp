// SPDX-License-Identifier: MIT
#include <ent110/cases/labels.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

TEST_CASE("label: English labels keep the JSON spelling, Chinese ones translate",
          "[cases][labels]") {
  // Walking every value proves each table has one label per enum value, in order.
  for (State state : all_states()) {
    CHECK(label(Lang::en, state) == to_string(state));
    CHECK(label(Lang::zh, state) != to_string(state));
  }
  CHECK(label(Lang::zh, State::forwarded) == "已转办");
  CHECK(label(Lang::zh, Action::escalate_inspection) == "提交督办");
  CHECK(label(Lang::zh, CaseType::coordinate) == "协调解决类");
  CHECK(label(Lang::zh, Channel::hotline) == "热线电话");
  CHECK(label(Lang::zh, Rating::basic) == "基本满意");
  CHECK(label(Lang::zh, RejectReason::unclear) == "问题不明");
  CHECK(label(Lang::zh, ClockName::resubmit) == "重新报送");
  CHECK(label(Lang::zh, ClockStatus::cancelled) == "已取消");
  CHECK(label(Lang::en, ClockStatus::due_today) == "due-today");
}

TEST_CASE("detail_label: stored data read as words, other details as stored", "[cases][labels]") {
  const Zone zone("Asia/Shanghai");
  const auto label_of = [&](Lang lang, Action action, std::string detail) {
    Event e;
    e.action = action;
    e.detail = std::move(detail);
    return detail_label(lang, e, zone);
  };
  CHECK(label_of(Lang::zh, Action::intake, "coordinate") == "协调解决类");
  CHECK(label_of(Lang::zh, Action::intake, "consult major") == "咨询类（重大）");
  CHECK(label_of(Lang::en, Action::intake, "consult major") == "consult (major)");
  CHECK(label_of(Lang::zh, Action::reject, "unlawful") == "不符合法律法规");
  CHECK(label_of(Lang::zh, Action::evaluate, "satisfied") == "满意");
  CHECK(label_of(Lang::zh, Action::approve, "edited") == "经办公室修改");
  CHECK(label_of(Lang::zh, Action::approve, "").empty());
  CHECK(label_of(Lang::zh, Action::forward, "FGW with JXW") == "FGW，协办 JXW");
  CHECK(label_of(Lang::en, Action::forward, "FGW with JXW,SWJ within 3") ==
        "FGW, co-units JXW,SWJ, within 3 working days");
  CHECK(label_of(Lang::zh, Action::redo, "FGW due 2025-11-20") == "FGW，限 2025-11-20 前");
  CHECK(label_of(Lang::zh, Action::withdraw, "3") == "撤回第 3 条记录的督办");
  CHECK(label_of(Lang::en, Action::correct, "2 time 2025-11-03T03:00:00Z") ==
        "event 2 happened at 2025-11-03T11:00:00+08:00");
  CHECK(label_of(Lang::zh, Action::correct, "2 to JXW") == "第 2 条记录实际转办至 JXW");
  CHECK(label_of(Lang::en, Action::correct, "5 void") == "event 5 is void");
  CHECK(label_of(Lang::zh, Action::evaluate, "unknown") == "unknown");
}
