# The chart kinds beyond bars and lines (ui/charts/multiples.rs, ui/charts/ranking.rs), their
# choices in the filter bar and the View menu, and "top N and Other" (ui/charts/other.rs).

## The filter bar and the View menu
views-multiples = 分省小图
views-multiples-hint = 每个省份一张小图，坐标轴相同，按合计从大到小排列
views-ranking = 排名
views-ranking-hint = 各省份在所选日期范围内的合计，最大的在最上面
menu-multiples = 分省小图（每省一张）
menu-ranking = 排名（各省合计）
views-show = 显示：
views-show-all = 全部
views-show-top = 前 { $n } 名
views-show-hint = 柱状图和折线图只保留合计最大的省份，其余合并为“其他”

## Small multiples and ranking
views-panel-title = { $place } · { $value }
views-panel-scale = { $axis }；每张小图从 0 到 { $top }
views-panel-name = { $metric }小图：{ $place }，{ $value }
views-bar-name = { $metric }排名：{ $place }，{ $value }
views-mode-ranking = （所选日期范围内的合计）
views-tip-total = 合计：{ $value }
views-tip-select = 点击可在所有视图中选中{ $place }

## Top N and Other
views-other = 其他
views-other-label = 其他（{ $n } 个省份）
views-other-name = { $label }：{ $value }（{ $metric }）
views-other-hint = 合并为“其他”的省份：{ $places }
