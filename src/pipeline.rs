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
        doc.names = self.models.annotate(&mut doc);
        mentions::add_mentions(&mut doc);
        entities::resolve(&mut doc, &self.options.aliases);
        relations::extract(&mut doc, &self.options);
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::Pipeline;
    use crate::document::RelationKind;

    /// Word soup from the constructions the mention and relation stages
    /// treat specially (possessives, hyphens, titles, capitals, multi-byte
    /// apostrophes), in a fixed pseudo-random order.
    fn soup(seed: u64, words: usize) -> String {
        const VOCABULARY: &[&str] = &[
            "Velmont",
            "Ruizo",
            "’s",
            "'s",
            "chief",
            "executive",
            ",",
            "Ines",
            "Araujo",
            "-",
            "in",
            "the",
            "head",
            "of",
            "WHO",
            "Director",
            "General",
            "Senate",
            "Majority",
            "Leader",
            "Ban",
            "Ki",
            "moon",
            "his",
            "Her",
            "whose",
            "lawyer",
            "said",
            ".",
            "\n\n",
            "OSLORA",
            "—",
            "US",
            "by",
            "CC",
            "Port",
            "au",
            "Mr.",
            "Founder",
            "founder",
            "as",
            "beat",
            "wife",
            "(",
            ")",
            "Sues",
            "Over",
            "national",
            "advisor",
            "Zürich",
            "São",
            "n't",
            "Doesn't",
            "he",
            "they",
            "was",
            "met",
            "and",
        ];
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut text = String::new();
        for _ in 0..words {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let word = VOCABULARY[(state % VOCABULARY.len() as u64) as usize];
            let glued = matches!(word, "-" | "'s" | "’s" | "n't") && !state.is_multiple_of(3);
            if !glued && !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            text.push_str(word);
        }
        text
    }

    #[test]
    fn odd_text_never_breaks_a_stage_and_every_offset_slices_it() {
        let pipeline = Pipeline::default();
        for seed in 0..300 {
            let text = soup(seed, 5 + (seed as usize % 45));
            let doc = pipeline.annotate("soup", &text);
            for mention in &doc.mentions {
                assert!(
                    text.get(mention.span.start..mention.span.end).is_some(),
                    "{text:?}"
                );
                if let Some(role) = mention.role {
                    assert!(text.get(role.start..role.end).is_some(), "{text:?}");
                }
            }
            for entity in &doc.entities {
                assert!(
                    !entity.label.is_empty() || entity.mentions.is_empty(),
                    "{text:?}"
                );
            }
            for relation in &doc.relations {
                assert_ne!(relation.head, relation.tail, "{text:?}");
                assert!(relation.kind != RelationKind::CoMention);
                for span in &relation.evidence {
                    assert!(text.get(span.start..span.end).is_some(), "{text:?}");
                }
            }
        }
    }
}
