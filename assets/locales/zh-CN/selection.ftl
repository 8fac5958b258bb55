# 各视图共同选中的省份（ui/table/toolbar.rs、ui/charts/）：表格上方的标签、图例和图表的无障碍说明。
selection-rows = { $place }：{ $rows } 行
selection-show-all = 显示所有行
selection-show-all-name = 显示所有行（取消选中{ $place }）
selection-show-all-hint = 取消选中省份：表格重新显示每一行，图表和地图不再突出显示任何省份（按 Esc 键也可以）
selection-chart = 已选中{ $place }。
selection-legend-hint = 已在各视图中选中{ $place }：再次点击它的柱形或折线，或按 Esc 键，即可取消选中
