//! Integration tests: the real binary on real text, every export loaded
//! into its consumer (`exports`), and the models (`models`); one test
//! binary, linked once.

mod util;

mod build;
mod diagrams;
mod errors;
mod examples;
mod exports;
mod golden;
mod hardening;
mod merge;
mod models;
mod seed;
mod streaming;
mod viewer;
