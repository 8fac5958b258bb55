//! Reading a file's bytes: a whole file in parallel parts ([`read_file`]), and the positioned
//! reads the chunked reader uses. Nothing here parses.

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use super::error::{FileError, cancelled, read_error};
use super::progress::Progress;

/// Reads a whole file, large ones in parallel parts (the copy from the page cache is a good
/// part of opening a big file), counting bytes into `progress` (its first half) and stopping
/// when cancelled.
pub fn read_file(path: &Path, progress: &Progress) -> Result<Vec<u8>, FileError> {
    let reason = |e: std::io::Error| read_error(path, e);
    let file = fs::File::open(path).map_err(reason)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0) as usize;
    let total = (size as u64).max(1) * 2;
    progress.set(0, total);
    let done = AtomicU64::new(0);
    let read_part = |buf: &mut [u8], offset: usize| -> Result<usize, FileError> {
        let mut at = 0;
        while at < buf.len() {
            if progress.is_cancelled() {
                return Err(cancelled(path));
            }
            let end = (at + (4 << 20)).min(buf.len());
            let n = read_at(&file, &mut buf[at..end], (offset + at) as u64).map_err(reason)?;
            if n == 0 {
                break;
            }
            at += n;
            let d = done.fetch_add(n as u64, Relaxed) + n as u64;
            progress.set(d, total);
        }
        Ok(at)
    };
    let mut bytes = vec![0u8; size];
    let parts = if size < 8 << 20 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    };
    let part_len = size.div_ceil(parts).max(1);
    let counts: Vec<Result<usize, FileError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = bytes
            .chunks_mut(part_len)
            .enumerate()
            .map(|(i, chunk)| {
                let read_part = &read_part;
                scope.spawn(move || read_part(chunk, i * part_len))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for (i, c) in counts.into_iter().enumerate() {
        let n = c?;
        if n < part_len.min(size - i * part_len) {
            // The file shrank while it was read: keep what came before the gap.
            bytes.truncate(i * part_len + n);
            return Ok(bytes);
        }
    }
    // A file that grew while it was read: take the rest too.
    use std::io::{Read, Seek};
    let mut f = &file;
    if f.seek(std::io::SeekFrom::Start(size as u64)).is_ok() {
        f.read_to_end(&mut bytes).map_err(reason)?;
    }
    Ok(bytes)
}

#[cfg(unix)]
fn read_at(file: &fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

/// Fills `buf` from `offset` until it is full or the file ends; returns the bytes read.
pub(crate) fn read_full(file: &fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    let mut at = 0;
    while at < buf.len() {
        match read_at(file, &mut buf[at..], offset + at as u64) {
            Ok(0) => break,
            Ok(n) => at += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(at)
}
