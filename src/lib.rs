//! textkg builds knowledge graphs from plain-text news.
//!
//! The pipeline is a chain of stages, each a pure function of one
//! [`Document`](document::Document) that adds one layer:
//! [`text`] (tokens, sentences) → [`mentions`] → [`entities`] →
//! [`relations`] → [`graph`] → [`export`].
//!
//! ```
//! use textkg::{graph::{KnowledgeGraph, TypeFilter}, pipeline::Pipeline};
//!
//! let pipeline = Pipeline::default();
//! let doc = pipeline.annotate("doc1", "President Barack Obama met Angela Merkel in Berlin.");
//! let graph = KnowledgeGraph::from_document(&doc, "doc1", &TypeFilter::default());
//! assert!(graph.nodes().any(|n| n.label == "Barack Obama"));
//! ```

pub mod api;
pub mod bench;
pub mod build;
pub mod cli;
pub mod collections;
pub mod corpus;
pub mod document;
pub mod entities;
pub mod error;
pub mod eval;
pub mod explain;
pub mod export;
pub mod grammar;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod mentions;
pub mod model;
pub mod pipeline;
mod prefetch;
pub mod progress;
pub mod relations;
mod simd;
pub mod stream;
pub mod text;
pub mod train;
