# 时间图上的政策时间线（ui/charts/markers.rs）：禁令、通知、电价加价和全国性措施的标记，
# 悬停提示、无障碍名称和开关。

timeline-switch = 政策时间线
timeline-switch-hint = 在时间图底部以标记显示禁令、通知、电价加价和全国性措施
timeline-tooltip-title = 政策时间线
# $n 为写好的数字
timeline-more = …… 另有 { $n } 条
# 屏幕阅读器读出的一天的标记：“政策事件，2021-05-21，全国：……”
timeline-node = 政策事件，{ $date }，{ $events }
timeline-node-event = { $place }：{ $text }
