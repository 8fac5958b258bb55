# The import preview (ui/preview.rs, ui/preview_choices.rs)
preview-title = Import “{ $name }”
preview-intro = Check how the file will be read. Change anything that looks wrong.
preview-map-to = Map “{ $column }” to
preview-extra-column = extra column
preview-keep-extra = keep as extra column
preview-choice-column = column “{ $column }”: { $field }
preview-format = Format
preview-encoding = Encoding
preview-choice-encoding = encoding: { $encoding }
preview-delimiter = Delimiter
preview-choice-delimiter = delimiter: { $delimiter }
preview-sheet = Sheet
preview-choice-sheet = sheet: { $sheet }
preview-date-order = Date order
preview-date-order-name = Date order: { $order }
preview-choice-date-order = date order: { $order }
preview-header-row = Header row
preview-header-row-name = Header row: { $row }
preview-choice-header-row = header row: { $row }
preview-row = row { $row }
preview-row-text = row { $row }: { $text }
preview-number-format = Number format
preview-number-format-name = Number format: { $format }
preview-choice-number-format = number format: { $format }
preview-number-point = 1,234.5 (decimal point)
preview-number-comma = 1.234,5 (decimal comma, dot thousands)
preview-number-space = 1 234,5 (decimal comma, space thousands)
preview-number-except = except { $columns }
preview-columns = Columns
preview-column-holds = Column “{ $column }” holds
preview-guessed = guessed
preview-guessed-hint = read from the column's name: change it if it is wrong
preview-first-rows = { $problems ->
    [one] First rows as they will be read ({ $rows } rows, { $problems } problem):
   *[other] First rows as they will be read ({ $rows } rows, { $problems } problems):
}
preview-left-out = { $count ->
    [one] { $count } row is left out of the sums (totals rows, notes under the table, rows without a date): listed in the problems panel once opened
   *[other] { $count } rows are left out of the sums (totals rows, notes under the table, rows without a date): listed in the problems panel once opened
}
preview-open = Open
preview-cancel = Cancel
preview-redo-hint = Ctrl+Y or Ctrl+Shift+Z
