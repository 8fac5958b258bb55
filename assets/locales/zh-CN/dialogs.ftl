# 应用的对话框：加载、恢复提示、错误、未保存的更改（app/dialogs.rs）
dialog-opening = 正在打开“{ $name }”
dialog-cancel-loading = 取消加载
dialog-loading-cancelled = 已取消加载；原先打开的数据没有改变
dialog-restore-title = 恢复未保存的更改？
dialog-error-title = 出错了
dialog-ok = 确定
dialog-unsaved-title = 未保存的更改
dialog-unsaved-closing = 关闭前保存对“{ $name }”的更改吗？
dialog-unsaved-opening = 打开另一个文件前保存对“{ $name }”的更改吗？
dialog-save = 保存
dialog-dont-save = 不保存
dialog-cancel = 取消
dialog-recovery-kept = 应用上次意外关闭时，“{ $name }”有未保存的更改。这些更改已于 { $time } 保留。
dialog-recovery-changed = 此后磁盘上的文件已被修改：恢复将显示保留的版本，保存则会覆盖文件中较新的内容。
dialog-restore = 恢复
dialog-discard = 放弃
