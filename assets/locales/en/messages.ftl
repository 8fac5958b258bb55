# The model's problem messages and notices (data/date_parse.rs, figure.rs, value.rs, problems.rs,
# left_out.rs, problem_index.rs, notices.rs, io/report.rs). Made on worker threads as keys and
# arguments (i18n::Msg) and shown in the interface's language; the English is what the command
# line and `check --json` print, so it must not change.

## Dates
date-empty = empty
date-not-a-date = “{ $text }” is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2021-09-27, 2021-09, 2021)
date-no-day-and-month = “{ $text }” is not a date
date-year-out-of-range = year { $year } is outside { $from }–{ $to }
date-ambiguous = “{ $text }” is ambiguous: { $first } { $second_name } or { $first_name } { $second }? Choose the date order for this column
date-no-such-day = “{ $text }” does not exist
date-no-such-month = month { $month } does not exist
date-no-such-date = { $date } does not exist

## Figures and the basis
figure-empty = empty
figure-negative = “{ $text }” is negative; figures must be 0 or more
figure-not-a-number = “{ $text }” is not a number
figure-separators = “{ $text }” is not a number (thousands separators go every three digits; use . for decimals)
figure-too-large = “{ $text }” is too large
figure-not-whole = “{ $text }” is not a whole number
figure-ambiguous = “{ $text }” could be { $usual } or { $here } (as 1,234.5, or as { $format }: this column's number format); type it without thousands separators
figure-wrong-format = “{ $text }” does not fit the number format { $format } of its column; retype it or choose the number format when importing
basis-invalid = “{ $text }” is not a basis: use event or running_total

## Places, rows left out, repeated rows
problem-no-province-city = no province, and the city “{ $city }” is not in the gazetteer
problem-unknown-place = “{ $text }” is not a known province, region or city
problem-totals-row = looks like a totals row: not counted
problem-note-row = looks like a note under the table, not an event: not counted
problem-no-date = no date: not in charts or cards
problem-repeat = row { $row } repeats row { $first } exactly; delete one if it is the same event

## Notices about columns
notice-holds-numbers = “{ $name }” holds numbers and is kept as an extra column: map it?
notice-more = { $count ->
    [one] { $count } more extra column holds numbers
   *[other] { $count } more extra columns hold numbers
}
notice-none-recognised = no column was recognised: every column is kept as an extra column
notice-no-date-column = no column holds dates: no row is in the charts or cards (map the date column, or add one)
notice-no-place-column = no column holds the province or city: every row is counted under Unknown province (map the column that does, or add one)

## Edits, as Undo and Redo name them (data/edit.rs, ui/table/rows.rs and keys.rs)
edit-cell = edit of { $column } in row { $row }
edit-insert-row = insertion of row { $row }
edit-delete-row = deletion of row { $row }
edit-date-order = date order { $order }
edit-duplicate-rows = { $count ->
    [one] duplicate of row { $row }
   *[other] duplicate of { $count } rows
}
edit-delete-rows = { $count ->
    [one] delete of row { $row }
   *[other] delete of { $count } rows
}
edit-clear-cells = { $count ->
    [one] clearing of { $count } cell
   *[other] clearing of { $count } cells
}
edit-paste-cells = { $count ->
    [one] paste of { $count } cell
   *[other] paste of { $count } cells
}
date-order-unknown = not chosen
date-order-day-first = day/month/year
date-order-month-first = month/day/year
field-name-date = date
field-name-province = province
field-name-city = city
field-name-action = action
field-name-projects = projects shut down
field-name-rigs = rigs seized
field-name-kwh = electricity saved (kwh)
field-name-coal = coal saved (t)
field-name-basis = basis
field-name-source = source
field-name-notes = notes
## A field as the import guesses name it (its key, as check prints it)
field-key-date = date
field-key-province = province
field-key-city = city
field-key-action = action
field-key-projects = projects_shut_down
field-key-rigs = rigs_seized
field-key-kwh = electricity_saved_kwh
field-key-coal = coal_saved_tonnes
field-key-basis = basis
field-key-source = source
field-key-notes = notes

## What the readers guessed or warn about, shown in the import preview (io/)
guess-date-order = numeric dates are read as { $order } (as the unambiguous ones are)
guess-ambiguous-dates = some numeric dates could be day/month or month/day: choose the date order
guess-header-row = { $count ->
    [one] the header is row { $row }; row 1 above it is skipped
   *[other] the header is row { $row }; rows 1–{ $above } above it are skipped
}
guess-unit-row = row { $row } holds the columns' units ({ $units }): read as part of the header
guess-declared-units = row { $row } gives the table's units ({ $units }): { $columns } read in them
guess-grouped-row = row { $row } under the header names its grouped columns ({ $names }): read as part of the header
guess-no-known-columns = no column has a name the app knows: choose what each column holds
guess-column-keyword = column “{ $column }” was read as { $field } (from the words in its name)
guess-column = column “{ $column }” was read as { $field }
guess-column-lost = column { $number } (“{ $column }”) also names { $field }, which column { $other_number } (“{ $other }”) holds: it is kept as an extra column
guess-number-format = numbers are read as { $format } (decimal comma) in { $columns }
guess-delimiter = the delimiter was detected as { $delimiter }
guess-sheet = the workbook has { $count } sheets; reading “{ $sheet }”
guess-encoding = no byte-order mark and not UTF-8: the encoding was guessed as { $encoding }
warning-invalid-bytes = some bytes are not valid { $encoding }; they show as �
warning-cut-character = the file ends in the middle of a character; it shows as �
delimiter-comma = comma
delimiter-semicolon = semicolon
delimiter-tab = tab
delimiter-bar = vertical bar
delimiter-other = other

## Files that could not be read or written (io/error.rs and the readers)
file-error = “{ $name }”: { $message }
file-cancelled = loading was cancelled
file-cannot-read = cannot be read: { $reason }
file-cannot-save = could not be saved: { $reason }; the previous file is unchanged
file-not-found = the file or its folder does not exist
file-permission-denied = permission denied
file-disk-full = the disk is full
file-read-only = the disk is read-only
file-is-a-folder = this is a folder, not a file
file-empty = the file is empty
file-not-a-workbook = this is not a { $format } spreadsheet (its content is not a workbook)
file-damaged = this spreadsheet is damaged or truncated and cannot be read
file-unknown-encoding = unknown encoding “{ $name }”
file-not-text = this is not a text file (it contains binary data at byte { $at }); open a CSV, TSV, JSON or spreadsheet file
edit-error-row = row { $row } does not exist
edit-error-column = column { $column } does not exist
edit-error-insert = cannot insert at row { $row }
file-bad-delimiter = byte { $byte } cannot separate fields; use a comma, semicolon, tab or |
file-not-a-header = row { $row } cannot be the header: it is blank or not among the first rows
file-no-header = the first line is empty; it should name the columns (date, province, …)
file-empty-sheet = the sheet “{ $sheet }” is empty
file-spreadsheet = this spreadsheet cannot be read ({ $reason })
json-rows-again = the rows could not be read again
json-row-not-object = row { $row } is not an object with named fields
json-rows-array = the rows array could not be read
json-no-events = the JSON object has no "events" array; expected [ {"{"}…{"}"}, … ] or {"{"}"events": [ {"{"}…{"}"}, … ]{"}"}
json-single-value = expected a JSON array of rows or {"{"}"events": [ … ]{"}"}, not a single value
json-too-deep = it is nested too deeply to be a table of events
json-invalid = this is not valid JSON ({ $reason })
json-at = line { $line }, column { $column }: { $why }
file-cannot-write-format = the app cannot write .{ $format } files; save as .xlsx, .csv or .json
file-not-a-file-name = is not a file name
file-no-path = has no file yet; use Save As…
file-cannot-create = cannot be created: { $reason }
