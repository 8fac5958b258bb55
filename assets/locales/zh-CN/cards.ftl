# 汇总卡片及其关于未计入行的说明（ui/cards.rs）
card-provinces = 省份
card-date-span = 日期范围
card-no-dated-rows = 没有带日期的行
card-name = { $title }：{ $value }
cards-left-out-no-date = { $n } 行没有日期，未计入
cards-left-out-totals = { $n } 个合计行未计入
cards-left-out-notes = { $n } 行表下注释未计入
cards-left-out-no-date-hint = 在表格中显示这些行：为每行填上日期即可计入
cards-left-out-totals-hint = 在表格中显示这些行：合计行（合计、Total）是其他行之和，因此不再重复计入；如果它是真实的一行，可在问题面板中将其计入
cards-left-out-notes-hint = 在表格中显示这些行：表下注释（注：…、数据来源：…）不是事件，其中的数字不计入；如果它是真实的一行，可在问题面板中将其计入
