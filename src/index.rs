//! An open-addressed hash index over items kept in a list elsewhere, by their numbers: for the
//! places that find an item by its content in constant time (the compiler's one node per distinct
//! test, the strings the browser already holds).

use std::hash::{Hash, Hasher};

/// Each slot is an item's number plus one, or 0 when empty; never more than half full. Its
/// functions take their tests as `dyn`, so the browser build has one copy of them, not one per
/// kind of item (a generic copy for each cost 0.34 KB gzipped).
pub(crate) struct Index {
    slots: Vec<u32>,
    len: usize,
}

impl Default for Index {
    fn default() -> Index {
        Index { slots: vec![0; 16], len: 0 }
    }
}

impl Index {
    /// The number of the item with this `hash` for which `same` holds; or, when there is none,
    /// the slot to [keep](Index::keep) it in.
    pub(crate) fn find(&self, hash: u64, same: &dyn Fn(u32) -> bool) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        while let Some(number) = self.slots[slot].checked_sub(1) {
            if same(number) {
                return Ok(number);
            }
            slot = (slot + 1) & mask;
        }
        Err(slot)
    }

    /// Keeps `number` in `slot`, as [`Index::find`] gave it. When that makes the index more than
    /// half full, it doubles, and every number is placed again by its item's hash, `hash_of`.
    pub(crate) fn keep(&mut self, slot: usize, number: u32, hash_of: &dyn Fn(u32) -> u64) {
        self.slots[slot] = number + 1;
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            let doubled = vec![0; self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, doubled);
            for number in old.into_iter().filter_map(|slot| slot.checked_sub(1)) {
                if let Err(slot) = self.find(hash_of(number), &|_| false) {
                    self.slots[slot] = number + 1;
                }
            }
        }
    }
}

/// A hash of every byte of `value`, eight at a time.
pub(crate) fn hash(value: &(impl Hash + ?Sized)) -> u64 {
    let mut words = Words(0);
    value.hash(&mut words);
    words.0
}

struct Words(u64);

/// `h` with `word` mixed in.
pub(crate) fn mix(h: u64, word: u64) -> u64 {
    (h ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(31)
}

impl Hasher for Words {
    fn write(&mut self, bytes: &[u8]) {
        let words = bytes.chunks_exact(8);
        let rest = words.remainder().iter().fold(0u64, |w, b| w << 8 | u64::from(*b));
        let whole = words.fold(self.0 ^ bytes.len() as u64, |h, word| mix(h, u64::from_le_bytes(word.try_into().unwrap_or_default())));
        self.0 = mix(whole, rest);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
