//! Stage 4: mentions → entities, aliases merged.
use crate::document::Document;

pub fn resolve(_doc: &mut Document) {}
