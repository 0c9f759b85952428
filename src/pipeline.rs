//! The stages in order, each a pure function of one document: [`STAGES`]
//! declares what each reads and writes on the [`Document`], and is the
//! order [`Pipeline::annotate`] runs them in.

use crate::document::Document;
use crate::entities::AliasRules;
use crate::model::Models;
use crate::model::clusters::WordClusters;
use crate::model::parser::Parser;
use crate::relations::typed::TypedModel;
use crate::{entities, mentions, relations, text};
use std::borrow::Cow;
use std::time::{Duration, Instant};

/// Texts longer than this are annotated in windows of at most this size:
/// some stages relate every mention or entity to many others, and would
/// otherwise take time growing faster than the text. A news article is
/// far shorter (the longest GUM text has 10 KB).
pub const WINDOW_BYTES: usize = 64 * 1024;

/// Cuts `text` into consecutive windows of at most `size` bytes, each
/// ending, by preference, at a paragraph break, then a line break, then a
/// sentence end, then a space in its last quarter; else at a character.
/// Entities and relations are found within a window, never across two.
pub fn windows(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut windows = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let mut limit = start + size;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let from = limit - size / 4;
        let search = &text[start..limit];
        let cut = ["\n\n", "\n", ". ", " "].iter().find_map(|sep| {
            search
                .rfind(sep)
                .map(|at| start + at + sep.len())
                .filter(|&end| end > from)
        });
        let end = cut.unwrap_or(limit).max(start + 1);
        let mut end = end;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        windows.push(start..end);
        start = end;
    }
    if start < text.len() || windows.is_empty() {
        windows.push(start..text.len());
    }
    windows
}

/// What a run of the pipeline does beyond the defaults.
#[derive(Debug, Clone)]
pub struct Options {
    /// Add co-mention edges between entities named in one sentence.
    pub co_mentions: bool,
    /// Merges and splits forced by the user.
    pub aliases: AliasRules,
    /// Typed edges below this confidence are left out.
    pub min_confidence: f32,
    /// Run the dependency parser. Only the tree reader (`tree_reader`)
    /// reads its trees, and it costs about as much CPU time as every other
    /// stage together, so `textkg build` leaves it out until the tree
    /// reader replaces the token reader.
    pub parse: bool,
    /// Read open relations from the dependency trees
    /// (`relations::tree`) instead of token patterns; parses too. Off by
    /// default until the tree reader matches the token reader.
    pub tree_reader: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            co_mentions: false,
            aliases: AliasRules::default(),
            min_confidence: TypedModel::embedded().default_min_confidence(),
            parse: false,
            tree_reader: false,
        }
    }
}

/// `--min-confidence` checked, or the typed model's operating point when it
/// is not given.
pub fn checked_min_confidence(given: Option<f32>) -> crate::error::Result<f32> {
    match given {
        Some(p) if !(0.0..=1.0).contains(&p) => Err(crate::error::Error::Usage(format!(
            "--min-confidence must lie in [0, 1], not {p}"
        ))),
        Some(p) => Ok(p),
        None => Ok(TypedModel::embedded().default_min_confidence()),
    }
}

/// A layer of the [`Document`], one field each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Text,
    Tokens,
    Sentences,
    Tags,
    Names,
    Dependencies,
    Mentions,
    Entities,
    MentionEntity,
    RefusedMerges,
    Relations,
}

/// A stage of the pipeline: the layers it reads and the layers it writes.
pub struct Stage {
    pub name: &'static str,
    pub reads: &'static [Layer],
    pub writes: &'static [Layer],
    run: fn(&Pipeline, &mut Document),
}

fn segment(_: &Pipeline, doc: &mut Document) {
    text::segment(doc);
}

fn tag_and_recognise(pipeline: &Pipeline, doc: &mut Document) {
    doc.names = pipeline.models.annotate(doc);
}

fn parse(pipeline: &Pipeline, doc: &mut Document) {
    if pipeline.options.parse || pipeline.options.tree_reader {
        doc.dependencies = Parser::embedded().annotate(doc, WordClusters::embedded());
    }
}

fn add_mentions(_: &Pipeline, doc: &mut Document) {
    mentions::add_mentions(doc);
}

fn resolve_entities(pipeline: &Pipeline, doc: &mut Document) {
    entities::resolve(doc, &pipeline.options.aliases);
}

