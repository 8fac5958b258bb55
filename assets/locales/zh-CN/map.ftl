# 地图及“图表 | 地图”切换（ui/map/）
map-switch-charts = 图表
map-switch-charts-hint = 随时间变化的柱状图或折线图，每项数字一张
map-switch-map = 地图
map-switch-map-hint = 按一项数字着色的省级地图
map-colour-by = 着色依据
map-pause = 暂停
map-pause-hint = 停在这一期
map-play = 播放
map-play-hint = 逐期播放
map-whole-range = 整个时间范围
map-whole-range-hint = 筛选条件的整个日期范围
map-no-data = 无数据
map-time-by = 时间（按{ $period }）
