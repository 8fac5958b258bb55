# 数据模型的问题说明和提示（data/date_parse.rs、figure.rs、value.rs、problems.rs、left_out.rs、
# problem_index.rs、notices.rs、io/report.rs）。

## 日期
date-empty = 为空
date-not-a-date = “{ $text }”不是日期：请使用 YYYY-MM-DD、YYYY-MM 或 YYYY（例如 2021-09-27、2021-09、2021）
date-no-day-and-month = “{ $text }”不是日期
date-year-out-of-range = 年份 { $year } 不在 { $from }–{ $to } 之间
date-ambiguous = “{ $text }”有歧义：是 { $second } 月 { $first } 日，还是 { $first } 月 { $second } 日？请为此列选择日期顺序
date-no-such-day = “{ $text }”这一天不存在
date-no-such-month = 不存在 { $month } 月
date-no-such-date = { $date } 这一天不存在

## 数值和口径
figure-empty = 为空
figure-negative = “{ $text }”是负数；数值必须大于或等于 0
figure-not-a-number = “{ $text }”不是数字
figure-separators = “{ $text }”不是数字（千位分隔符应每三位一个；小数请用 .）
figure-too-large = “{ $text }”太大
figure-not-whole = “{ $text }”不是整数
figure-ambiguous = “{ $text }”可能是 { $usual }，也可能是 { $here }（按 1,234.5 读，或按本列的数字格式 { $format } 读）；请去掉千位分隔符再输入
figure-wrong-format = “{ $text }”不符合本列的数字格式 { $format }；请重新输入，或在导入时选择数字格式
basis-invalid = “{ $text }”不是口径：请使用 event 或 running_total

## 地点、未计入的行、重复的行
problem-no-province-city = 没有省份，且城市“{ $city }”不在地名表中
problem-unknown-place = “{ $text }”不是已知的省份、地区或城市
problem-totals-row = 看起来是合计行：不计入
problem-note-row = 看起来是表格下方的注释，不是事件：不计入
problem-no-date = 没有日期：不计入图表和卡片
problem-repeat = 第 { $row } 行与第 { $first } 行完全相同；如果是同一事件，请删除其中一行

## 关于列的提示
notice-holds-numbers = “{ $name }”中是数字，目前保留为附加列：要映射它吗？
notice-more = 另有 { $count } 个附加列中是数字
notice-none-recognised = 没有识别出任何列：所有列都保留为附加列
notice-no-date-column = 没有哪一列是日期：没有任何行计入图表和卡片（请指定日期列，或添加一列）
notice-no-place-column = 没有哪一列是省份或城市：所有行都计入“未知省份”（请指定对应的列，或添加一列）

## 编辑（撤销和重做菜单中的名称）
edit-cell = 编辑第 { $row } 行的{ $column }
edit-insert-row = 插入第 { $row } 行
edit-delete-row = 删除第 { $row } 行
edit-date-order = 日期顺序改为{ $order }
edit-duplicate-rows = { $count ->
    [1] 复制第 { $row } 行
   *[other] 复制 { $count } 行
}
edit-delete-rows = { $count ->
    [1] 删除第 { $row } 行
   *[other] 删除 { $count } 行
}
edit-clear-cells = 清除 { $count } 个单元格
edit-paste-cells = 粘贴 { $count } 个单元格
date-order-unknown = 未选择
date-order-day-first = 日/月/年
date-order-month-first = 月/日/年
field-name-date = 日期
field-name-province = 省份
field-name-city = 城市
field-name-action = 行动
field-name-projects = 关停项目数
field-name-rigs = 查扣矿机数
field-name-kwh = 节约电量（千瓦时）
field-name-coal = 节约煤炭（吨）
field-name-basis = 口径
field-name-source = 来源
field-name-notes = 备注
## 导入推断中字段的名称
field-key-date = “日期”
field-key-province = “省份”
field-key-city = “城市”
field-key-action = “行动”
field-key-projects = “关停项目数”
field-key-rigs = “查扣矿机数”
field-key-kwh = “节约电量（千瓦时）”
field-key-coal = “节约煤炭（吨）”
field-key-basis = “口径”
field-key-source = “来源”
field-key-notes = “备注”

