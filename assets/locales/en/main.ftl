# The app's own name and texts shared by every area. Each area has its own file with the same
# name in every language folder (views.ftl, look.ftl, keys.ftl, …).
app-name = Mining Crackdown Dashboard
rows-count = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}

## The menu bar (app/menu.rs)
menu-file = File
menu-edit = Edit
menu-data = Data
menu-view = View
menu-help = Help
menu-open-sample = Open sample data
menu-open = Open…
menu-open-recent = Open Recent
menu-save = Save
menu-save-as = Save As…
menu-export-dashboard = Export dashboard…
menu-quit = Quit
menu-no-recent = No recent files
menu-clear-recent = Clear list
menu-date-order = Read numeric dates like 03/04/2021 as
menu-per-period = Per period (bars)
menu-cumulative = Cumulative (lines)
menu-show-all = Show all provinces and dates
menu-language = Language
menu-language-system = Follow the system

## The status bar (app/status.rs)
status-problems = { $count ->
    [0] no problems
    [one] 1 problem
   *[other] { $count } problems
}
status-problems-hint = Show or hide the list of problems
