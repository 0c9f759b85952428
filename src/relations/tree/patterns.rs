//! The construction table (`patterns.tsv`) and the paths its rows walk.
//!
//! A path is a chain of steps from the predicate, separated by `/`:
//! `nsubj` goes down to each child attached as `nsubj` (alternatives with
//! `|`: `obj|iobj`); `obl[to|from]` goes down to an `obl` child whose
//! `case` word is one of those (`[*]`: any case word, which the label's
//! `{case}` then shows); `^xcomp` goes up to the head when the current
//! token is attached as `xcomp`; `.` stays on the token (`.[in|at]`: only
//! when its own case word is one of those). A step ending in `>` (`<`) keeps only
//! the tokens after (before) the predicate: `^advcl/nsubj>` is the subject
//! of a clause that a fronted participle hangs from ("Born in Lyon, Ines
//! ..."), not that of a clause the participle follows.
//!
//! A step going up or down may end in `@class`: only tokens of that word
//! class are reached (`^obj@light/nsubj`: the subject of the light verb
//! whose object the predicate is).
//!
//! The predicate column is a part of speech (alternatives with `|`),
//! optionally followed by a word class the predicate must belong to:
//! `NOUN@role` takes only nouns that name a position or an occupation
//! (the titles, occupations and corporate titles of `src/lexicon`),
//! `NOUN@event` nouns of an act between two parties (`event_nouns.txt`),
//! `VERB@light` verbs that say such an act took place (`light_verbs.txt`).

use crate::document::Upos;
use std::sync::OnceLock;

pub const TABLE: &str = include_str!("patterns.tsv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Down {
        relations: Vec<String>,
        /// `None`: no condition on the case word; `Some(empty)`: any case word.
        cases: Option<Vec<String>>,
        side: Side,
        class: Option<WordClass>,
    },
    Up {
        relations: Vec<String>,
        side: Side,
        class: Option<WordClass>,
    },
    /// `.`: the token itself, `.[in|at]` only with one of those case
    /// words (a name that is itself the predicate: "X is in Lyon").
    Here { cases: Option<Vec<String>> },
}

/// Where a step's tokens must be relative to the predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Any,
    Before,
    After,
}

impl Side {
    pub fn allows(self, predicate: usize, token: usize) -> bool {
        match self {
            Side::Any => true,
            Side::Before => token < predicate,
            Side::After => token > predicate,
        }
    }
}

pub type Path = Vec<Step>;

/// Words a predicate can be limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// A position, an occupation, a membership or a kinship: "founder",
    /// "ambassador", "reporter", "member", "brother".
    Role,
    /// An act between two parties, named by a noun: "acquisition",
    /// "signing", "arrest".
    Event,
    /// A verb that says its object, an act, took place with its subject
    /// as the doer: "completed", "sealed".
    Light,
}

impl WordClass {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "role" => Some(WordClass::Role),
            "event" => Some(WordClass::Event),
            "light" => Some(WordClass::Light),
            _ => None,
        }
    }

    pub fn contains(self, word: &str) -> bool {
        match self {
            WordClass::Role => {
                let lower = word.to_lowercase();
                crate::lexicon::is_title(word)
                    || crate::lexicon::is_occupation(&lower)
                    || crate::lexicon::is_corporate_title(&lower)
                    || relational_nouns().contains(lower.as_str())
            }
            WordClass::Event => event_verb(word).is_some(),
            WordClass::Light => light_verbs().contains(word.to_lowercase().as_str()),
        }
    }
}

/// The verb, in the past, that says what a noun of an act names
/// ("signing" gives "signed"), from `event_nouns.txt`.
pub fn event_verb(noun: &str) -> Option<&'static str> {
    static VERBS: OnceLock<std::collections::HashMap<&'static str, &'static str>> = OnceLock::new();
    VERBS
        .get_or_init(|| {
            crate::lexicon::entry_lines(include_str!("event_nouns.txt"))
                .filter_map(|line| line.split_once(' '))
                .collect()
        })
        .get(noun.to_lowercase().as_str())
        .copied()
}

fn light_verbs() -> &'static std::collections::HashSet<&'static str> {
    static VERBS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    VERBS.get_or_init(|| crate::lexicon::entry_lines(include_str!("light_verbs.txt")).collect())
}

/// Nouns of membership and kinship that the lexicon's titles and
/// occupations lack (`relational_nouns.txt`).
fn relational_nouns() -> &'static std::collections::HashSet<&'static str> {
    static NOUNS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    NOUNS
        .get_or_init(|| crate::lexicon::entry_lines(include_str!("relational_nouns.txt")).collect())
}

/// One construction: where its subject and object are from the predicate.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub name: String,
    /// The predicate's part of speech.
    pub predicate: Vec<Upos>,
    /// A word class the predicate must belong to.
    pub word_class: Option<WordClass>,
    /// Alternative paths to the subject; every one found is a subject.
    pub subject: Vec<Path>,
    pub object: Vec<Path>,
    /// Paths that must each find something.
    pub requires: Vec<Path>,
    /// Paths that must find nothing.
    pub unless: Vec<Path>,
    /// `{pred}` (the predicate, its particle and an adjective it predicates
    /// of the object), `{obj}` (the direct object noun that the object
    /// hangs from), `{obj?}` (that noun where the verb has one), `{role}` (a noun with the
    /// words that make its title, "chief executive"), `{case}` (the object's
    /// case word), and literal words.
    pub label: String,
    pub hedged: bool,
    /// A hand-built tree: `word/UPOS/head/relation`, heads counted from 1
    /// (0 for the root), entity names in brackets.
    pub example: String,
    /// The triple the example gives: `subject | label | object`, then
    /// `| hedged` or `| negated` when it is.
    pub gives: String,
}

