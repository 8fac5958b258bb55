# 键盘与读屏软件：自身不显示文字的控件的名称。

# 表格在 Tab 顺序中只占一站，以当前单元格命名。
keys-table = 表格
keys-table-cell = 表格，{ $column }，第 { $row } 行：{ $value }
keys-table-empty = 空

# 图表的绘图区，Tab 顺序中的一站（其描述为“关于此图表”的文字）。
keys-chart = 图表：{ $metric }
