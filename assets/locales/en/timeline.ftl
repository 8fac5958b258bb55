# The policy timeline on the time charts (ui/charts/markers.rs): markers of bans, notices,
# surcharges and National rows, their tooltip, their accessible names, and the switch.

timeline-switch = Policy timeline
timeline-switch-hint = Show bans, notices, surcharges and national measures as markers along the bottom of the time charts
timeline-tooltip-title = Policy timeline
# $n is the count as written
timeline-more = … and { $n } more
# A day's markers for a screen reader: "Policy event, 2021-05-21, National: …"
timeline-node = Policy event, { $date }, { $events }
timeline-node-event = { $place }: { $text }
