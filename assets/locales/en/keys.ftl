# The keyboard and screen readers: names of widgets that show no text of their own.

# The table as one stop in the Tab order, named after its active cell.
keys-table = Table
keys-table-cell = Table, { $column }, row { $row }: { $value }
keys-table-empty = empty

# A chart's plot, a stop in the Tab order (its description is the "About this chart" text).
keys-chart = Chart: { $metric }
