//! Integration tests: the real binary on real text.

mod util;

mod build;
mod diagrams;
mod errors;
mod examples;
mod merge;
mod seed;
