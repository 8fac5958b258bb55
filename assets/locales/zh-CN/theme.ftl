# 浅色与深色主题（视图 ▸ 主题）。
menu-theme = 主题
menu-theme-system = 跟随系统
menu-theme-light = 浅色
menu-theme-dark = 深色
