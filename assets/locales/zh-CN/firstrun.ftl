# 首次使用：示例数据上方的提示条，以及 帮助 ▸ 数据格式…（ui/tips.rs、ui/data_format.rs、app/firstrun.rs）。

## 提示条（ui/tips.rs）
firstrun-tips = 提示：
firstrun-tip-open = 打开自己的文件：{ $file } › { $open }，或把文件拖到这里
firstrun-tip-edit = 点击单元格即可编辑
firstrun-tip-export = 导出图表，放进你的报告
firstrun-dismiss = 关闭
firstrun-dismiss-name = 关闭提示
firstrun-dismiss-hint = 隐藏这些提示，以后不再显示

## 帮助 ▸ 数据格式…（ui/data_format.rs）
firstrun-menu-data-format = 数据格式…
firstrun-format-title = 数据格式
firstrun-format-intro = 每行一个报道的事件，第一行是列名。列名不区分大小写，忽略空格、下划线和标点，英文、中文均可，也按列名的意思识别（关停项目数、seized miners (units)）。应用不认识的列会保留，保存时原样写回。
firstrun-format-column = 列名
firstrun-format-holds = 内容
firstrun-format-unit = 单位
firstrun-format-also = 也可写作
firstrun-format-date = 事件发生的日、月或年
firstrun-format-province = 34 个省级行政区之一，任何写法均可（内蒙古、Inner Mongolia、CN-NM），也可以是属于某省的城市，或全国（National）
firstrun-format-city = 可选；省份为空时，由已知的城市得出省份
firstrun-format-action = 可选：发生了什么
firstrun-format-projects = 关停的挖矿项目
firstrun-format-rigs = 查扣的矿机
firstrun-format-kwh = 节约电量
firstrun-format-coal = 节约标准煤
firstrun-format-basis = { $event }（默认，为空时也是）或 { $total }：该行报告的是截至当时的累计数
firstrun-format-source = 可选：数字的来源
firstrun-format-notes = 可选：说明及其他数字
firstrun-unit-text = 文本
firstrun-unit-date = 日期
firstrun-unit-count = 个数
firstrun-unit-kwh = 千瓦时
firstrun-unit-tonnes = 吨
firstrun-format-units = 数字列的列名中带有单位时，按该单位换算：{ $examples }。
firstrun-format-dates = 日期：{ $examples }。只有月或年的日期从当月或当年的第一天算起；03/04/2021 这样的日期是日/月还是月/日，根据文件中不会混淆的日期判断。
firstrun-format-numbers = 数字：{ $examples }。“约”、“10,000+”等表示约数的写法会随数值保留。
firstrun-format-template = 模板只有列名这一行，这样不会有示例行混进你的数据。
firstrun-save-csv = 保存 CSV 模板…
firstrun-save-xlsx = 保存 .xlsx 模板…
firstrun-save-title = 保存模板
firstrun-template-saved = 模板已保存：{ $path }
firstrun-template-failed = 无法保存模板 { $error }
