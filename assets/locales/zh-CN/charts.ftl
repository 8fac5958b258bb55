# 图表：指标名称、标题行、坐标轴、图例、悬停提示（ui/charts/），“关于此图表”一句，以及导出图片的默认文字（ui/words.rs）。

## 指标名称：作标题，及在句中
metric-projects = 关停挖矿项目
metric-rigs = 查获矿机
metric-kwh = 节约电量
metric-coal = 节约煤炭
metric-projects-lower = 关停挖矿项目
metric-rigs-lower = 查获矿机
metric-kwh-lower = 节约电量
metric-coal-lower = 节约煤炭

## 标题行
chart-total = · { $total }
chart-mode-cumulative = （累计）
chart-mode-per = （按{ $period }）
chart-export = 导出…
chart-export-name = 导出… { $metric }
chart-export-hint = 将{ $metric }图表保存或复制为 PNG 或 SVG 图片

## 图例
chart-no-figures = 可见行中没有这项指标的数字
legend-hide-hint = 在所有图表、卡片和表格中隐藏{ $place }
legend-show-hint = 在所有图表、卡片和表格中显示{ $place }
legend-hide-name = 隐藏{ $place }（{ $metric }）
legend-show-name = 显示{ $place }（{ $metric }）

## 悬停提示
tooltip-no-figures = 这一期没有数字
events-count = { $n } 次行动
tooltip-line = { $place }：{ $value }（{ $events }）
tooltip-line-cumulative = { $place }：累计 { $level }（本期 { $value }，{ $events }）
tooltip-more = …另有 { $n } 项

## 省份列表中的行数（ui/filters.rs）
provinces-rows-hint = 有数字的行

## “关于此图表”一句
about-no-figures = 所显示的行中没有{ $what }的数字。
about-share = { $place }占{ $years }{ $what }的{ $percent }%
about-all = { $years }{ $what }全部来自{ $place }
about-in-year = { $year }年
about-in-years = { $from }–{ $to }年
about-event = 单次最大的一起是{ $date }在{ $at }{ $amount }
about-event-amount = { $what }{ $amount }
about-on-date = { $date }
about-with-event = { $share }；{ $event }。
about-without-event = { $share }。
about-join = {""}

## 导出图片的默认文字（导出对话框预先填好）
picture-chart-title = { $metric }（按省份）
picture-chart-subtitle = { $metric }，{ $kind } · { $filters }
picture-dashboard-title = 中国整治虚拟货币挖矿
picture-dashboard-subtitle = 关停项目、矿机、电量和煤炭，{ $kind } · { $filters }
picture-kind-bars = 按{ $period }，按省份堆叠
picture-kind-cumulative = 按{ $period }累计，分省份
picture-kind-multiples = 按{ $period }，每省一幅小图，刻度相同
picture-kind-ranking = 各省合计
picture-provinces = { $n } 个省份
picture-only = 仅{ $names }
picture-hidden = 已隐藏：{ $names }{ $more }
picture-and-more = 等另外 { $n } 个
picture-footer = 来源：{ $file }
picture-footer-sources = 来源：{ $file }；{ $sources }{ $more }
picture-list-separator = 、
picture-parts-separator = {" · "}

## 导出对话框的标题（ui/export_dialog.rs）
export-heading-chart = 导出“{ $metric }”图表
export-heading-dashboard = 导出仪表板

## 时期（悬停提示的标题、地图的时间滑块）
period-month = { $year }年{ $m }月
period-quarter = { $year }年第{ $quarter }季度
period-year = { $year }年

## 导出后状态栏中的消息（app/export.rs）
picture-msg-exported = 已导出 { $path }（{ $size }）
picture-msg-png-size = { $w }×{ $h } 像素
picture-msg-svg-size = SVG，{ $w }×{ $h }
picture-msg-export-failed = 无法导出 { $error }
picture-msg-copied = 已复制{ $what }图片（{ $w }×{ $h } 像素）
picture-msg-dashboard = 仪表板
picture-msg-map = 地图
picture-map-title = { $metric }（省份地图）
picture-map-subtitle = { $metric }，{ $mode } · { $filters }
picture-map-cumulative = 累计
picture-map-range = 整个日期范围
picture-msg-copy-failed = 无法复制图片：{ $error }
