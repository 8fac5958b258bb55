# First run: the tip strip over the sample data and Help ▸ Data format… (ui/tips.rs,
# ui/data_format.rs, app/firstrun.rs).

## The tip strip (ui/tips.rs)
firstrun-tips = Tips:
firstrun-tip-open = Open your own file: { $file } › { $open }, or drop it here
firstrun-tip-edit = Click a cell to edit
firstrun-tip-export = Export a chart for your report
firstrun-dismiss = Dismiss
firstrun-dismiss-name = Dismiss the tips
firstrun-dismiss-hint = Hide these tips; they do not come back

## Help ▸ Data format… (ui/data_format.rs)
firstrun-menu-data-format = Data format…
firstrun-format-title = Data format
firstrun-format-intro = One row per reported event; the first row names the columns. Names are matched ignoring case, spaces, underscores and punctuation, in English or Chinese, and by what they say (关停项目数, seized miners (units)). Columns the app does not know are kept and written back on save.
firstrun-format-column = Column
firstrun-format-holds = What it holds
firstrun-format-unit = Unit
firstrun-format-also = Also read as
firstrun-format-date = Day, month or year of the event
firstrun-format-province = One of the 34 provincial-level divisions in any spelling (Inner Mongolia, CN-NM, 内蒙古), a city that rolls up to one, or National
firstrun-format-city = Optional; when the province is empty, a known city gives it
firstrun-format-action = Optional: what happened
firstrun-format-projects = Mining projects shut down
firstrun-format-rigs = Mining rigs seized
firstrun-format-kwh = Electricity saved
firstrun-format-coal = Coal saved
firstrun-format-basis = { $event } (the default, also when empty) or { $total }: the row reports a total to date
firstrun-format-source = Optional: where the figures come from
firstrun-format-notes = Optional: caveats and other figures
firstrun-unit-text = text
firstrun-unit-date = date
firstrun-unit-count = count
firstrun-unit-kwh = kWh
firstrun-unit-tonnes = tonnes
firstrun-format-units = A unit in a figure column's name scales it: { $examples }.
firstrun-format-dates = Dates: { $examples }. A month or year counts from its first day; whether 03/04/2021 is day/month or month/day is taken from the file's unambiguous dates.
firstrun-format-numbers = Numbers: { $examples }. Approximate markers (about, 约, 10,000+) are kept with the value.
firstrun-format-template = A template holds the header row only, so no example row can end up in your figures.
firstrun-save-csv = Save template CSV…
firstrun-save-xlsx = Save template .xlsx…
firstrun-save-title = Save template
firstrun-template-saved = Saved the template { $path }
firstrun-template-failed = Could not save the template { $error }
