//! The string interner: repeated cell texts stored once in one arena, looked up through a
//! recent-strings cache and a hash table keyed by a 31-bit hash kept per string. No document
//! logic here.

/// Interned string handle.
pub type Sym = u32;

/// The empty string's symbol.
pub const EMPTY: Sym = 0;

/// Interns repeated strings (provinces, cities, sources, actions) so each is stored once: all
/// text in one arena, a table of spans, and a hash table of symbols (no allocation per string).
#[derive(Clone, Debug)]
pub struct Interner {
    arena: String,
    /// Where each string ends in `arena` (a string starts where the previous one ends).
    ends: Ends,
    /// Each string's 31-bit hash, so growing the table and joining interners (the parts of a
    /// file read in parallel) need not read and hash the strings again.
    hashes: Vec<u32>,
    table: hashbrown::HashTable<Sym>,
    /// Strings interned lately, by a hash of their length and end words: a file's repeated
    /// cells (provinces, actions, sources) are found here without probing the table.
    recent: Vec<Recent>,
    /// Free text stored lately, by its hash: a note repeated close by is stored once.
    recent_free: Vec<Sym>,
}

/// End offsets of the interned strings, 4 bytes each: the offset modulo 2³², and the symbols at
/// which the arena passed another 4 GiB (none in practice; one entry per boundary passed).
#[derive(Clone, Debug)]
struct Ends {
    low: Vec<u32>,
    wraps: Vec<Sym>,
}

impl Ends {
    fn len(&self) -> usize {
        self.low.len()
    }

    /// The end offset of string `i`.
    #[inline(always)]
    fn end(&self, i: usize) -> usize {
        let low = self.low[i] as usize;
        if self.wraps.is_empty() {
            low
        } else {
            self.end_past_4g(i, low)
        }
    }

    #[cold]
    #[inline(never)]
    fn end_past_4g(&self, i: usize, low: usize) -> usize {
        let high = self.wraps.partition_point(|&w| w as usize <= i) as u64;
        (low as u64 + (high << 32)) as usize
    }

    /// The byte range of string `i`.
    #[inline(always)]
    fn range(&self, i: usize) -> std::ops::Range<usize> {
        let start = if i == 0 { 0 } else { self.end(i - 1) };
        start..self.end(i)
    }

    /// Adds a string that ends at `end` (after the last one's end).
    fn push(&mut self, end: usize) {
        let before = if self.low.is_empty() {
            0
        } else {
            self.end(self.low.len() - 1) as u64
        };
        let sym = self.low.len() as Sym;
        for _ in (before >> 32)..((end as u64) >> 32) {
            self.wraps.push(sym);
        }
        self.low.push(end as u32);
    }
}

/// A string interned lately: its length, its first and last 8 bytes (zero-padded), its symbol.
/// Strings of up to 16 bytes are wholly described by these, longer ones are compared in full.
#[derive(Clone, Copy, Debug, Default)]
struct Recent {
    first: u64,
    last: u64,
    len: u32,
    sym: Sym,
}

/// Entries of [`Interner::recent`] (a power of two).
const RECENT: usize = 4096;

/// Whether two strings of the same length and the same end words (see [`end_words`]) are equal:
/// up to 16 bytes they are; up to 32 two more words decide, without a call to `memcmp`.
fn same_middle(a: &[u8], b: &[u8]) -> bool {
    let n = b.len();
    if a.len() != n {
        return false;
    }
    if n <= 16 {
        return true;
    }
    if n <= 32 {
        let word = |s: &[u8], at: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&s[at..at + 8]);
            u64::from_le_bytes(w)
        };
        return word(a, 8) == word(b, 8) && word(a, n - 16) == word(b, n - 16);
    }
    a == b
}

