//! Work that is too slow for a frame (sorting or searching a million rows, listing problems)
//! runs on a worker thread over a shared snapshot of the document; until it is done the last
//! result stays in use. No egui here: the caller passes a `notify` that asks for a repaint.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A value computed for a key, on this thread when it is cheap, else on a worker.
pub struct Background<K, V> {
    done: Option<(K, Arc<V>)>,
    job: Option<(K, Receiver<V>)>,
}

impl<K, V> Default for Background<K, V> {
    fn default() -> Self {
        Background {
            done: None,
            job: None,
        }
    }
}

impl<K: Clone + PartialEq, V: Send + 'static> Background<K, V> {
    /// The value for `key`, and whether it is current. When `inline`, computes it now; otherwise
    /// starts `compute` on a worker (once per key; `notify` runs when it is done) and returns the
    /// last value meanwhile, if any.
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
        if self.job.as_ref().is_none_or(|(k, _)| k != key) {
            let (tx, rx) = channel();
            let spawned = std::thread::Builder::new()
                .name("background".into())
                .spawn(move || {
                    // The receiver may be gone (a newer key replaced this job): nothing to do.
                    if tx.send(compute()).is_ok() {
                        notify();
                    }
                });
            // If no thread can start, the last value stays; the next call tries again.
            self.job = spawned.is_ok().then(|| (key.clone(), rx));
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
    }

    fn poll(&mut self) {
        let Some((key, rx)) = &self.job else { return };
        match rx.try_recv() {
            Ok(v) => {
                self.done = Some((key.clone(), Arc::new(v)));
                self.job = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.job = None,
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
}
