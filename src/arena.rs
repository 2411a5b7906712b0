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
#![allow(unsafe_code)]

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

// SAFETY: wasm32-unknown-unknown as built here has no threads: one thread ever touches the cells.
unsafe impl Sync for Arena {}

#[global_allocator]
static ARENA: Arena = Arena { on: Cell::new(false), base: Cell::new(0), top: Cell::new(0), live: Cell::new(0), last: Cell::new(0) };

/// Runs `f` with its allocations taken from the region.
pub(crate) fn within<T>(f: impl FnOnce() -> T) -> T {
    ARENA.on.set(true);
    let value = f();
    ARENA.on.set(false);
    value
}

impl Arena {
    fn holds(&self, ptr: *mut u8) -> bool {
        let base = self.base.get();
        base != 0 && (ptr as usize).wrapping_sub(base) < SIZE
    }

    /// Room for `layout` in the region, or null when it is off or full.
    fn bump(&self, layout: Layout) -> *mut u8 {
        if !self.on.get() {
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
        let start = self.top.get().next_multiple_of(layout.align());
        let Some(end) = start.checked_add(layout.size()).filter(|end| *end <= self.base.get() + SIZE) else {
            return std::ptr::null_mut();
        };
        self.top.set(end);
        self.live.set(self.live.get() + 1);
        self.last.set(start);
        start as *mut u8
    }
}

// SAFETY: every block handed out is either dlmalloc's or a range of the region that no other live
// block overlaps (the offset only grows while anything in the region is alive), aligned as asked.
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
