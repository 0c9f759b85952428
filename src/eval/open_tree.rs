//! Open relations read from trees (`relations::tree`) on GUM's Wikinews
//! texts: the triples read from the gold trees against those read from
//! textkg's parses of the same words, with the same mentions and entities
//! (the pipeline run on the gold words); and open edges per 1,000 words
//! from the tree reader and from the token reader on that text.

use super::Common;
use super::parser::gum_files;
use crate::corpus::conllu;
use crate::document::{Dependency, Document, Relation, RelationKind, Sentence, Span};
use crate::error::{Error, Result};
use crate::model::clusters::WordClusters;
use crate::model::parser::Parser;
use crate::pipeline::{Options, Pipeline};
use crate::relations::tree;
use std::collections::BTreeSet;

#[derive(Debug, clap::Args)]
pub struct OpenTreeArgs {
    #[command(flatten)]
    pub common: Common,
    /// GUM's dev half (the first 22 texts in sorted order) or its reporting half.
    #[arg(long, default_value = "dev", value_parser = ["dev", "test"])]
    pub split: String,
    /// Print the triples only one of the two trees gives (dev half only).
    #[arg(long)]
    pub show: bool,
    /// With --show: also print both trees of each sentence that has a
    /// disagreement, as `word/UPOS/head/relation` (heads counted from 1).
    #[arg(long, requires = "show")]
    pub trees: bool,
    /// With --show: also print each sentence that names two entities
    /// (dates and numbers aside) but gives no triple on the parsed trees,
    /// with its parsed tree.
    #[arg(long, requires = "show")]
    pub missed: bool,
    /// Also count each row of the table on its own (dev half only): its
    /// triples from gold trees, from parsed trees, and in both.
    #[arg(long)]
    pub by_row: bool,
}

/// A triple as compared: sentence, subject, predicate label, object.
type Triple = (usize, usize, String, usize);

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub words: usize,
    pub gold: usize,
    pub parsed: usize,
    pub both: usize,
    pub token_reader: usize,
}

impl Counts {
    /// Agreement: the F1 of the parsed trees' triples against the gold trees'.
    pub fn agreement(&self) -> f64 {
        200.0 * self.both as f64 / (self.gold + self.parsed).max(1) as f64
    }

    fn per_thousand(&self, edges: usize) -> f64 {
        1000.0 * edges as f64 / self.words.max(1) as f64
    }
}

/// A document of the gold words, one sentence a line, annotated by every
/// stage after segmentation (the token reader's relations included).
fn document(id: &str, sentences: &[conllu::Sentence]) -> Document {
    let mut doc = Document::new(id, "");
    for sentence in sentences {
        let first = doc.tokens.len();
        let start = doc.text.len();
        for (i, word) in sentence.words.iter().enumerate() {
            if i > 0 {
                doc.text.push(' ');
            }
            let at = doc.text.len();
            doc.text.push_str(&word.form);
            doc.tokens.push(Span::new(at, doc.text.len()));
        }
        doc.sentences.push(Sentence {
            span: Span::new(start, doc.text.len()),
            tokens: first..doc.tokens.len(),
        });
        doc.text.push('\n');
    }
    Pipeline::new(Options::default()).annotate_segmented(&mut doc);
    doc
}

fn gold_trees(parser: &'static Parser, sentences: &[conllu::Sentence]) -> Vec<Dependency> {
    let label = |deprel: &str| -> &'static str {
        parser
            .labels()
            .iter()
            .find(|l| l.as_str() == deprel)
            .map_or("dep", |l| l.as_str())
    };
    let mut arcs = Vec::new();
    for sentence in sentences {
        let first = arcs.len();
        for word in &sentence.words {
            arcs.push(Dependency {
                head: (word.head > 0).then(|| first + word.head - 1),
                relation: label(&word.deprel),
            });
        }
    }
    arcs
}

fn triples(doc: &Document, relations: &[Relation]) -> BTreeSet<Triple> {
    relations
        .iter()
        .map(|r| {
            let sentence = doc
                .sentences
                .iter()
                .position(|s| r.evidence.first() == Some(&s.span))
                .unwrap_or(usize::MAX);
            (sentence, r.head.index(), r.label.clone(), r.tail.index())
        })
        .collect()
}

fn describe(doc: &Document, (sentence, head, label, tail): &Triple) -> String {
    format!(
        "{} | {label} | {}    «{}»",
        doc.entities[*head].label,
        doc.entities[*tail].label,
        doc.sentences
            .get(*sentence)
            .map_or("", |s| doc.slice(s.span))
    )
}

