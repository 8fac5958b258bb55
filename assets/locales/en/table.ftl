# The table (ui/table/): toolbar, header, cells, row actions, context menus
table-search = Search
table-search-hint = Search text columns
table-only-problems = Only rows with problems
table-cells-to-check = { $cells ->
    [one] { $cells } cell to check
   *[other] { $cells } cells to check
}
table-rows-to-check = { $rows ->
    [one] { $rows } repeated row to check
   *[other] { $rows } repeated rows to check
}
table-cells-and-rows-to-check = { $cells ->
        [one] { $cells } cell
       *[other] { $cells } cells
    } and { $rows ->
        [one] { $rows } repeated row
       *[other] { $rows } repeated rows
    } to check
table-problems-hint = Cells shown in red did not parse; hover one to see why. They are kept exactly as typed. Repeated rows are listed in the problems panel.
table-left-out = { $count ->
    [one] 1 row left out of the sums
   *[other] { $count } rows left out of the sums
}
table-left-out-hint = Totals rows, notes under the table and rows with figures but no valid date are in no chart or card; they are listed in the problems panel.
table-rows = { $rows } rows
table-rows-of = { $shown } of { $rows } rows
table-showing-no-date = Showing rows without a date
table-showing-totals = Showing totals rows
table-showing-notes = Showing notes under the table
table-show-all-rows = Show all rows
table-show-all-rows-hint = Show every row again (with the province and date filters)
table-insert-above = Insert row above
table-insert-below = Insert row below
table-duplicate-rows = { $count ->
    [one] Duplicate row
   *[other] Duplicate { $count } rows
}
table-delete-rows = { $count ->
    [one] Delete row
   *[other] Delete { $count } rows
}
table-insert-above-hint = Insert an empty row above the selected rows (Ctrl++ when whole rows are selected)
table-insert-below-hint = Insert an empty row below the selected rows
table-duplicate-hint = Copy the selected rows below them
table-delete-hint = Delete the selected rows (Ctrl+- when whole rows are selected)
table-sort-hint = Click to sort: ascending, descending, file order
table-sort-by = Sort by { $title }
table-select-row = Select row { $row }
table-basis-event = event
table-basis-running-total = running_total
table-cell = { $title }, row { $row }: { $shown }
table-edit-cell = Edit { $title }, row { $row }
table-empty = empty
table-cell-problem = { $problem }
    The text is kept as typed; this cell does not count.
table-totals-word-hint = This row looks like a totals row, so its figures are not counted (they would count the rows it sums twice). If it is a real row, right-click it: Count this row.
table-note-row-hint = This row looks like a note under the table (注：, Source:), not an event, so it is not counted. If it is a real row, right-click it: Count this row.
table-count-row = Count this row
table-count-row-hint = This row looks like a totals row (合计, Total), so its figures are not counted. If it is a real row, count it: its basis becomes “counted” (undo with Ctrl+Z).
table-count-row-name = Count row { $row } in the totals

## Column titles (data::Field::title stays English for the command line)
table-column-date = Date
table-column-province = Province
table-column-city = City
table-column-action = Action
table-column-projects = Projects shut down
table-column-rigs = Rigs seized
table-column-kwh = Electricity saved (kWh)
table-column-coal = Coal saved (t)
table-column-basis = Basis
table-column-source = Source
table-column-notes = Notes
