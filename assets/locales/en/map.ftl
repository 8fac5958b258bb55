# The map and the Charts | Map switch (ui/map/)
map-switch-charts = Charts
map-switch-charts-hint = Bars or lines over time, one chart per figure
map-switch-map = Map
map-switch-map-hint = A map of the provinces coloured by one figure
map-colour-by = Colour by
map-pause = Pause
map-pause-hint = Stop at this period
map-play = Play
map-play-hint = Step through the periods one by one
map-whole-range = Whole range
map-whole-range-hint = The whole date range of the filter
map-no-data = No data
map-time-by = Time by { $period }
