//! The one container every stage reads and extends.
//!
//! A [`Document`] owns its text and a layer per stage, each a plain vector
//! written by exactly one stage. Spans are half-open UTF-8 byte ranges into
//! the original text everywhere; no stage rewrites the text.

use crate::model::clusters::WordCluster;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

macro_rules! typed_id {
    ($name:ident) => {
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl From<usize> for $name {
            fn from(index: usize) -> Self {
                $name(u32::try_from(index).expect("index fits in u32"))
            }
        }
    };
}

typed_id!(TokenId);
typed_id!(SentenceId);
typed_id!(MentionId);
typed_id!(EntityId);

/// Entity types of the graph; the names are those of the JSON format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Organization,
    Location,
    Misc,
    Date,
    Number,
}

impl EntityType {
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Misc,
        EntityType::Date,
        EntityType::Number,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Organization => "ORGANIZATION",
            EntityType::Location => "LOCATION",
            EntityType::Misc => "MISC",
            EntityType::Date => "DATE",
            EntityType::Number => "NUMBER",
        }
    }

    pub fn parse(name: &str) -> Option<EntityType> {
        let upper = name.trim().to_ascii_uppercase();
        Some(match upper.as_str() {
            "PERSON" | "PER" => EntityType::Person,
            "ORGANIZATION" | "ORGANISATION" | "ORG" => EntityType::Organization,
            "LOCATION" | "LOC" | "GPE" => EntityType::Location,
            "MISC" => EntityType::Misc,
            "DATE" | "TIME" => EntityType::Date,
            "NUMBER" | "NUM" => EntityType::Number,
            _ => return None,
        })
    }
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Universal part-of-speech tags (UD), as written by the tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    pub fn parse(name: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == name)
    }
}

/// A sentence: its byte span and the tokens it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MentionKind {
    /// A proper name ("Kim Jong Un", "RAND Corporation").
    Name,
    /// An adjective or demonym standing for a place ("North Korean").
    Demonym,
    /// A personal or possessive pronoun ("he", "its").
    Pronoun,
    /// A description ("the current North Korean leader").
    Nominal,
}

/// One span of text that refers to an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The name itself, without title or possessive ending.
    pub span: Span,
    /// Token range of `span`.
    pub tokens: Range<usize>,
    pub sentence: SentenceId,
    pub ty: EntityType,
    pub kind: MentionKind,
    /// A title or role written before the name ("Secretary of State").
    pub role: Option<Span>,
    /// The rule that last found or changed the mention, as `--explain`
    /// reports it.
    #[serde(skip)]
    pub found_by: &'static str,
}

/// Why a mention joined an entity: shown by `--explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MergeRule {
    /// The first, fullest mention of the entity.
    Canonical,
    SameName,
    /// "NTC" for "Nordic Trade Council".
    Acronym,
    /// A person's surname or given name: "Okafor" for "Maria Okafor".
    PersonNamePart,
    /// A name without its suffix words: "RAND" for "RAND Corporation".
    WithoutSuffix,
    /// A company's first word: "Acme" for "Acme Robotics".
    FirstWord,
    /// A name without the country it belongs to: "Senate" for "U.S. Senate".
    WithoutCountry,
    /// "Delia" for "Hurricane Delia".
    StormName,
    /// A club's name without its first word: "Corvix" for "Real Corvix".
    ClubName,
    Demonym,
    Description,
    Pronoun,
    UserAlias,
}

/// A merge the entity stage considered and refused, for `--explain`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefusedMerge {
    pub mention: MentionId,
    /// The entities the mention could have joined.
    pub candidates: Vec<EntityId>,
    pub reason: String,
}

/// An entity of one document: its mentions merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub ty: EntityType,
    /// The fullest proper name the text gives.
    pub label: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    /// Mentions with the rule that attached each.
    pub mentions: Vec<(MentionId, MergeRule)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    /// The text's own predicate.
    Open,
    /// A Wikidata property.
    Typed,
    /// Two entities named in the same sentence; only on request.
    #[serde(rename = "co-mention")]
    CoMention,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Open => "open",
            RelationKind::Typed => "typed",
            RelationKind::CoMention => "co-mention",
        }
    }
}

