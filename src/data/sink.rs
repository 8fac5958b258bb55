//! [`LoadSink`]: what the file readers (`crate::io`) hand the rows they read to, so that whatever the caller sums
//! over a document (the dashboard's aggregates) is summed while the file is read, on the threads
//! that read it. The readers are generic over the sink (no dynamic call per row); this module
//! knows nothing of what is summed.

use std::ops::Range;

use super::document::Document;

/// Sums made over the rows of a document while it is read: one sink per part of the file, each
/// on the part's own thread, joined once the parts are read (beside the joining of the parts'
/// rows). `()` sums nothing.
pub trait LoadSink: Default + Send {
    /// What the joined sinks give.
    type Output: Send;

    /// Adds the document's rows in `rows` (each row of a part is added once, when the part is
    /// read).
    fn add_rows(&mut self, doc: &Document, rows: Range<usize>);

    /// The document's rows in `rows` were just read (called in order, every few thousand rows,
    /// while they are still in the processor's cache), for work that gains from looking at rows
    /// then. [`LoadSink::add_rows`] is called for them all the same once the part is read.
    #[inline]
    fn rows_read(&mut self, _doc: &Document, _rows: Range<usize>) {}

    /// The sums of the whole file, from the sinks of its parts (in file order).
    fn join(parts: Vec<Self>) -> Self::Output;

    /// The sums of a whole document, for a document that was not summed while it was read.
    fn sum(doc: &Document) -> Self::Output;
}

/// Sums nothing: for callers that only want the document.
impl LoadSink for () {
    type Output = ();

    #[inline]
    fn add_rows(&mut self, _doc: &Document, _rows: Range<usize>) {}

    fn join(_parts: Vec<()>) {}

    fn sum(_doc: &Document) {}
}
