# The events behind a figure: chart and map tooltips, the pinned popup, source links in the table (ui/events.rs, ui/table/body.rs)
provenance-heading = Events behind this figure
provenance-more = … and { $n } more
provenance-open = Open { $domain } in the browser
provenance-title = { $place } · { $when }
provenance-pinned = Events behind { $title }
provenance-table-open = Open
provenance-table-open-hint = Open this source in the browser (a click on the rest of the cell edits it)
provenance-table-open-name = Open source of row { $row }: { $domain }
