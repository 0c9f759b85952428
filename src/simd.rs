//! Wider vector instructions where the processor has them. The binary is
//! built for every x86-64 processor, whose vectors hold 4 floats; most
//! processors since 2013 have AVX2, whose vectors hold 8. The weight sums
//! run through here add the same numbers in the same order either way (a
//! class's sum is its own lane), so every result is the same bit for bit.

/// Runs `work` compiled for AVX2 when the processor has it, else as built.
/// `work` must be inlined, with what it calls, for the wider instructions
/// to reach its loops: callers mark the closure `#[inline(always)]`, as
/// the compiler leaves a large one out of line, compiled without AVX2.
#[inline(always)]
#[allow(unsafe_code)]
pub fn wide<R>(work: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, checked just above.
        return unsafe { with_avx2(work) };
    }
    work()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn with_avx2<R>(work: impl FnOnce() -> R) -> R {
    work()
}

#[cfg(test)]
mod tests {
    #[test]
    fn wide_work_gives_the_same_sums_as_narrow_work() {
        let weights: Vec<f32> = (0..4096)
            .map(|i| ((i * 7919) % 1013) as f32 / 97.0 - 5.0)
            .collect();
        let sum_rows = || {
            let mut sums = [0f32; 26];
            for row in weights.chunks_exact(26) {
                for (s, w) in sums.iter_mut().zip(row) {
                    *s += w;
                }
            }
            sums
        };
        let narrow = sum_rows();
        let wide = super::wide(sum_rows);
        assert_eq!(narrow.map(f32::to_bits), wide.map(f32::to_bits));
        assert!(narrow.iter().any(|s| *s != 0.0));
    }
}
