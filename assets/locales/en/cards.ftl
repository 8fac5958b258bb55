# The summary cards and their note on the rows left out (ui/cards.rs)
card-provinces = Provinces
card-date-span = Date span
card-no-dated-rows = no dated rows
card-name = { $title }: { $value }
cards-left-out-no-date = { $count ->
    [one] 1 row without a date is not counted
   *[other] { $n } rows without a date are not counted
}
cards-left-out-totals = { $count ->
    [one] 1 totals row is not counted
   *[other] { $n } totals rows are not counted
}
cards-left-out-notes = { $count ->
    [one] 1 note under the table is not counted
   *[other] { $n } notes under the table are not counted
}
cards-left-out-no-date-hint = Show these rows in the table: give each a date to count it
cards-left-out-totals-hint = Show these rows in the table: a totals row (合计, Total) sums other rows, so it is not counted again; count it from the problems panel if it is a real row
cards-left-out-notes-hint = Show these rows in the table: a note under the table (注：…, Source: …) is not an event, so its figures are not counted; count it from the problems panel if it is a real row
