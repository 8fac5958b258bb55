# 表格（ui/table/）：工具栏、表头、单元格、行操作、右键菜单
table-search = 搜索
table-search-hint = 搜索文本列
table-only-problems = 只显示有问题的行
table-cells-to-check = { $cells } 个单元格需要检查
table-rows-to-check = { $rows } 个重复行需要检查
table-cells-and-rows-to-check = { $cells } 个单元格和 { $rows } 个重复行需要检查
table-problems-hint = 红色单元格无法解析；将指针停在上面可查看原因。它们按输入原样保留。重复行列在问题面板中。
table-left-out = { $count } 行未计入合计
table-left-out-hint = 合计行、表格下方的注释以及有数值但没有有效日期的行不在任何图表或卡片中；它们列在问题面板中。
table-rows = { $rows } 行
table-rows-of = { $shown } / { $rows } 行
table-showing-no-date = 正在显示没有日期的行
table-showing-totals = 正在显示合计行
table-showing-notes = 正在显示表下注释
table-show-all-rows = 显示所有行
table-show-all-rows-hint = 重新显示每一行（仍按省份和日期筛选）
table-insert-above = 在上方插入行
table-insert-below = 在下方插入行
table-duplicate-rows = { $count ->
    [1] 复制行
   *[other] 复制 { $count } 行
}
table-delete-rows = { $count ->
    [1] 删除行
   *[other] 删除 { $count } 行
}
table-insert-above-hint = 在所选行上方插入一个空行（选中整行时按 Ctrl++）
table-insert-below-hint = 在所选行下方插入一个空行
table-duplicate-hint = 将所选行复制到它们下方
table-delete-hint = 删除所选行（选中整行时按 Ctrl+-）
table-sort-hint = 点击排序：升序、降序、文件顺序
table-sort-by = 按{ $title }排序
table-select-row = 选择第 { $row } 行
table-basis-event = 单次事件
table-basis-running-total = 累计数
table-cell = { $title }，第 { $row } 行：{ $shown }
table-edit-cell = 编辑{ $title }，第 { $row } 行
table-empty = 空
table-cell-problem = { $problem }
    文本按输入原样保留；此单元格不计入。
table-totals-word-hint = 这一行看起来是合计行，所以其数值不计入（否则它汇总的行会被计算两次）。如果它是真实的行，请右键点击它：计入此行。
table-note-row-hint = 这一行看起来是表格下方的注释（注：、数据来源：），不是事件，所以不计入。如果它是真实的行，请右键点击它：计入此行。
table-count-row = 计入此行
table-count-row-hint = 这一行看起来是合计行（合计、Total），所以其数值不计入。如果它是真实的行，请将它计入：其口径会变为“counted”（可用 Ctrl+Z 撤销）。
table-count-row-name = 将第 { $row } 行计入合计

## 列标题
table-column-date = 日期
table-column-province = 省份
table-column-city = 城市
table-column-action = 行动
table-column-projects = 关停项目数
table-column-rigs = 查扣矿机数
table-column-kwh = 节约电量（千瓦时）
table-column-coal = 节约煤炭（吨）
table-column-basis = 口径
table-column-source = 来源
table-column-notes = 备注
