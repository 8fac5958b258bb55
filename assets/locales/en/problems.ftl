# The problems panel (ui/problems.rs) and the crash notice (app/crash_notice.rs)
problems-title = Problems ({ $count })
problems-hint = Cells are kept exactly as typed; they count once fixed. Click one to edit it.
problems-none = Nothing to check.
problems-row-column = Row { $row } · { $column }
problems-row = Row { $row }
problems-columns-title = Columns to check ({ $count })
crash-quiet = The app was not closed normally last time; nothing unsaved was lost
crash-title = Mining Crackdown Dashboard closed unexpectedly last time
crash-error = The error: { $message } (at { $place }, { $time })
crash-log-file = The log file is { $path }
crash-open-log-folder = Open log folder
crash-copy-report = Copy report
crash-close = Close
problems-item = Problem: { $place }: { $message }
problems-columns-hint = Their figures are not in the charts or cards. Open the file again to choose what each column holds in the import preview.
