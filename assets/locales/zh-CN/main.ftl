# 应用名称及各处共用的文字。每个部分有自己的文件，各语言文件夹中同名（views.ftl、look.ftl、keys.ftl……）。
app-name = 挖矿整治仪表板
rows-count = { $count } 行

## 菜单栏（app/menu.rs）
menu-file = 文件
menu-edit = 编辑
menu-data = 数据
menu-view = 视图
menu-help = 帮助
menu-open-sample = 打开示例数据
menu-open = 打开…
menu-open-recent = 最近打开
menu-save = 保存
menu-save-as = 另存为…
menu-export-dashboard = 导出仪表板…
menu-quit = 退出
menu-no-recent = 没有最近的文件
menu-clear-recent = 清除列表
menu-date-order = 将 03/04/2021 这样的数字日期读作
menu-per-period = 按期（柱状图）
menu-cumulative = 累计（折线图）
menu-show-all = 显示全部省份和日期
menu-language = 语言
menu-language-system = 跟随系统

## 状态栏（app/status.rs）
status-problems = { $count ->
    [0] 没有问题
   *[other] { $count } 个问题
}
status-problems-hint = 显示或隐藏问题列表