/// A string's first and last 8 bytes, zero-padded when shorter.
fn end_words(b: &[u8]) -> (u64, u64) {
    let word = |w: &[u8]| {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        u64::from_le_bytes(a)
    };
    let n = b.len();
    if n >= 8 {
        (word(&b[..8]), word(&b[n - 8..]))
    } else {
        let mut a = [0u8; 8];
        for (x, y) in a.iter_mut().zip(b) {
            *x = *y;
        }
        (u64::from_le_bytes(a), 0)
    }
}

impl Default for Interner {
    fn default() -> Self {
        // Symbol 0 is the empty string (`EMPTY`), which `intern` returns without a lookup.
        Interner {
            arena: String::new(),
            ends: Ends {
                low: vec![0],
                wraps: Vec::new(),
            },
            hashes: vec![0],
            table: hashbrown::HashTable::new(),
            recent: Vec::new(),
            recent_free: Vec::new(),
        }
    }
}

/// The bytes of a symbol in an interner's arena (compared as bytes: the arena holds whole
/// strings, so no character boundary checks are needed).
#[inline(always)]
fn bytes_of<'a>(arena: &'a str, ends: &Ends, sym: Sym) -> &'a [u8] {
    arena
        .as_bytes()
        .get(ends.range(sym as usize))
        .unwrap_or_default()
}

