# The app's dialogs: loading, recovery offer, error, unsaved changes (app/dialogs.rs)
dialog-opening = Opening “{ $name }”
dialog-cancel-loading = Cancel loading
dialog-loading-cancelled = Loading cancelled; the data that was open is unchanged
dialog-restore-title = Restore unsaved changes?
dialog-error-title = Something went wrong
dialog-ok = OK
dialog-unsaved-title = Unsaved changes
dialog-unsaved-closing = Save the changes to “{ $name }” before closing?
dialog-unsaved-opening = Save the changes to “{ $name }” before opening another file?
dialog-save = Save
dialog-dont-save = Don't Save
dialog-cancel = Cancel
dialog-recovery-kept = The app closed unexpectedly while “{ $name }” had unsaved changes. They were kept at { $time }.
dialog-recovery-changed = The file on disk has changed since then: restoring shows the kept version, and saving it would replace the file's newer content.
dialog-restore = Restore
dialog-discard = Discard
