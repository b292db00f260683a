// SPDX-License-Identifier: MIT
#include <ent110/cases/labels.hpp>
#include <ent110/cases/replay.hpp>

#include <array>

namespace ent110 {
namespace {

// Each table lists the labels in the order of its enum's values.
constexpr std::array k_state_labels = {
    MessageId::label_state_received,  MessageId::label_state_rejected,
    MessageId::label_state_forwarded, MessageId::label_state_submitted,
    MessageId::label_state_returned,  MessageId::label_state_explained,
    MessageId::label_state_escalated, MessageId::label_state_answered,
    MessageId::label_state_evaluated, MessageId::label_state_disputed,
};
constexpr std::array k_action_labels = {
    MessageId::label_action_intake,
    MessageId::label_action_reject,
    MessageId::label_action_forward,
    MessageId::label_action_redo,
    MessageId::label_action_reply,
    MessageId::label_action_approve,
    MessageId::label_action_return_result,
    MessageId::label_action_explain,
    MessageId::label_action_escalate_government,
    MessageId::label_action_escalate_joint_meeting,
    MessageId::label_action_escalate_inspection,
    MessageId::label_action_dispute,
    MessageId::label_action_evaluate,
    MessageId::label_action_contribute,
    MessageId::label_action_correct,
    MessageId::label_action_withdraw,
    MessageId::label_action_merge,
    MessageId::label_action_unmerge,
    MessageId::label_action_follow,
};
constexpr std::array k_type_labels = {MessageId::label_type_consult,
                                      MessageId::label_type_coordinate};
constexpr std::array k_channel_labels = {
    MessageId::label_channel_web, MessageId::label_channel_hotline, MessageId::label_channel_visit,
    MessageId::label_channel_other};
constexpr std::array k_rating_labels = {MessageId::label_rating_satisfied,
                                        MessageId::label_rating_basic,
                                        MessageId::label_rating_dissatisfied};
constexpr std::array k_reason_labels = {MessageId::label_reject_unlawful,
                                        MessageId::label_reject_unclear};
constexpr std::array k_clock_labels = {
    MessageId::label_clock_forward, MessageId::label_clock_reply,
    MessageId::label_clock_explain, MessageId::label_clock_government,
    MessageId::label_clock_review,  MessageId::label_clock_resubmit,
    MessageId::label_clock_assist,
};
constexpr std::array k_status_labels = {
    MessageId::label_status_open,      MessageId::label_status_due_today,
    MessageId::label_status_overdue,   MessageId::label_status_met,
    MessageId::label_status_missed,    MessageId::label_status_paused,
    MessageId::label_status_cancelled,
};

template <typename Enum, std::size_t N>
std::string label_from(Lang lang, const std::array<MessageId, N>& table, Enum value) {
  return tr(lang, table.at(static_cast<std::size_t>(value)));
}

// The words of a forward's stored detail (forward_detail) in `lang`.
std::string forward_label(Lang lang, const std::string& detail) {
  const std::optional<ForwardDetail> forward = parse_forward_detail(detail);
  if (!forward) {
    return detail;
  }
  std::string text = forward->lead;
  if (!forward->co_units.empty()) {
    std::string co_units;
    for (const std::string& unit : forward->co_units) {
      co_units += (co_units.empty() ? "" : ",") + unit;
    }
    text += tr(lang, MessageId::label_detail_with, {co_units});
  }
  if (forward->limit.within_days) {
    text += tr(lang, MessageId::label_detail_within, {std::to_string(*forward->limit.within_days)});
  } else if (forward->limit.due) {
    text += tr(lang, MessageId::label_detail_due, {format_date(*forward->limit.due)});
  }
  return text;
}

}  // namespace

std::string label(Lang lang, State state) {
  return label_from(lang, k_state_labels, state);
}
std::string label(Lang lang, Action action) {
  return label_from(lang, k_action_labels, action);
}
std::string label(Lang lang, CaseType type) {
  return label_from(lang, k_type_labels, type);
}
std::string label(Lang lang, Channel channel) {
  return label_from(lang, k_channel_labels, channel);
}
std::string label(Lang lang, Rating rating) {
  return label_from(lang, k_rating_labels, rating);
}
std::string label(Lang lang, RejectReason reason) {
  return label_from(lang, k_reason_labels, reason);
}
std::string label(Lang lang, ClockName name) {
  return label_from(lang, k_clock_labels, name);
}
std::string label(Lang lang, ClockStatus status) {
  return label_from(lang, k_status_labels, status);
}

std::string detail_label(Lang lang, const Event& event, const Zone& zone) {
  const std::string& detail = event.detail;
  switch (event.action) {
    case Action::forward:
    case Action::redo:
      // "FGW with JXW,SWJ within 3" (forward_detail): the lead unit, co-units, decided limit.
      return forward_label(lang, detail);
    case Action::withdraw:
      return tr(lang, MessageId::label_detail_withdrawn, {detail});
    case Action::merge:
      return tr(lang, MessageId::merge_label_into, {detail});
    case Action::follow:
      return tr(lang, MessageId::merge_label_follows, {detail});
    case Action::correct:
      if (const std::optional<Correction> correction = parse_correction(detail)) {
        const std::string seq = std::to_string(correction->event);
        switch (correction->kind) {
          case CorrectionKind::time:
            return tr(lang, MessageId::label_detail_corrected_time,
                      {seq, zone.format_local(*correction->time)});
          case CorrectionKind::to:
            return tr(lang, MessageId::label_detail_corrected_to, {seq, correction->unit});
          case CorrectionKind::void_:
            return tr(lang, MessageId::label_detail_voided, {seq});
        }
      }
      break;
    case Action::intake: {
      // "coordinate" or "coordinate major" (CaseService::intake).
      const std::string_view type = std::string_view(detail).substr(0, detail.find(' '));
      if (const std::optional<CaseType> parsed = parse_case_type(type)) {
        return detail.ends_with(" major")
                   ? tr(lang, MessageId::label_detail_major, {label(lang, *parsed)})
                   : label(lang, *parsed);
      }
      break;
    }
    case Action::reject:
      if (const std::optional<RejectReason> reason = parse_reject_reason(detail)) {
        return label(lang, *reason);
      }
      break;
    case Action::evaluate:
      if (const std::optional<Rating> rating = parse_rating(detail)) {
        return label(lang, *rating);
      }
      break;
    case Action::escalate_inspection:
      // The late unit (CaseService::escalate); the referral's reason is Art. 7's, in any language.
      if (!detail.empty()) {
        return tr(lang, MessageId::label_detail_referred, {detail});
      }
      break;
    case Action::approve:
      if (detail == "edited") {
        return tr(lang, MessageId::label_detail_edited);
      }
      break;
    default:
      break;
  }
  return detail;
}

}  // namespace ent110
