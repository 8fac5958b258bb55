//! [`Progress`]: the shared progress of a load running on another thread (bytes done of total)
//! and its cancel flag.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};

/// Shared progress of a load running on another thread: bytes done of total, and a cancel flag.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
}

impl Progress {
    /// Work done and total, in bytes (reading counts the file once, parsing once more).
    pub fn get(&self) -> (u64, u64) {
        (self.done.load(Relaxed), self.total.load(Relaxed))
    }

    /// Sets the work done and the total (the readers report through this).
    pub(crate) fn set(&self, done: u64, total: u64) {
        self.total.store(total, Relaxed);
        self.done.store(done.min(total), Relaxed);
    }

    /// Asks the load to stop; it ends with an error that says so.
    pub fn cancel(&self) {
        self.cancel.store(true, Relaxed);
    }

    /// True once [`Progress::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Relaxed)
    }
}