/// The table's 64-bit hash of a string's stored 31-bit hash (the multiply spreads it over the
/// bits the table uses for buckets and tags).
#[inline]
fn table_hash(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A hash of a string for the interner: the short strings of a file's cells (provinces,
/// actions, dates kept as text) take two overlapping 8-byte words and one multiply-and-fold,
/// longer ones 8 bytes a step.
fn hash_str(b: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let n = b.len();
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let mix = |h: u64, w: u64| {
        let m = u128::from(h ^ w) * u128::from(K);
        (m as u64) ^ ((m >> 64) as u64)
    };
    let mut h = (n as u64).wrapping_mul(K);
    if n >= 8 {
        let mut at = 0;
        while at + 8 < n {
            h = mix(h, word(at));
            at += 8;
        }
        h = mix(h, word(n - 8));
    } else if n >= 4 {
        let mut w = [0u8; 4];
        w.copy_from_slice(&b[..4]);
        let lo = u32::from_le_bytes(w);
        w.copy_from_slice(&b[n - 4..]);
        h = mix(h, u64::from(lo) | u64::from(u32::from_le_bytes(w)) << 32);
    } else if n > 0 {
        h = mix(
            h,
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
        );
    }
    mix(h, K)
}

/// The 31-bit hash the interner keeps per string (its top bit is [`FREE`]).
fn hash32(b: &[u8]) -> u32 {
    (hash_str(b) >> 33) as u32
}

/// Marks the stored hash of a string kept as free text (see [`Interner::intern_free_text`]):
/// one that is not in the table.
const FREE: u32 = 1 << 31;

/// Entries of [`Interner::recent_free`].
const RECENT_FREE: usize = 256;

impl Interner {
    fn span(&self, sym: Sym) -> &str {
        &self.arena[self.ends.range(sym as usize)]
    }

    /// The symbol for `s`, adding it when new.
    pub fn intern(&mut self, s: &str) -> Sym {
        if s.is_empty() {
            return EMPTY;
        }
        let b = s.as_bytes();
        let (first, last) = end_words(b);
        let slot = ((first ^ last.rotate_left(29) ^ b.len() as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            >> (64 - RECENT.trailing_zeros())) as usize;
        if let Some(r) = self.recent.get(slot)
            && r.len as usize == b.len()
            && r.first == first
            && r.last == last
            && same_middle(bytes_of(&self.arena, &self.ends, r.sym), b)
        {
            return r.sym;
        }
        let sym = self.intern_hashed(s, hash32(b));
        let recent = &mut self.recent;
        if recent.is_empty() {
            recent.resize(RECENT, Recent::default());
        }
        recent[slot] = Recent {
            first,
            last,
            len: b.len() as u32,
            sym,
        };
        sym
    }

    /// For free text that seldom repeats (notes): stored without a place in the table, so
    /// neither reading nor joining the parts of a file probes the table for each of a million
    /// distinct notes. A note repeated while it is still in a small cache of recent notes
    /// ([`RECENT_FREE`] entries, by hash) is stored once; otherwise equal notes may hold
    /// different symbols (compare their texts, or their [`Interner::content_hash`]).
    pub fn intern_free_text(&mut self, s: &str) -> Sym {
        if s.is_empty() {
            return EMPTY;
        }
        let b = s.as_bytes();
        let h = hash32(b);
        let slot = h as usize % RECENT_FREE;
        if let Some(&sym) = self.recent_free.get(slot)
            && sym != EMPTY
            && self.hashes.get(sym as usize) == Some(&(h | FREE))
            && bytes_of(&self.arena, &self.ends, sym) == b
        {
            return sym;
        }
        let sym = self.push_string(s, h | FREE);
        if self.recent_free.is_empty() {
            self.recent_free.resize(RECENT_FREE, EMPTY);
        }
        self.recent_free[slot] = sym;
        sym
    }

    /// Adds `s` under the next symbol with its stored hash `h` (not to the table).
    fn push_string(&mut self, s: &str, h: u32) -> Sym {
        let sym = self.ends.len() as Sym;
        self.arena.push_str(s);
        self.ends.push(self.arena.len());
        self.hashes.push(h);
        sym
    }

    /// A 31-bit hash of a symbol's text: equal texts hash the same, whether stored as free text
    /// or not.
    pub fn content_hash(&self, sym: Sym) -> u32 {
        self.hashes.get(sym as usize).map_or(0, |h| h & !FREE)
    }

    /// The symbol for `s`, whose stored hash is `h`, adding it to the table when new (past the
    /// recent cache).
    fn intern_hashed(&mut self, s: &str, h: u32) -> Sym {
        let b = s.as_bytes();
        let (arena, ends) = (&self.arena, &self.ends);
        if let Some(&sym) = self
            .table
            .find(table_hash(h), |&sym| bytes_of(arena, ends, sym) == b)
        {
            return sym;
        }
        let sym = self.push_string(s, h);
        let hashes = &self.hashes;
        self.table
            .insert_unique(table_hash(h), sym, |&sym| table_hash(hashes[sym as usize]));
        sym
    }

    /// Interns every string of `other` (another part of the same file) and returns the symbol
    /// here of each of its symbols: their hashes are reused, the table grows once, and free
    /// text is appended as it is.
    pub fn absorb(&mut self, other: &Interner) -> Vec<Sym> {
        let hashes = &self.hashes;
        let indexed = other.hashes.iter().filter(|&&h| h & FREE == 0).count();
        self.table
            .reserve(indexed, |&sym| table_hash(hashes[sym as usize]));
        self.arena.reserve(other.arena.len());
        self.ends.low.reserve(other.len());
        self.hashes.reserve(other.len());
        let mut map = Vec::with_capacity(other.len());
        map.push(EMPTY);
        for sym in 1..other.len() {
            let (text, h) = (other.span(sym as Sym), other.hashes[sym]);
            map.push(if h & FREE != 0 {
                self.push_string(text, h)
            } else {
                self.intern_hashed(text, h)
            });
        }
        map
    }

    /// The text of a symbol.
    pub fn resolve(&self, sym: Sym) -> &str {
        if (sym as usize) < self.ends.len() {
            self.span(sym)
        } else {
            ""
        }
    }

    /// How many distinct strings are stored.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when only the empty string is stored.
    pub fn is_empty(&self) -> bool {
        self.ends.len() <= 1
    }

    /// Bytes held (text, spans and table), for memory figures.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.ends.low.capacity() * std::mem::size_of::<u32>()
            + self.ends.wraps.capacity() * std::mem::size_of::<Sym>()
            + self.hashes.capacity() * std::mem::size_of::<u32>()
            + self.table.capacity() * (std::mem::size_of::<Sym>() + 1)
            + self.recent.capacity() * std::mem::size_of::<Recent>()
            + self.recent_free.capacity() * std::mem::size_of::<Sym>()
    }

    /// Every string, in symbol order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len() as Sym).map(|s| self.span(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn interned_strings_keep_one_symbol_each() {
        // Many strings that share lengths and end words (the recent-strings cache's key), from
        // 1 to 40 bytes, interned twice in a scrambled order.
        let mut strings = Vec::new();
        for len in 1..=40usize {
            for k in 0..60usize {
                // One letter changed at position k mod len: past 16 bytes, many of these share
                // their length and both end words.
                let mut b = vec![b'a'; len];
                b[k % len] = b'b' + (k / len % 20) as u8;
                strings.push(String::from_utf8(b).unwrap());
            }
        }
        let mut i = Interner::default();
        let mut seen: HashMap<String, Sym> = HashMap::new();
        for round in 0..2 {
            for (n, s) in strings.iter().enumerate() {
                let s = if round == 1 {
                    &strings[(n * 7919) % strings.len()]
                } else {
                    s
                };
                let sym = i.intern(s);
                assert_eq!(i.resolve(sym), s);
                assert_eq!(*seen.entry(s.clone()).or_insert(sym), sym, "{s}");
            }
        }
        assert_eq!(i.len(), seen.len() + 1);
        // Another interner's strings (some shared, some new) join this one under the symbols
        // they have here, and are found again by their text.
        let mut other = Interner::default();
        let theirs: Vec<Sym> = ["zz-new", &strings[5], "内蒙古", &strings[700], "zz-new"]
            .iter()
            .map(|s| other.intern(s))
            .collect();
        let before = i.len();
        let map = i.absorb(&other);
        assert_eq!(i.len(), before + 2, "two new strings");
        for (&t, s) in theirs
            .iter()
            .zip(["zz-new", &strings[5], "内蒙古", &strings[700]])
        {
            assert_eq!(i.resolve(map[t as usize]), s);
            assert_eq!(i.intern(s), map[t as usize]);
        }
        assert_eq!(map[EMPTY as usize], EMPTY);
        // Free text: a note repeated close by is stored once; it is not in the table, so
        // interning the same text adds it there; equal texts have the same content hash.
        let note = i.intern_free_text("a note seen once");
        assert_eq!(i.resolve(note), "a note seen once");
        assert_eq!(i.intern_free_text("a note seen once"), note);
        let indexed = i.intern("a note seen once");
        assert_ne!(indexed, note);
        assert_eq!(i.content_hash(indexed), i.content_hash(note));
        // Joining keeps free text apart from the table, under the text it had.
        let mut part = Interner::default();
        let theirs = [
            part.intern_free_text("a note seen once"),
            part.intern_free_text("zz-note"),
        ];
        let before = i.len();
        let map = i.absorb(&part);
        assert_eq!(i.len(), before + 2, "free text is appended as it is");
        assert_eq!(i.resolve(map[theirs[0] as usize]), "a note seen once");
        assert_eq!(i.resolve(map[theirs[1] as usize]), "zz-note");
        assert_eq!(
            i.intern("zz-note"),
            i.len() as Sym - 1,
            "free text is not in the table"
        );
    }

    #[test]
    fn string_ends_past_four_gibibytes() {
        let mut ends = Ends {
            low: vec![0],
            wraps: Vec::new(),
        };
        let g4 = 1usize << 32;
        for end in [10, g4 - 1, g4 + 5, g4 + 5, 3 * g4 + 2, 3 * g4 + 9] {
            ends.push(end);
        }
        assert_eq!(ends.range(1), 0..10);
        assert_eq!(ends.range(2), 10..g4 - 1);
        assert_eq!(ends.range(3), g4 - 1..g4 + 5);
        assert_eq!(ends.range(4), g4 + 5..g4 + 5);
        // One string that passes two boundaries.
        assert_eq!(ends.range(5), g4 + 5..3 * g4 + 2);
        assert_eq!(ends.range(6), 3 * g4 + 2..3 * g4 + 9);
    }
}
