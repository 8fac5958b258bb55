# The filters panel (ui/filters.rs)
filters-group-by = Group by
filters-per-period = Per period
filters-per-period-hint = Bars: what each period added
filters-cumulative = Cumulative
filters-cumulative-hint = Lines: running total per province
filters-all-dates = All dates
filters-provinces = Provinces
filters-show-all = Show all
filters-hide-all = Hide all
filters-from = From
filters-to = To
filters-invalid-date = invalid date
