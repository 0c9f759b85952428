//! Asking the processor for memory ahead of its use. The weight tables are
//! larger than the cache and read at random, and a load that misses holds
//! up everything after it; a prefetch does not, so the rows of the next
//! token or pair can be on their way while this one is summed.

/// Starts loading the cache line that holds `items[index]`, without
/// waiting and without a bounds check: an index past the end asks for a
/// line the program never reads, which costs nothing.
#[inline(always)]
#[allow(unsafe_code)]
pub fn element<T>(items: &[T], index: usize) {
    let at = items.as_ptr().wrapping_add(index);
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing into the program and never faults,
    // whatever the address.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>(at.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}
