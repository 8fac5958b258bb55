//! Work that is too slow for a frame (sorting or searching a million rows, listing problems,
//! reading a large file) runs on a worker thread; until it is done the last result stays in use.
//! A worker that panics does not leave its caller waiting: the panic is caught on the worker,
//! logged, and handed back as a [`WorkerPanic`] the window shows as an error message. No egui
//! here: the caller passes a `notify` that asks for a repaint.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::logging::panic_text;

/// A worker thread panicked: what it was doing and the panic's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkerPanic {
    /// The worker thread's name (`load-file`, `background`, …).
    pub worker: String,
    /// The panic's message.
    pub message: String,
}

impl std::fmt::Display for WorkerPanic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the {} worker stopped unexpectedly ({}). This is a bug; the log file has the details",
            self.worker, self.message
        )
    }
}

impl std::error::Error for WorkerPanic {}

/// A job on a named worker thread whose result, or panic, arrives once.
pub struct Worker<V> {
    rx: Receiver<Result<V, WorkerPanic>>,
}

impl<V: Send + 'static> Worker<V> {
    /// Starts `compute` on a thread named `name`; `notify` runs when it is done, whether it
    /// returned or panicked. Fails only when no thread can be started.
    pub fn spawn(
        name: &str,
        compute: impl FnOnce() -> V + Send + 'static,
        notify: impl FnOnce() + Send + 'static,
    ) -> std::io::Result<Self> {
        let (tx, rx) = channel();
        let worker = name.to_owned();
        std::thread::Builder::new()
            .name(worker.clone())
            .spawn(move || {
                // The closure owns what it works on; after a panic none of it is used again.
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(compute))
                    .map_err(|payload| {
                        let failure = WorkerPanic {
                            worker,
                            message: panic_text(payload.as_ref()),
                        };
                        log::error!("{failure}");
                        failure
                    });
                // The receiver may be gone (a newer job replaced this one): nothing to do.
                if tx.send(result).is_ok() {
                    notify();
                }
            })?;
        Ok(Worker { rx })
    }

    /// The result once the job is done; `None` while it runs.
    pub fn poll(&self) -> Option<Result<V, WorkerPanic>> {
        match self.rx.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            // The thread ended without sending: a panic while reporting a panic, or a thread
            // stopped without unwinding.
            Err(TryRecvError::Disconnected) => Some(Err(WorkerPanic {
                worker: "unknown".to_owned(),
                message: "the worker ended without a result".to_owned(),
            })),
        }
    }
}

/// A value computed for a key, on this thread when it is cheap, else on a worker.
pub struct Background<K, V> {
    done: Option<(K, Arc<V>)>,
    job: Option<(K, Worker<V>)>,
    /// The key whose worker panicked, and how: not started again for that key.
    failed: Option<(K, WorkerPanic)>,
    /// A failure not yet taken by [`Background::take_failure`].
    unreported: Option<WorkerPanic>,
}

impl<K, V> Default for Background<K, V> {
    fn default() -> Self {
        Background {
            done: None,
            job: None,
            failed: None,
            unreported: None,
        }
    }
}

impl<K: Clone + PartialEq, V: Send + 'static> Background<K, V> {
    /// The value for `key`, and whether it is current. When `inline`, computes it now; otherwise
    /// starts `compute` on a worker (once per key; `notify` runs when it is done) and returns the
    /// last value meanwhile, if any. A key whose worker panicked is not started again: the last
    /// value stays, and [`Background::take_failure`] tells what happened.
    pub fn get(
        &mut self,
        key: &K,
        inline: bool,
        compute: impl FnOnce() -> V + Send + 'static,
        notify: impl FnOnce() + Send + 'static,
    ) -> (Option<Arc<V>>, bool) {
        self.poll();
        if let Some((k, v)) = &self.done
            && k == key
        {
            return (Some(Arc::clone(v)), true);
        }
        if inline {
            self.job = None;
            let v = Arc::new(compute());
            self.done = Some((key.clone(), Arc::clone(&v)));
            return (Some(v), true);
        }
        let failed = self.failed.as_ref().is_some_and(|(k, _)| k == key);
        if !failed && self.job.as_ref().is_none_or(|(k, _)| k != key) {
            // If no thread can start, the last value stays; the next call tries again.
            self.job = Worker::spawn("background", compute, notify)
                .ok()
                .map(|w| (key.clone(), w));
        }
        (self.done.as_ref().map(|(_, v)| Arc::clone(v)), false)
    }

    /// The last value, whatever its key (none is started).
    pub fn last(&mut self) -> Option<Arc<V>> {
        self.poll();
        self.done.as_ref().map(|(_, v)| Arc::clone(v))
    }

    /// True while a worker is computing.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// A worker's panic not yet reported, once (for an error message).
    pub fn take_failure(&mut self) -> Option<WorkerPanic> {
        self.poll();
        self.unreported.take()
    }

    /// Replaces the last value (for example with a copy fixed up for a shorter document) and
    /// returns it; `None` when there is no last value.
    pub fn replace_last(&mut self, value: V) -> Option<Arc<V>> {
        let (_, v) = self.done.as_mut()?;
        *v = Arc::new(value);
        Some(Arc::clone(v))
    }

    /// Forgets everything (a new document).
    pub fn clear(&mut self) {
        self.done = None;
        self.job = None;
        self.failed = None;
    }

    fn poll(&mut self) {
        let Some((key, worker)) = &self.job else {
            return;
        };
        match worker.poll() {
            None => {}
            Some(Ok(v)) => {
                self.done = Some((key.clone(), Arc::new(v)));
                self.job = None;
            }
            Some(Err(failure)) => {
                self.failed = Some((key.clone(), failure.clone()));
                self.unreported = Some(failure);
                self.job = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_result_arrives_and_the_last_value_serves_meanwhile() {
        let mut b: Background<u32, u32> = Background::default();
        assert_eq!(b.get(&1, true, || 10, || {}), (Some(Arc::new(10)), true));
        let (gate_tx, gate_rx) = channel::<()>();
        let (v, current) = b.get(
            &2,
            false,
            move || {
                gate_rx.recv().ok();
                20
            },
            || {},
        );
        assert_eq!((v, current), (Some(Arc::new(10)), false));
        assert!(b.is_busy());
        gate_tx.send(()).unwrap();
        let start = std::time::Instant::now();
        loop {
            let (v, current) = b.get(&2, false, || unreachable!("started once"), || {});
            if current {
                assert_eq!(v, Some(Arc::new(20)));
                break;
            }
            assert!(start.elapsed().as_secs() < 10);
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert!(!b.is_busy());
    }

    #[test]
    fn a_worker_that_panics_reports_it_and_is_not_started_again() {
        let mut b: Background<u32, u32> = Background::default();
        let (done_tx, done_rx) = channel::<()>();
        let (v, current) = b.get(
            &1,
            false,
            || panic!("bad cell"),
            move || done_tx.send(()).unwrap(),
        );
        assert_eq!((v, current), (None, false));
        done_rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("notify runs after a panic too");
        let failure = b.take_failure().expect("the panic is reported");
        assert_eq!(failure.worker, "background");
        assert_eq!(failure.message, "bad cell");
        assert!(failure.to_string().contains("stopped unexpectedly"));
        assert!(!b.is_busy());
        assert_eq!(b.take_failure(), None, "reported once");
        let again = b.get(&1, false, || unreachable!("not started again"), || {});
        assert_eq!(again, (None, false));
        assert_eq!(b.get(&2, true, || 7, || {}), (Some(Arc::new(7)), true));
    }
}
