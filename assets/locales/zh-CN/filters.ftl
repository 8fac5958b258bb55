# 筛选面板（ui/filters.rs）
filters-group-by = 分组
filters-per-period = 按期
filters-per-period-hint = 柱状图：每期新增
filters-cumulative = 累计
filters-cumulative-hint = 折线图：各省累计
filters-all-dates = 全部日期
filters-provinces = 省份
filters-show-all = 全部显示
filters-hide-all = 全部隐藏
filters-from = 从
filters-to = 到
filters-invalid-date = 日期无效
