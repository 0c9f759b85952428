//! The flat property schema shared by the property-graph and table formats
//! (Cypher, Kùzu, Neo4j CSV, CSV, GraphML, GEXF).
//!
//! Graph databases keep only scalars and arrays of scalars as properties, so
//! lists of text spans become parallel arrays (`evidence_docs[i]`,
//! `evidence_starts[i]`, ...): one name and one type per column everywhere.

use crate::document::{EntityType, RelationKind};
use crate::graph::{Edge, Node, TextRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Str,
    /// A string that may be absent (null).
    OptStr,
    Float,
    Bool,
    StrList,
    IntList,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub name: &'static str,
    pub kind: Kind,
}

const fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

pub(crate) const NODE_COLUMNS: [Column; 9] = [
    col("id", Kind::Str),
    col("label", Kind::Str),
    col("type", Kind::Str),
    col("aliases", Kind::StrList),
    col("roles", Kind::StrList),
    col("mention_docs", Kind::StrList),
    col("mention_starts", Kind::IntList),
    col("mention_ends", Kind::IntList),
    col("mention_texts", Kind::StrList),
];

pub(crate) const EDGE_COLUMNS: [Column; 11] = [
    col("id", Kind::Str),
    col("kind", Kind::Str),
    col("label", Kind::Str),
    col("relation", Kind::OptStr),
    col("confidence", Kind::Float),
    col("negated", Kind::Bool),
    col("hedged", Kind::Bool),
    col("evidence_docs", Kind::StrList),
    col("evidence_starts", Kind::IntList),
    col("evidence_ends", Kind::IntList),
    col("evidence_texts", Kind::StrList),
];

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    Str(&'a str),
    Null,
    Float(f64),
    Bool(bool),
    StrList(Vec<&'a str>),
    IntList(Vec<usize>),
}

fn spans(refs: &[TextRef]) -> [Value<'_>; 4] {
    [
        Value::StrList(refs.iter().map(|r| r.doc.as_str()).collect()),
        Value::IntList(refs.iter().map(|r| r.start).collect()),
        Value::IntList(refs.iter().map(|r| r.end).collect()),
        Value::StrList(refs.iter().map(|r| r.text.as_str()).collect()),
    ]
}

fn strs(list: &[String]) -> Value<'_> {
    Value::StrList(list.iter().map(String::as_str).collect())
}

/// The node's values, in the order of [`NODE_COLUMNS`].
pub(crate) fn node_values(node: &Node) -> [Value<'_>; 9] {
    let [docs, starts, ends, texts] = spans(&node.mentions);
    [
        Value::Str(&node.id),
        Value::Str(&node.label),
        Value::Str(node.ty.as_str()),
        strs(&node.aliases),
        strs(&node.roles),
        docs,
        starts,
        ends,
        texts,
    ]
}

/// The edge's values, in the order of [`EDGE_COLUMNS`].
pub(crate) fn edge_values(edge: &Edge) -> [Value<'_>; 11] {
    let [docs, starts, ends, texts] = spans(&edge.evidence);
    [
        Value::Str(&edge.id),
        Value::Str(edge.kind.as_str()),
        Value::Str(&edge.label),
        edge.relation.as_deref().map_or(Value::Null, Value::Str),
        Value::Float(edge.confidence),
        Value::Bool(edge.negated),
        Value::Bool(edge.hedged),
        docs,
        starts,
        ends,
        texts,
    ]
}

/// The node label (table name) of an entity type: `Person`, `Organization`, ...
pub(crate) fn node_label(ty: EntityType) -> &'static str {
    match ty {
        EntityType::Person => "Person",
        EntityType::Organization => "Organization",
        EntityType::Location => "Location",
        EntityType::Misc => "Misc",
        EntityType::Date => "Date",
        EntityType::Number => "Number",
    }
}

/// Whether `id` is a Wikidata property id (`P` and digits), safe to use
/// as an identifier or IRI part without quoting.
pub(crate) fn is_property_id(id: &str) -> bool {
    let digits = id.strip_prefix('P').unwrap_or("");
    !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The relationship type of an edge: the Wikidata property id of a typed
/// edge (`P108`), `RELATED` for an open predicate (its words are in
/// `label`), `CO_MENTION` for co-mentions. Never anything else, so a
/// relationship type never carries text from the documents.
pub(crate) fn rel_type(edge: &Edge) -> &str {
    match (edge.kind, edge.relation.as_deref()) {
        (RelationKind::Typed, Some(p)) if is_property_id(p) => p,
        (RelationKind::CoMention, _) => "CO_MENTION",
        _ => "RELATED",
    }
}

/// A float as the shortest text that reads back as the same value, with an
/// exponent rather than hundreds of digits; `None` when not finite.
pub(crate) fn float_text(x: f64) -> Option<String> {
    x.is_finite().then(|| format!("{x:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_ids_are_p_and_digits() {
        assert!(is_property_id("P108"));
        assert!(!is_property_id("P"));
        assert!(!is_property_id("P01"));
        assert!(!is_property_id("Q5"));
        assert!(!is_property_id("P1`]->() DELETE"));
    }

    #[test]
    fn floats_round_trip_without_long_digit_runs() {
        assert_eq!(float_text(0.9).as_deref(), Some("0.9"));
        assert_eq!(float_text(1.0).as_deref(), Some("1.0"));
        assert_eq!(float_text(1e300).as_deref(), Some("1e300"));
        assert_eq!(float_text(f64::NAN), None);
    }
}
