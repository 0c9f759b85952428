//! `textkg eval`: scores tokenisation, tagging and entity recognition
//! against the gold corpora in `../shared/data`.

pub mod entities;
pub mod ner;
pub mod open_tree;
pub mod parser;
pub mod score;
pub mod tagger;
pub mod tokens;

use crate::error::Result;
use crate::model::Models;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub task: EvalTask,
}

#[derive(Debug, clap::Subcommand)]
pub enum EvalTask {
    /// Token and sentence-boundary F1 against UD EWT test.
    Tokens(tokens::TokensArgs),
    /// UPOS accuracy on UD EWT test, gold tokens.
    Tagger(tagger::TaggerArgs),
    /// Dependency parsing: UAS and LAS on UD EWT test, gold tokens, predicted tags.
    Parser(parser::ParserArgs),
    /// Open relations from trees: gold GUM trees against textkg's parses of the same words.
    OpenTree(open_tree::OpenTreeArgs),
    /// Entity mentions: UNER EWT test, or Re-DocRED 5-fold cross-validation.
    Ner(ner::NerArgs),
    /// Entity resolution: GUM clustering and pronouns, or Re-DocRED entities.
    Entities(entities::EntitiesArgs),
    /// Typed relations on Re-DocRED, 5-fold cross-validation (gold entities or end to end).
    Relations(crate::relations::typed::TypedEvalArgs),
}

/// Options every evaluation shares.
#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    /// Folder holding the corpora.
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Load models from this folder instead of the ones built in.
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
}

impl Common {
    pub fn models(&self) -> Result<std::borrow::Cow<'static, Models>> {
        match &self.models {
            Some(dir) => Ok(std::borrow::Cow::Owned(Models::load(dir)?)),
            None => Ok(std::borrow::Cow::Borrowed(Models::embedded())),
        }
    }

    pub fn data(&self) -> &Path {
        &self.data
    }
}

pub fn run(args: EvalArgs) -> Result<()> {
    match args.task {
        EvalTask::Tokens(a) => tokens::run(a),
        EvalTask::Tagger(a) => tagger::run(a),
        EvalTask::Parser(a) => parser::run(a),
        EvalTask::OpenTree(a) => open_tree::run(a),
        EvalTask::Ner(a) => ner::run(a),
        EvalTask::Entities(a) => entities::run(a),
        EvalTask::Relations(a) => crate::relations::typed::run(&a),
    }
}

/// Every non-blank line of a JSON Lines file, parsed; a bad line is an
/// error naming the file and the line.
pub fn read_json_lines<T: serde::de::DeserializeOwned>(
    path: &std::path::Path,
) -> crate::error::Result<Vec<T>> {
    let source = std::fs::read_to_string(path).map_err(|e| crate::error::Error::io(path, e))?;
    source
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line).map_err(|e| crate::error::Error::BadLine {
                path: path.to_path_buf(),
                line: index + 1,
                message: e.to_string(),
            })
        })
        .collect()
}