fn extract_relations(pipeline: &Pipeline, doc: &mut Document) {
    relations::extract(doc, &pipeline.options);
}

use Layer::*;

/// The stages in the order they run; a stage reads only the text and
/// layers an earlier stage wrote (checked by a test).
pub const STAGES: [Stage; 6] = [
    Stage {
        name: "segment",
        reads: &[Text],
        writes: &[Tokens, Sentences],
        run: segment,
    },
    Stage {
        name: "tag-and-recognise",
        reads: &[Text, Tokens, Sentences],
        writes: &[Tags, Names],
        run: tag_and_recognise,
    },
    // Runs when `Options::parse` or `Options::tree_reader` asks.
    Stage {
        name: "parse",
        reads: &[Text, Tokens, Sentences, Tags],
        writes: &[Dependencies],
        run: parse,
    },
    Stage {
        name: "mentions",
        reads: &[Text, Tokens, Sentences, Tags, Names],
        writes: &[Mentions],
        run: add_mentions,
    },
    // Entity resolution also adds the descriptions it ties to an entity
    // ("the company" after its name) as mentions.
    Stage {
        name: "entities",
        reads: &[Text, Tokens, Sentences, Tags, Mentions],
        writes: &[Mentions, Entities, MentionEntity, RefusedMerges],
        run: resolve_entities,
    },
    Stage {
        name: "relations",
        reads: &[
            Text,
            Tokens,
            Sentences,
            Tags,
            Dependencies,
            Mentions,
            Entities,
            MentionEntity,
        ],
        writes: &[Relations],
        run: extract_relations,
    },
];

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

    /// Runs every stage on one text; a text longer than [`WINDOW_BYTES`]
    /// is annotated window by window (see [`windows`]).
    pub fn annotate(&self, id: &str, text: &str) -> Document {
        self.annotate_timed(id, text, None)
    }

    /// [`Pipeline::annotate`], adding the time each stage took to
    /// `spent[i]` for stage `STAGES[i]` when given (`textkg bench
    /// --stages`).
    pub fn annotate_timed(
        &self,
        id: &str,
        text: &str,
        mut spent: Option<&mut [Duration; STAGES.len()]>,
    ) -> Document {
        if text.len() <= WINDOW_BYTES {
            return self.annotate_whole(id, text, spent);
        }
        let mut doc = Document::new(id, text);
        for window in windows(text, WINDOW_BYTES) {
            let part = self.annotate_whole(id, &text[window.clone()], spent.as_deref_mut());
            doc.append(part, window.start);
        }
        doc
    }

    /// Runs every stage after segmentation on a document whose tokens and
    /// sentences are already set, such as a corpus's gold words.
    pub fn annotate_segmented(&self, doc: &mut Document) {
        for stage in STAGES.iter().skip(1) {
            (stage.run)(self, doc);
        }
    }

    fn annotate_whole(
        &self,
        id: &str,
        text: &str,
        mut spent: Option<&mut [Duration; STAGES.len()]>,
    ) -> Document {
        let mut doc = Document::new(id, text);
        for (i, stage) in STAGES.iter().enumerate() {
            let started = spent.is_some().then(Instant::now);
            (stage.run)(self, &mut doc);
            if let (Some(spent), Some(started)) = (spent.as_deref_mut(), started) {
                spent[i] += started.elapsed();
            }
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::{Layer, Pipeline, STAGES};
    use crate::document::{Document, RelationKind};

    #[test]
    fn every_stage_reads_only_what_an_earlier_stage_wrote() {
        let mut written = vec![Layer::Text];
        for stage in &STAGES {
            for layer in stage.reads {
                assert!(
                    written.contains(layer),
                    "{} reads {layer:?}, which no earlier stage writes",
                    stage.name
                );
            }
            written.extend(stage.writes);
        }
    }

    fn same(a: &Document, b: &Document, layer: Layer) -> bool {
        match layer {
            Layer::Text => a.text == b.text,
            Layer::Tokens => a.tokens == b.tokens,
            Layer::Sentences => a.sentences == b.sentences,
            Layer::Tags => a.tags == b.tags,
            Layer::Names => a.names == b.names,
            Layer::Dependencies => a.dependencies == b.dependencies,
            Layer::Mentions => a.mentions == b.mentions,
            Layer::Entities => a.entities == b.entities,
            Layer::MentionEntity => a.mention_entity == b.mention_entity,
            Layer::RefusedMerges => a.refused_merges == b.refused_merges,
            Layer::Relations => a.relations == b.relations,
        }
    }

    const LAYERS: [Layer; 11] = [
        Layer::Text,
        Layer::Tokens,
        Layer::Sentences,
        Layer::Tags,
        Layer::Names,
        Layer::Dependencies,
        Layer::Mentions,
        Layer::Entities,
        Layer::MentionEntity,
        Layer::RefusedMerges,
        Layer::Relations,
    ];

    fn parsing() -> Pipeline {
        Pipeline::new(super::Options {
            parse: true,
            ..Default::default()
        })
    }

    #[test]
    fn each_stage_changes_only_the_layers_it_declares() {
        let pipeline = parsing();
        let mut doc = Document::new(
            "t",
            "Northwind, the Oslo shipping company, hired Ana Ruiz on Monday. \
             The company said she would lead its office in Lima.",
        );
        for stage in &STAGES {
            let before = doc.clone();
            (stage.run)(&pipeline, &mut doc);
            for layer in LAYERS {
                if !same(&before, &doc, layer) {
                    assert!(
                        stage.writes.contains(&layer),
                        "{} changed {layer:?}, which it does not declare",
                        stage.name
                    );
                }
            }
            assert!(
                stage
                    .writes
                    .iter()
                    .any(|&layer| !same(&before, &doc, layer)),
                "{} changed none of the layers it declares",
                stage.name
            );
        }
    }

    #[test]
    fn timed_annotation_gives_the_same_document_and_times_every_stage_that_runs() {
        let text = "Northwind, the Oslo shipping company, hired Ana Ruiz on Monday. \
                    The company said she would lead its office in Lima.";
        let pipeline = Pipeline::default();
        let mut spent = [std::time::Duration::ZERO; STAGES.len()];
        let timed = pipeline.annotate_timed("t", text, Some(&mut spent));
        let plain = pipeline.annotate("t", text);
        for layer in LAYERS {
            assert!(same(&timed, &plain, layer), "{layer:?} differs");
        }
        for (stage, spent) in STAGES.iter().zip(spent) {
            // The default build does not parse: that stage returns at once.
            if stage.name != "parse" {
                assert!(!spent.is_zero(), "{} was not timed", stage.name);
            }
        }
    }

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
    fn windows_cover_the_text_and_end_at_breaks() {
        let text = "Ana Ruiz visited Lima. She met Carlos Vega.\n\n".repeat(100);
        let windows = super::windows(&text, 1000);
        assert_eq!(windows[0].start, 0);
        assert_eq!(windows.last().unwrap().end, text.len());
        for pair in windows.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[..pair[0].end].ends_with("\n\n"));
        }
        assert!(windows.iter().all(|w| w.len() <= 1000));
        let unbroken = "é".repeat(1000);
        let windows = super::windows(&unbroken, 301);
        assert!(
            windows
                .iter()
                .all(|w| unbroken.get(w.clone()).is_some() && w.len() <= 301)
        );
        assert_eq!(super::windows("", 10).len(), 1);
    }

    #[test]
    fn a_long_text_annotated_in_windows_keeps_its_offsets() {
        let text = "Ana Ruiz, the mayor of Lima, met Carlos Vega in Paris.\n\n".repeat(2000);
        assert!(text.len() > super::WINDOW_BYTES);
        let doc = parsing().annotate("long", &text);
        assert_eq!(doc.tags.len(), doc.tokens.len());
        assert_eq!(doc.dependencies.len(), doc.tokens.len());
        assert_eq!(doc.mention_entity.len(), doc.mentions.len());
        let vega = doc
            .mentions
            .iter()
            .filter(|m| &text[m.span.range()] == "Carlos Vega");
        assert_eq!(vega.count(), 2000);
        for (i, sentence) in doc.sentences.iter().enumerate() {
            let first = doc.tokens[sentence.tokens.start];
            assert_eq!(first.start, sentence.span.start, "sentence {i}");
            for arc in &doc.dependencies[sentence.tokens.clone()] {
                assert!(arc.head.is_none_or(|h| sentence.tokens.contains(&h)));
            }
        }
        for relation in &doc.relations {
            assert!(relation.head.index() < doc.entities.len());
            for span in &relation.evidence {
                assert!(text.get(span.range()).is_some());
            }
        }
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