impl Pattern {
    /// Whether the predicate is itself the object (`.`), so that a name can
    /// be the predicate.
    pub fn reads_itself(&self) -> bool {
        self.object
            .iter()
            .any(|path| matches!(path.first(), Some(Step::Here { .. })))
    }
}

/// The table, read once.
pub fn patterns() -> &'static [Pattern] {
    static PATTERNS: OnceLock<Vec<Pattern>> = OnceLock::new();
    PATTERNS.get_or_init(|| match parse_table(TABLE) {
        Ok(patterns) => patterns,
        // The table is compiled in and checked by a test, so this cannot
        // happen in a tested build.
        Err(e) => panic!("src/relations/tree/patterns.tsv: {e}"),
    })
}

const COLUMNS: [&str; 10] = [
    "name",
    "predicate",
    "subject",
    "object",
    "requires",
    "unless",
    "label",
    "hedged",
    "example",
    "gives",
];

pub fn parse_table(text: &str) -> Result<Vec<Pattern>, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let (_, header) = lines.next().ok_or("the table is empty")?;
    let header: Vec<&str> = header.split('\t').collect();
    if header != COLUMNS {
        return Err(format!("the header must be {}", COLUMNS.join(" ")));
    }
    lines
        .map(|(number, line)| parse_row(line).map_err(|e| format!("line {}: {e}", number + 1)))
        .collect()
}

fn parse_row(line: &str) -> Result<Pattern, String> {
    let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cells.len() != COLUMNS.len() {
        return Err(format!("{} cells, not {}", cells.len(), COLUMNS.len()));
    }
    let (tags, word_class) = match cells[1].split_once('@') {
        Some((tags, class)) => (
            tags,
            Some(WordClass::parse(class).ok_or_else(|| format!("no word class {class:?}"))?),
        ),
        None => (cells[1], None),
    };
    let predicate = tags
        .split('|')
        .map(|t| Upos::parse(t).ok_or_else(|| format!("no part of speech {t:?}")))
        .collect::<Result<Vec<_>, _>>()?;
    let hedged = match cells[7] {
        "yes" => true,
        "no" => false,
        other => return Err(format!("hedged must be yes or no, not {other:?}")),
    };
    Ok(Pattern {
        name: cells[0].to_string(),
        predicate,
        word_class,
        subject: paths(cells[2])?,
        object: paths(cells[3])?,
        requires: paths(cells[4])?,
        unless: paths(cells[5])?,
        label: cells[6].to_string(),
        hedged,
        example: cells[8].to_string(),
        gives: cells[9].to_string(),
    })
}

/// Paths separated by `;`; `-` for none.
fn paths(cell: &str) -> Result<Vec<Path>, String> {
    if cell == "-" {
        return Ok(Vec::new());
    }
    cell.split(';').map(|p| path(p.trim())).collect()
}

fn path(text: &str) -> Result<Path, String> {
    text.split('/').map(step).collect()
}

fn step(text: &str) -> Result<Step, String> {
    let (text, side) = if let Some(rest) = text.strip_suffix('>') {
        (rest, Side::After)
    } else if let Some(rest) = text.strip_suffix('<') {
        (rest, Side::Before)
    } else {
        (text, Side::Any)
    };
    let (text, class) = match text.split_once('@') {
        Some((text, name)) => (
            text,
            Some(WordClass::parse(name).ok_or_else(|| format!("no word class {name:?}"))?),
        ),
        None => (text, None),
    };
    let names = |s: &str| -> Result<Vec<String>, String> {
        let names: Vec<String> = s.split('|').map(str::to_string).collect();
        if names
            .iter()
            .any(|n| n.is_empty() || !n.chars().all(|c| c.is_ascii_lowercase() || c == ':'))
        {
            return Err(format!("bad relation in step {text:?}"));
        }
        Ok(names)
    };
    if let Some(here) = text.strip_prefix('.') {
        if class.is_some() {
            return Err(format!(
                "the step {text:?} stays on the predicate: no word class"
            ));
        }
        let cases = match here {
            "" => None,
            "[*]" => Some(Vec::new()),
            _ => Some(
                here.strip_prefix('[')
                    .and_then(|h| h.strip_suffix(']'))
                    .ok_or_else(|| format!("bad step {text:?}"))?
                    .split('|')
                    .map(str::to_string)
                    .collect(),
            ),
        };
        return Ok(Step::Here { cases });
    }
    if let Some(up) = text.strip_prefix('^') {
        return Ok(Step::Up {
            relations: names(up)?,
            side,
            class,
        });
    }
    match text.split_once('[') {
        None => Ok(Step::Down {
            relations: names(text)?,
            cases: None,
            side,
            class,
        }),
        Some((relations, rest)) => {
            let cases = rest
                .strip_suffix(']')
                .ok_or_else(|| format!("step {text:?} lacks its closing bracket"))?;
            let cases = if cases == "*" {
                Vec::new()
            } else {
                cases.split('|').map(str::to_string).collect()
            };
            Ok(Step::Down {
                relations: names(relations)?,
                cases: Some(cases),
                side,
                class,
            })
        }
    }
}
