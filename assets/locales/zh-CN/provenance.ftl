# 数字背后的事件：图表和地图的提示、固定的弹出框、表格中的来源链接（ui/events.rs、ui/table/body.rs）
provenance-heading = 此数字背后的事件
provenance-more = …… 另有 { $n } 条
provenance-open = 打开网页 { $domain }
provenance-title = { $place } · { $when }
provenance-pinned = { $title } 背后的事件
provenance-table-open = 打开
provenance-table-open-hint = 打开此来源的网页（单击单元格其他位置可编辑）
provenance-table-open-name = 打开第 { $row } 行的来源：{ $domain }
