//! The stages in order, each a pure function of one document.

use crate::document::Document;
use crate::entities::AliasRules;
use crate::{entities, mentions, relations, text};

/// What a run of the pipeline does beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Add co-mention edges between entities named in one sentence.
    pub co_mentions: bool,
    /// Merges and splits forced by the user.
    pub aliases: AliasRules,
}

/// The pipeline, holding the models every document shares.
#[derive(Debug, Default)]
pub struct Pipeline {
    pub options: Options,
}

impl Pipeline {
    pub fn new(options: Options) -> Self {
        Pipeline { options }
    }

    /// Runs every stage on one text.
    pub fn annotate(&self, id: &str, text: &str) -> Document {
        let mut doc = Document::new(id, text);
        text::segment(&mut doc);
        mentions::detect(&mut doc);
        entities::resolve(&mut doc, &self.options.aliases);
        relations::extract(&mut doc, &self.options);
        doc
    }
}
