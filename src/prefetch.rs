//! Asking the processor for memory ahead of its use. The weight tables are
//! larger than the cache and read at random, and a load that misses holds
//! up everything after it; a prefetch does not, so the rows of the next
//! token or pair can be on their way while this one is summed.

/// Starts loading the cache line that holds `value`, without waiting.
#[inline(always)]
#[allow(unsafe_code)]
pub fn line<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing into the program and never faults;
    // the address comes from a reference, so it is valid anyway.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}
