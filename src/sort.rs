//! Sorting the engine's lists: stable, and O(n log n) whatever the input order.
//!
//! Measured in the browser build (`scripts/build`, gzipped): the standard library's
//! `slice::sort_by` on each element type takes the file from 68.7 KB to 81.4 KB, over its 80 KB
//! budget; instantiated once, on positions, it still costs 2 KB more than the merge sort below
//! (79.4 KB against 77.3 KB). So the positions of the items are sorted by this one small,
//! non-generic merge sort, and the items then moved into that order in place. Tests check it
//! against `slice::sort_by`.

use std::cmp::Ordering;

/// Runs of up to this many positions are sorted by insertion first (quicker for short lists).
const RUN: usize = 16;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub(crate) fn by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let (mut small, mut large) = ([0; RUN], Vec::new());
    let order = order(items.len(), &|a, b| compare(&items[a], &items[b]), &mut small, &mut large);
    permute(items, order);
}

/// Keeps the first item of each key, in their order: O(n log n).
pub(crate) fn first_of_each<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let (mut small, mut large) = ([0; RUN], Vec::new());
    let order = order(items.len(), &|a, b| key(&items[a]).cmp(&key(&items[b])), &mut small, &mut large);
    let (mut small_dropped, mut large_dropped) = ([false; RUN], Vec::new());
    let dropped = if order.len() <= RUN {
        &mut small_dropped[..order.len()]
    } else {
        large_dropped.resize(order.len(), false);
        &mut large_dropped[..]
    };
    for pair in order.windows(2) {
        // Stable: within a run of equal keys, the first given comes first.
        if key(&items[pair[0]]) == key(&items[pair[1]]) {
            dropped[pair[1]] = true;
        }
    }
    let mut position = 0;
    items.retain(|_| {
        position += 1;
        !dropped[position - 1]
    });
}

/// The positions `0..n` in stably sorted order, by a bottom-up merge sort of runs sorted by
/// insertion: O(n log n) compares whatever the order. Not generic, so that one copy serves
/// every type. A list of at most `RUN` positions is sorted in `small`, with no allocation (most
/// lists the engine sorts are that short); a longer one in `large`.
fn order<'b>(n: usize, compare: &dyn Fn(usize, usize) -> Ordering, small: &'b mut [usize; RUN], large: &'b mut Vec<usize>) -> &'b mut [usize] {
    if n <= RUN {
        let order = &mut small[..n];
        for (i, position) in order.iter_mut().enumerate() {
            *position = i;
        }
        sort_runs(order, compare);
        return order;
    }
    let mut order: Vec<usize> = (0..n).collect();
    sort_runs(&mut order, compare);
    let mut merged = vec![0; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let (middle, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // The left run's item first unless the right's is strictly less: stable.
                let take_right = right < end && (left == middle || compare(order[right], order[left]) == Ordering::Less);
                if take_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    *large = order;
    large
}

/// Sorts each run of `RUN` positions by insertion.
fn sort_runs(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    for run in order.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && compare(run[j - 1], run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, following each cycle
/// of the permutation with swaps: n swaps at most, no copies.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_stably() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: [u8; 0] = [];
        super::by(&mut empty, |a, b| a.cmp(b));
    }

    #[test]
    fn keeps_the_first_of_each_key_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::first_of_each(&mut items, |item| item.0);
        assert_eq!(items, [(3, 'a'), (1, 'b'), (2, 'd')]);
    }

    #[test]
    fn agrees_with_the_standard_sort_on_every_order_of_six() {
        // Every permutation of [0, 0, 1, 1, 2, 3] (tagged by position, to check stability).
        let mut items: Vec<(u8, usize)> = [0, 0, 1, 1, 2, 3].iter().enumerate().map(|(i, k)| (*k, i)).collect();
        for _ in 0..720 {
            let mut ours = items.clone();
            let mut std = items.clone();
            super::by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std);
            next_permutation(&mut items);
        }
    }

    #[test]
    fn agrees_with_the_standard_sort_on_long_lists_with_many_ties() {
        let mut seed = 12345u64;
        let mut items: Vec<(u8, usize)> = (0..10_007)
            .map(|i| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                ((seed >> 59) as u8, i)
            })
            .collect();
        let mut std = items.clone();
        super::by(&mut items, |a, b| a.0.cmp(&b.0));
        std.sort_by_key(|a| a.0);
        assert_eq!(items, std);
    }

    #[test]
    fn a_long_list_in_reverse_order_sorts_quickly() {
        let mut items: Vec<u32> = (0..1_000_000).rev().collect();
        let start = std::time::Instant::now();
        super::by(&mut items, |a, b| a.cmp(b));
        assert!(items.windows(2).all(|w| w[0] < w[1]));
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    fn next_permutation<T: Ord>(items: &mut [T]) {
        let Some(i) = (1..items.len()).rev().find(|&i| items[i - 1] < items[i]) else {
            items.reverse();
            return;
        };
        let j = (i..items.len()).rev().find(|&j| items[j] > items[i - 1]).expect("a larger item");
        items.swap(i - 1, j);
        items[i..].reverse();
    }
}
