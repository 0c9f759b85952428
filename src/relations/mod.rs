//! Stage 5: entities → relations with evidence.
//!
//! Two extractors: [`open`] reads the text's own predicates clause by
//! clause; [`typed`] predicts Wikidata properties for entity pairs.

pub mod typed;

use crate::document::Document;
use crate::pipeline::Options;

pub fn extract(_doc: &mut Document, _options: &Options) {}
