# The province selected in every view (ui/table/toolbar.rs, ui/charts/): the table's chip, the
# charts' legend and accessible description. $rows is the count as written, $count picks the plural.
selection-rows = { $count ->
    [one] { $place }: { $rows } row
   *[other] { $place }: { $rows } rows
}
selection-show-all = Show all rows
selection-show-all-name = Show all rows (clears the selection of { $place })
selection-show-all-hint = No province selected: the table shows every row again and the charts and the map highlight none (Escape does the same)
selection-chart = { $place } is selected.
selection-legend-hint = { $place } is selected in every view: click its bar or line again, or press Escape, to clear it
