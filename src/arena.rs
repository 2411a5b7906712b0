//! The wasm build's allocator: the system allocator (dlmalloc), but while the engine works out
//! one answer ([`within`]), allocations are taken from a bump region.
//!
//! Nearly everything an assessment allocates dies when the page has its answer, and dlmalloc
//! spent about a tenth of the page path keeping lists it would merge again moments later. A bump
//! region allocates by adding to an offset, frees by counting down, and starts again from its
//! base once every allocation in it has been freed. It is never reset by fiat: memory in it is
//! reused only when nothing in it is alive, so a value that outlives a call (which the engine,
//! a pure function, never makes) would only keep the region from being reused, never be
//! overwritten. When the region is full, or outside [`within`], dlmalloc serves as before.
//!
//! The binding reads every document the page passes inside [`within`] too (a ruleset when an
//! engine is made, a profile, a scenario): the tree it reads dies once compiled, so the region
//! empties again. The logic is compiled natively for its unit tests; only wasm installs it.
#![allow(unsafe_code)]

// The cells below are shared without locks: sound only with one thread, as this build has.
#[cfg(target_feature = "atomics")]
compile_error!("src/arena.rs assumes one thread: a wasm build with threads needs another allocator");

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The region's size. Over the case bank, `guidance(case)` takes at most 181 KB of it (29 KB
/// at the median) and the trace 332 KB; a larger answer, or a ruleset's words, spill to dlmalloc.
const SIZE: usize = 1 << 19;
const REGION: Layout = match Layout::from_size_align(SIZE, 16) {
    Ok(layout) => layout,
    Err(_) => panic!("a valid layout"),
};

struct Arena {
    /// Whether allocations come from the region (inside [`within`]).
    on: Cell<bool>,
    /// The region, taken from dlmalloc on first use (0 until then).
    base: Cell<usize>,
    /// Where the next allocation may start.
    top: Cell<usize>,
    /// How many allocations in the region are not yet freed.
    live: Cell<usize>,
    /// The most recent allocation in the region, which can grow where it is.
    last: Cell<usize>,
}

// SAFETY: wasm32-unknown-unknown as built here has no threads (the compile_error above refuses a
// build with them): one thread ever touches the cells.
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for Arena {}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ARENA: Arena = Arena::new();

/// Runs `f` with its allocations taken from the region. A call inside another leaves the region
/// on for the rest of the outer one.
#[cfg(target_arch = "wasm32")]
pub(crate) fn within<T>(f: impl FnOnce() -> T) -> T {
    let was = ARENA.on.replace(true);
    let value = f();
    ARENA.on.set(was);
    value
}

impl Arena {
    const fn new() -> Arena {
        Arena { on: Cell::new(false), base: Cell::new(0), top: Cell::new(0), live: Cell::new(0), last: Cell::new(0) }
    }

    fn holds(&self, ptr: *mut u8) -> bool {
        let base = self.base.get();
        base != 0 && (ptr as usize).wrapping_sub(base) < SIZE
    }

    /// Room for `layout` in the region, or null when it is off or full, or the layout asks for
    /// more alignment than the region's base has (offsets are aligned, not addresses).
    fn bump(&self, layout: Layout) -> *mut u8 {
        if !self.on.get() || layout.align() > REGION.align() {
            return std::ptr::null_mut();
        }
        if self.base.get() == 0 {
            // SAFETY: a layout of non-zero size.
            let base = unsafe { System.alloc(REGION) } as usize;
            if base == 0 {
                self.on.set(false);
                return std::ptr::null_mut();
            }
            self.base.set(base);
            self.top.set(base);
        }
        // Offsets from the base, so that nothing can wrap past the end of memory.
        let base = self.base.get();
        let Some((start, end)) = (self.top.get() - base)
            .checked_next_multiple_of(layout.align())
            .and_then(|start| Some((start, start.checked_add(layout.size())?)))
            .filter(|(_, end)| *end <= SIZE)
        else {
            return std::ptr::null_mut();
        };
        let (start, end) = (base + start, base + end);
        self.top.set(end);
        self.live.set(self.live.get() + 1);
        self.last.set(start);
        start as *mut u8
    }
}