/// One sentence's tree in the notation of `relations/tree/patterns.tsv`.
fn tree_line(doc: &Document, sentence: &Sentence, arcs: &[Dependency]) -> String {
    sentence
        .tokens
        .clone()
        .map(|t| {
            let head = arcs[t].head.map_or(0, |h| h + 1 - sentence.tokens.start);
            format!(
                "{}/{}/{head}/{}",
                doc.token_text(t),
                doc.tags[t].as_str(),
                arcs[t].relation
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn run(args: OpenTreeArgs) -> Result<()> {
    if (args.show || args.by_row) && args.split != "dev" {
        return Err(Error::Usage(
            "--show and --by-row are for tuning, on the dev half only".to_string(),
        ));
    }
    let rows = tree::patterns::patterns();
    let mut by_row = vec![Counts::default(); rows.len()];
    let parser = Parser::embedded();
    let clusters = WordClusters::embedded();
    let mut total = Counts::default();
    let files = gum_files(args.common.data(), &args.split)?;
    for path in &files {
        let sentences = conllu::read(path)?;
        let id = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let mut doc = document(&id, &sentences);
        let token_reader: Vec<Relation> = doc
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Open)
            .cloned()
            .collect();
        let gold_arcs = gold_trees(parser, &sentences);
        doc.dependencies = gold_arcs.clone();
        let gold = triples(&doc, &tree::extract(&doc));
        let parsed_arcs = parser.annotate(&doc, clusters);
        if args.by_row {
            for (row, counts) in rows.iter().zip(&mut by_row) {
                let only = std::slice::from_ref(row);
                doc.dependencies = gold_arcs.clone();
                let gold = triples(&doc, &tree::extract_with(&doc, only));
                doc.dependencies = parsed_arcs.clone();
                let parsed = triples(&doc, &tree::extract_with(&doc, only));
                counts.gold += gold.len();
                counts.parsed += parsed.len();
                counts.both += gold.intersection(&parsed).count();
            }
        }
        doc.dependencies = parsed_arcs;
        let parsed = triples(&doc, &tree::extract(&doc));
        let both = gold.intersection(&parsed).count();
        let counts = Counts {
            words: doc.tokens.len(),
            gold: gold.len(),
            parsed: parsed.len(),
            both,
            token_reader: token_reader.len(),
        };
        println!(
            "{id}: {} words, gold trees {} triples, parsed {} , both {}, agreement {:.1}%, token reader {}",
            counts.words,
            counts.gold,
            counts.parsed,
            counts.both,
            counts.agreement(),
            counts.token_reader
        );
        if args.show {
            for t in gold.difference(&parsed) {
                println!("  gold only:   {}", describe(&doc, t));
            }
            for t in parsed.difference(&gold) {
                println!("  parsed only: {}", describe(&doc, t));
            }
            let pairs: BTreeSet<(usize, usize, usize)> =
                gold.iter().map(|(s, h, _, t)| (*s, *h, *t)).collect();
            let mut differing = BTreeSet::new();
            for t in triples(&doc, &token_reader) {
                if !pairs.contains(&(t.0, t.1, t.3)) {
                    println!("  token reader, not gold trees: {}", describe(&doc, &t));
                    differing.insert(t.0);
                }
            }
            if args.missed {
                let read: BTreeSet<usize> = parsed.iter().map(|t| t.0).collect();
                for (s, sentence) in doc.sentences.iter().enumerate() {
                    let named: BTreeSet<usize> = doc
                        .mentions
                        .iter()
                        .zip(&doc.mention_entity)
                        .filter(|(m, _)| sentence.tokens.contains(&m.tokens.start))
                        .filter_map(|(_, e)| *e)
                        .filter(|e| {
                            !matches!(
                                doc.entities[e.index()].ty,
                                crate::document::EntityType::Date
                                    | crate::document::EntityType::Number
                            )
                        })
                        .map(|e| e.index())
                        .collect();
                    if named.len() >= 2 && !read.contains(&s) {
                        let names: Vec<&str> = named
                            .iter()
                            .map(|&e| doc.entities[e].label.as_str())
                            .collect();
                        println!("  missed {s} [{}]", names.join("; "));
                        println!(
                            "    parsed: {}",
                            tree_line(&doc, sentence, &doc.dependencies)
                        );
                    }
                }
            }
            if args.trees {
                differing.extend(gold.symmetric_difference(&parsed).map(|t| t.0));
                for &s in &differing {
                    let Some(sentence) = doc.sentences.get(s) else {
                        continue;
                    };
                    println!("  sentence {s}");
                    println!("    gold:   {}", tree_line(&doc, sentence, &gold_arcs));
                    println!(
                        "    parsed: {}",
                        tree_line(&doc, sentence, &doc.dependencies)
                    );
                }
            }
        }
        total.words += counts.words;
        total.gold += counts.gold;
        total.parsed += counts.parsed;
        total.both += counts.both;
        total.token_reader += counts.token_reader;
    }
    println!(
        "GUM {} ({} texts, {} words): (subject, predicate, object) agreement {:.1}% \
         ({} triples from gold trees, {} from parsed trees, {} in both; precision {:.1}%, recall {:.1}%)",
        args.split,
        files.len(),
        total.words,
        total.agreement(),
        total.gold,
        total.parsed,
        total.both,
        100.0 * total.both as f64 / total.parsed.max(1) as f64,
        100.0 * total.both as f64 / total.gold.max(1) as f64,
    );
    println!(
        "open edges per 1,000 words: tree reader {:.2} on gold trees, {:.2} on parsed trees; token reader {:.2}",
        total.per_thousand(total.gold),
        total.per_thousand(total.parsed),
        total.per_thousand(total.token_reader),
    );
    if args.by_row {
        println!("row: gold-tree triples, parsed-tree triples, both, agreement");
        for (row, counts) in rows.iter().zip(&by_row) {
            println!(
                "  {}: {} {} {} {:.1}%",
                row.name,
                counts.gold,
                counts.parsed,
                counts.both,
                counts.agreement()
            );
        }
    }
    Ok(())
}
