# The charts: metric names, title row, axes, legend, tooltip (ui/charts/), the "About this chart"
# sentence and the texts an exported picture starts with (ui/words.rs).

## Metric names: as a title, and inside a sentence
metric-projects = Projects shut down
metric-rigs = Rigs seized
metric-kwh = Electricity saved
metric-coal = Coal saved
metric-projects-lower = projects shut down
metric-rigs-lower = rigs seized
metric-kwh-lower = electricity saved
metric-coal-lower = coal saved

## The title row
chart-total = · { $total }
chart-mode-cumulative = (cumulative)
chart-mode-per = (per { $period })
chart-export = Export…
chart-export-name = Export… { $metric }
chart-export-hint = Save or copy the { $metric } chart as a PNG or SVG picture

## The legend
chart-no-figures = No figures for this metric in the visible rows
legend-hide-hint = Hide { $place } in every chart, card and the table
legend-show-hint = Show { $place } in every chart, card and the table
legend-hide-name = Hide { $place } ({ $metric })
legend-show-name = Show { $place } ({ $metric })

## The tooltip ($n is the count as written, $count picks the plural)
tooltip-no-figures = no figures in this period
events-count = { $count ->
    [one] 1 event
   *[other] { $n } events
}
tooltip-line = { $place }: { $value } ({ $events })
tooltip-line-cumulative = { $place }: { $level } total ({ $value } this period, { $events })
tooltip-more = … and { $n } more

## The province list's row counts (ui/filters.rs)
provinces-rows-hint = rows with figures

## The "About this chart" sentence
about-no-figures = No figures for { $what } in the rows shown.
about-share = { $place } accounts for { $percent }% of { $what }{ $years }
about-all = { $place } accounts for all { $what }{ $years }
about-in-year = {" "}in { $year }
about-in-years = {" "}in { $from }–{ $to }
about-event = the largest single event is { $amount } in { $at }{ $date }
about-event-amount = { $amount }
about-on-date = {" "}on { $date }
about-with-event = { $share }; { $event }.
about-without-event = { $share }.
about-join = {" "}

## The texts an exported picture starts with (the export dialog prefills them)
picture-chart-title = { $metric }, by province
picture-chart-subtitle = { $metric } { $kind } · { $filters }
picture-dashboard-title = China's crackdown on crypto mining
picture-dashboard-subtitle = Projects, rigs, electricity and coal { $kind } · { $filters }
picture-kind-bars = per { $period }, stacked by province
picture-kind-cumulative = cumulative by { $period }, per province
picture-kind-multiples = per { $period }, one panel per province, same scale
picture-kind-ranking = total per province
picture-provinces = { $count ->
    [one] 1 province
   *[other] { $n } provinces
}
picture-only = only { $names }
picture-hidden = hidden: { $names }{ $more }
picture-and-more = {" "}and { $n } more
picture-footer = Source: { $file }
picture-footer-sources = Source: { $file }; { $sources }{ $more }
picture-list-separator = {", "}
picture-parts-separator = {" · "}

## The export dialog's heading (ui/export_dialog.rs)
export-heading-chart = Export { $metric }
export-heading-dashboard = Export dashboard

## Periods (the tooltip's heading, the map's time slider)
period-month = { $year }-{ $month }
period-quarter = { $year } Q{ $quarter }
period-year = { $year }

## What the export says in the status bar (app/export.rs)
picture-msg-exported = Exported { $path } ({ $size })
picture-msg-png-size = { $w }×{ $h } px
picture-msg-svg-size = SVG, { $w }×{ $h }
picture-msg-export-failed = Could not export { $error }
picture-msg-copied = Copied the { $what } picture ({ $w }×{ $h } px)
picture-msg-dashboard = dashboard
picture-msg-map = map
picture-map-title = { $metric }, map of the provinces
picture-map-subtitle = { $metric } { $mode } · { $filters }
picture-map-cumulative = cumulative
picture-map-range = over the date range
picture-msg-copy-failed = Could not copy the picture: { $error }