## 读取文件时的推测和警告，显示在导入预览中（io/）
guess-date-order = 数字日期按{ $order }读取（与没有歧义的日期一致）
guess-ambiguous-dates = 有些数字日期既可能是日/月，也可能是月/日：请选择日期顺序
guess-header-row = { $count ->
    [1] 表头是第 { $row } 行；跳过了它上面的第 1 行
   *[other] 表头是第 { $row } 行；跳过了它上面的第 1–{ $above } 行
}
guess-unit-row = 第 { $row } 行是各列的单位（{ $units }）：作为表头的一部分读取
guess-declared-units = 第 { $row } 行注明了表格的单位（{ $units }）：{ $columns } 按此单位读取
guess-grouped-row = 表头下的第 { $row } 行是分组列的名称（{ $names }）：作为表头的一部分读取
guess-no-known-columns = 没有一列的名称是应用认识的：请选择每一列的内容
guess-column-keyword = 列“{ $column }”读作 { $field }（根据列名中的词）
guess-column = 列“{ $column }”读作 { $field }
guess-column-lost = 第 { $number } 列（“{ $column }”）也指向 { $field }，而第 { $other_number } 列（“{ $other }”）已是该列：它保留为附加列
guess-number-format = { $columns } 中的数字按 { $format }（小数逗号）读取
guess-delimiter = 检测到的分隔符是{ $delimiter }
guess-sheet = 工作簿有 { $count } 个工作表；正在读取“{ $sheet }”
guess-encoding = 没有字节顺序标记，也不是 UTF-8：推测编码为 { $encoding }
warning-invalid-bytes = 有些字节不是有效的 { $encoding }；它们显示为替换字符
warning-cut-character = 文件在一个字符的中间结束；该字符显示为替换字符
delimiter-comma = 逗号
delimiter-semicolon = 分号
delimiter-tab = 制表符
delimiter-bar = 竖线
delimiter-other = 其他

## 无法读取或写入的文件（io/error.rs 和各读取器）
file-error = “{ $name }”：{ $message }
file-cancelled = 已取消加载
file-cannot-read = 无法读取：{ $reason }
file-cannot-save = 无法保存：{ $reason }；原来的文件没有改变
file-not-found = 文件或其所在文件夹不存在
file-permission-denied = 没有权限
file-disk-full = 磁盘已满
file-read-only = 磁盘是只读的
file-is-a-folder = 这是文件夹，不是文件
file-empty = 文件是空的
file-not-a-workbook = 这不是 { $format } 电子表格（其内容不是工作簿）
file-damaged = 此电子表格已损坏或不完整，无法读取
file-unknown-encoding = 未知编码“{ $name }”
file-not-text = 这不是文本文件（第 { $at } 个字节处有二进制数据）；请打开 CSV、TSV、JSON 或电子表格文件
edit-error-row = 第 { $row } 行不存在
edit-error-column = 第 { $column } 列不存在
edit-error-insert = 无法在第 { $row } 行插入
file-bad-delimiter = 字节 { $byte } 不能用作分隔符；请使用逗号、分号、制表符或 |
file-not-a-header = 第 { $row } 行不能作为表头：它是空行，或不在前几行之中
file-no-header = 第一行是空的；它应当是各列的名称（date、province……）
file-empty-sheet = 工作表“{ $sheet }”是空的
file-spreadsheet = 无法读取此电子表格（{ $reason }）
json-rows-again = 无法再次读取这些行
json-row-not-object = 第 { $row } 行不是带有字段名的对象
json-rows-array = 无法读取行数组
json-no-events = 此 JSON 对象没有 "events" 数组；应为 [ {"{"}…{"}"}, … ] 或 {"{"}"events": [ {"{"}…{"}"}, … ]{"}"}
json-single-value = 应为由行组成的 JSON 数组或 {"{"}"events": [ … ]{"}"}，而不是单个值
json-too-deep = 嵌套太深，不是事件表
json-invalid = 这不是有效的 JSON（{ $reason }）
json-at = 第 { $line } 行第 { $column } 列：{ $why }
file-cannot-write-format = 应用无法写入 .{ $format } 文件；请另存为 .xlsx、.csv 或 .json
file-not-a-file-name = 不是文件名
file-no-path = 还没有文件；请使用“另存为…”
file-cannot-create = 无法创建：{ $reason }
