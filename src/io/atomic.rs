//! [`atomic_write`]: saving a file so that a failure at any point leaves the old one as it was.

use std::fs;
use std::io::Write;
use std::path::Path;

use super::error::{ErrorKind, FileError, err, write_error};

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it over `path`, so a
/// failure at any point leaves the old file as it was.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| err(path, ErrorKind::Write, crate::msg!("file-not-a-file-name")))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.flush()?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        write_error(path, e)
    })
}