/// A relation the text states between two entities of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub head: EntityId,
    pub tail: EntityId,
    pub kind: RelationKind,
    /// The predicate in the text's words, or the property's name.
    pub label: String,
    /// Wikidata property id for typed relations.
    pub property: Option<String>,
    pub confidence: f32,
    pub negated: bool,
    pub hedged: bool,
    /// Sentence spans the relation was read from.
    pub evidence: Vec<Span>,
}

/// A token's arc in its sentence's dependency tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dependency {
    /// The head's token index in the document; `None` for the sentence's root.
    pub head: Option<usize>,
    /// The UD relation to the head, subtypes kept ("nsubj:pass", "obl:agent").
    pub relation: &'static str,
}

/// A document and every layer the pipeline has added to it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub tokens: Vec<Span>,
    pub sentences: Vec<Sentence>,
    /// One tag per token once the tagger has run; empty before.
    pub tags: Vec<Upos>,
    /// The recogniser's names: token ranges and types, which the mention
    /// stage reads.
    #[serde(skip)]
    pub names: Vec<(Range<usize>, EntityType)>,
    /// One arc per token once the parser has run; empty before.
    #[serde(skip)]
    pub dependencies: Vec<Dependency>,
    /// One per token once the recogniser has run: the word clusters of the
    /// Explosion vectors for the word as written, else its lower case, which
    /// the typed relations read too. Empty before.
    #[serde(skip)]
    pub word_clusters: Vec<Option<WordCluster>>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// The entity each mention belongs to, parallel to `mentions`.
    pub mention_entity: Vec<Option<EntityId>>,
    pub refused_merges: Vec<RefusedMerge>,
    pub relations: Vec<Relation>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    pub fn token_text(&self, token: usize) -> &str {
        self.slice(self.tokens[token])
    }

    /// The byte span covered by a range of tokens.
    pub fn token_span(&self, tokens: Range<usize>) -> Span {
        Span::new(
            self.tokens[tokens.start].start,
            self.tokens[tokens.end - 1].end,
        )
    }

    pub fn sentence_of_token(&self, token: usize) -> SentenceId {
        let index = self
            .sentences
            .partition_point(|sentence| sentence.tokens.end <= token);
        SentenceId::from(index)
    }

    /// Appends the annotations of `part`, whose text starts at byte
    /// `offset` of this document's text, shifting every offset and index.
    pub fn append(&mut self, part: Document, offset: usize) {
        let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
        let (tokens, sentences) = (self.tokens.len(), self.sentences.len());
        let (mentions, entities) = (self.mentions.len(), self.entities.len());
        let mention = |id: MentionId| MentionId::from(id.index() + mentions);
        let entity = |id: EntityId| EntityId::from(id.index() + entities);
        self.tokens.extend(part.tokens.into_iter().map(shift));
        self.sentences
            .extend(part.sentences.into_iter().map(|sentence| Sentence {
                span: shift(sentence.span),
                tokens: sentence.tokens.start + tokens..sentence.tokens.end + tokens,
            }));
        self.tags.extend(part.tags);
        self.dependencies
            .extend(part.dependencies.into_iter().map(|d| Dependency {
                head: d.head.map(|h| h + tokens),
                ..d
            }));
        self.names.extend(
            part.names
                .into_iter()
                .map(|(range, ty)| (range.start + tokens..range.end + tokens, ty)),
        );
        self.mentions
            .extend(part.mentions.into_iter().map(|m| Mention {
                span: shift(m.span),
                tokens: m.tokens.start + tokens..m.tokens.end + tokens,
                sentence: SentenceId::from(m.sentence.index() + sentences),
                role: m.role.map(shift),
                ..m
            }));
        self.entities.extend(part.entities.into_iter().map(|mut e| {
            for (id, _) in &mut e.mentions {
                *id = mention(*id);
            }
            e
        }));
        self.mention_entity
            .extend(part.mention_entity.into_iter().map(|e| e.map(entity)));
        self.refused_merges
            .extend(part.refused_merges.into_iter().map(|mut r| {
                r.mention = mention(r.mention);
                for candidate in &mut r.candidates {
                    *candidate = entity(*candidate);
                }
                r
            }));
        self.relations
            .extend(part.relations.into_iter().map(|mut r| {
                r.head = entity(r.head);
                r.tail = entity(r.tail);
                for span in &mut r.evidence {
                    *span = shift(*span);
                }
                r
            }));
    }
}
