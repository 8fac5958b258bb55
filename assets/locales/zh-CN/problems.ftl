# 问题面板（ui/problems.rs）和崩溃提示（app/crash_notice.rs）
problems-title = 问题（{ $count }）
problems-hint = 单元格按输入原样保留；修正后才计入。点击一项即可编辑。
problems-none = 没有需要检查的内容。
problems-row-column = 第 { $row } 行 · { $column }
problems-row = 第 { $row } 行
problems-columns-title = 需要检查的列（{ $count }）
crash-quiet = 应用上次没有正常关闭；没有丢失未保存的内容
crash-title = 挖矿整治仪表板上次意外关闭
crash-error = 错误：{ $message }（位于 { $place }，{ $time }）
crash-log-file = 日志文件：{ $path }
crash-open-log-folder = 打开日志文件夹
crash-copy-report = 复制报告
crash-close = 关闭
problems-item = 问题：{ $place }：{ $message }
problems-columns-hint = 这些列的数值不在图表和卡片中。请重新打开文件，在导入预览中选择每一列的内容。
