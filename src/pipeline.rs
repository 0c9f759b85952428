//! The stages in order, each a pure function of one document.

use crate::document::Document;
use crate::entities::AliasRules;
use crate::model::Models;
use crate::{entities, mentions, relations, text};
use std::borrow::Cow;

/// What a run of the pipeline does beyond the defaults.
#[derive(Debug, Clone)]
pub struct Options {
    /// Add co-mention edges between entities named in one sentence.
    pub co_mentions: bool,
    /// Merges and splits forced by the user.
    pub aliases: AliasRules,
    /// Typed edges below this confidence are left out.
    pub min_confidence: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            co_mentions: false,
            aliases: AliasRules::default(),
            min_confidence: 0.7,
        }
    }
}

/// The pipeline, holding the models every document shares.
pub struct Pipeline {
    pub options: Options,
    models: Cow<'static, Models>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new(Options::default())
    }
}

impl Pipeline {
    /// A pipeline with the models built into the binary.
    pub fn new(options: Options) -> Self {
        Pipeline {
            options,
            models: Cow::Borrowed(Models::embedded()),
        }
    }

    /// A pipeline with other models, such as one cross-validation fold's.
    pub fn with_models(options: Options, models: Models) -> Self {
        Pipeline {
            options,
            models: Cow::Owned(models),
        }
    }

    /// Runs every stage on one text.
    pub fn annotate(&self, id: &str, text: &str) -> Document {
        let mut doc = Document::new(id, text);
        text::segment(&mut doc);
        let names = self.models.annotate(&mut doc);
        mentions::add_mentions(&mut doc, names);
        entities::resolve(&mut doc, &self.options.aliases);
        relations::extract(&mut doc, &self.options);
        doc
    }
}
