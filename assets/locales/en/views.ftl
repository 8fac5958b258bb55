# The chart kinds beyond bars and lines (ui/charts/multiples.rs, ui/charts/ranking.rs), their
# choices in the filter bar and the View menu, and "top N and Other" (ui/charts/other.rs).

## The filter bar and the View menu
views-multiples = Small multiples
views-multiples-hint = One small chart per province on the same axes, largest total first
views-ranking = Ranking
views-ranking-hint = Each province's total over the date range, largest on top
menu-multiples = Small multiples (one chart per province)
menu-ranking = Ranking (total per province)
views-show = Show:
views-show-all = All
views-show-top = Top { $n }
views-show-hint = Keep the largest provinces in the bars and lines and sum the rest into Other

## Small multiples and ranking
views-panel-title = { $place } · { $value }
views-panel-scale = { $axis }; each panel from 0 to { $top }
views-panel-name = { $metric } panel: { $place }, { $value }
views-bar-name = { $metric } ranking: { $place }, { $value }
views-mode-ranking = (total over the date range)
views-tip-total = Total: { $value }
views-tip-select = Click to select { $place } in every view

## Top N and Other
views-other = Other
views-other-label = Other ({ $k ->
    [one] 1 province
   *[other] { $n } provinces
})
views-other-name = { $label }: { $value } ({ $metric })
views-other-hint = Summed into Other: { $places }
