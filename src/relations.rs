//! Stage 5: entities → relations with evidence.
use crate::document::Document;
use crate::pipeline::Options;

pub fn extract(_doc: &mut Document, _options: &Options) {}