// SAFETY: every block handed out is either dlmalloc's or a range of the region that no other live
// block overlaps, aligned as asked: no live block lies at or beyond `top`, which moves back only
// when the most recent block shrinks where it is, or when nothing in the region is alive.
unsafe impl GlobalAlloc for Arena {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = self.bump(layout);
        if ptr.is_null() {
            unsafe { System.alloc(layout) }
        } else {
            ptr
        }
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if !self.holds(ptr) {
            return unsafe { System.dealloc(ptr, layout) };
        }
        debug_assert!(self.live.get() > 0, "a block of the region freed twice");
        let live = self.live.get() - 1;
        self.live.set(live);
        if live == 0 {
            self.top.set(self.base.get());
            self.last.set(0);
        }
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !self.holds(ptr) {
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        // The last block grows (or shrinks) where it is, as a list being filled does.
        if ptr as usize == self.last.get() && new_size <= self.base.get() + SIZE - ptr as usize {
            self.top.set(ptr as usize + new_size);
            return ptr;
        }
        if new_size <= layout.size() {
            return ptr;
        }
        // SAFETY: the caller promises a valid layout of `new_size`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: two distinct blocks, the old one `layout.size()` long and the new one longer.
            unsafe { std::ptr::copy_nonoverlapping(ptr, new, layout.size()) };
            unsafe { self.dealloc(ptr, layout) };
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on() -> Arena {
        let arena = Arena::new();
        arena.on.set(true);
        arena
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_aligned_and_never_overlap() {
        let arena = on();
        let mut blocks = Vec::new();
        for (i, align) in [1, 2, 4, 8, 16, 1, 16, 8].into_iter().enumerate() {
            let layout = layout(3 + i * 5, align);
            let ptr = unsafe { arena.alloc(layout) } as usize;
            assert!(arena.holds(ptr as *mut u8) && ptr.is_multiple_of(align));
            blocks.push((ptr, layout.size()));
        }
        blocks.sort();
        assert!(blocks.windows(2).all(|pair| pair[0].0 + pair[0].1 <= pair[1].0));
    }

    #[test]
    fn the_region_is_reused_only_once_everything_in_it_is_freed() {
        let arena = on();
        let (a, b) = unsafe { (arena.alloc(layout(100, 8)), arena.alloc(layout(100, 8))) };
        unsafe { arena.dealloc(a, layout(100, 8)) };
        let c = unsafe { arena.alloc(layout(100, 8)) };
        assert!(c > b, "a block still alive keeps the offset where it is");
        unsafe { arena.dealloc(b, layout(100, 8)) };
        unsafe { arena.dealloc(c, layout(100, 8)) };
        assert_eq!(unsafe { arena.alloc(layout(100, 8)) }, a, "an empty region starts again from its base");
    }

    #[test]
    fn the_last_block_grows_where_it_is_and_another_moves() {
        let arena = on();
        let a = unsafe { arena.alloc(layout(16, 8)) };
        unsafe { a.write_bytes(7, 16) };
        let b = unsafe { arena.alloc(layout(16, 8)) };
        assert_eq!(unsafe { arena.realloc(b, layout(16, 8), 64) }, b);
        let c = unsafe { arena.alloc(layout(8, 8)) };
        assert!(c as usize >= b as usize + 64, "a block after the grown one starts past it");
        let moved = unsafe { arena.realloc(a, layout(16, 8), 32) };
        assert!(moved as usize > c as usize && unsafe { std::slice::from_raw_parts(moved, 16) } == [7; 16]);
    }

    #[test]
    fn what_does_not_fit_or_comes_outside_the_region_goes_to_the_system() {
        let arena = on();
        let big = layout(SIZE + 1, 8);
        let ptr = unsafe { arena.alloc(big) };
        assert!(!ptr.is_null() && !arena.holds(ptr));
        unsafe { arena.dealloc(ptr, big) };
        let aligned = layout(64, 64);
        let ptr = unsafe { arena.alloc(aligned) };
        assert!(!arena.holds(ptr) && (ptr as usize).is_multiple_of(64));
        unsafe { arena.dealloc(ptr, aligned) };
        let inside = unsafe { arena.alloc(layout(8, 8)) };
        arena.on.set(false);
        let outside = unsafe { arena.alloc(layout(8, 8)) };
        assert!(arena.holds(inside) && !arena.holds(outside));
        unsafe { arena.dealloc(inside, layout(8, 8)) };
        assert_eq!(arena.live.get(), 0, "a block freed after the region is off still counts down");
        unsafe { arena.dealloc(outside, layout(8, 8)) };
    }
}
