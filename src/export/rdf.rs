//! The graph as RDF triples, shared by N-Triples, Turtle and JSON-LD so the
//! three hold the very same triples.
//!
//! IRIs: `<base>entity/<id>`, `<base>edge/<id>`, `<base>document/<id>`, and
//! text spans under them (`…/mention/<i>`, `…/evidence/<i>`), each id
//! percent-encoded. Entities carry `rdfs:label` and `skos:altLabel`. Every
//! edge is a reified `rdf:Statement` holding its evidence; a typed edge's
//! predicate is its Wikidata property (`wdt:P108`), an open or co-mention
//! edge's a property of textkg's vocabulary. Edges that are not negated are
//! also asserted as plain triples.

use super::props;
use crate::document::{EntityType, RelationKind};
use crate::graph::{Edge, KnowledgeGraph, Node, TextRef};
use std::io::{self, Write};

pub const DEFAULT_BASE_IRI: &str = "urn:textkg:";

pub(crate) const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub(crate) const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub(crate) const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub(crate) const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub(crate) const WDT: &str = "http://www.wikidata.org/prop/direct/";
/// textkg's own vocabulary, the same whatever the base IRI.
pub(crate) const TKG: &str = "urn:textkg:vocab:";

/// Prefixes Turtle and JSON-LD use, in the order they are declared.
pub(crate) const PREFIXES: [(&str, &str); 6] = [
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
    ("skos", SKOS),
    ("wdt", WDT),
    ("tkg", TKG),
];

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Term<'a> {
    Iri(String),
    Str(&'a str),
    /// A literal with a datatype from XSD: lexical form and local name.
    Typed(String, &'static str),
}

/// Receives triples grouped by subject, and within a subject by predicate.
pub(crate) trait Sink {
    fn triple(&mut self, subject: &str, predicate: &str, object: &Term<'_>) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
}

/// Checks that `base` can start IRIs: a scheme, no characters IRIs forbid,
/// and not a scheme that JSON-LD would read as one of our prefixes.
pub fn check_base_iri(base: &str) -> Result<(), String> {
    let scheme = base.split(':').next().unwrap_or("");
    let scheme_ok = base.contains(':')
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_ok {
        return Err(format!(
            "{base:?} is not an absolute IRI (it needs a scheme, like http: or urn:)"
        ));
    }
    if let Some(c) = base
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "<>\"{}|^`\\".contains(*c))
    {
        return Err(format!("{base:?} holds {c:?}, which IRIs cannot"));
    }
    if base.matches('#').count() > 1 {
        return Err(format!("{base:?} holds more than one '#'"));
    }
    if PREFIXES.iter().any(|(p, _)| p.eq_ignore_ascii_case(scheme)) {
        return Err(format!(
            "the scheme {scheme:?} is reserved for a vocabulary prefix"
        ));
    }
    Ok(())
}

/// Appends `id` to an IRI, percent-encoding all but ASCII letters, digits,
/// `-`, `_`, `~` and `:`, so distinct ids give distinct IRIs and none holds
/// a character IRIs or their serialisations treat specially.
fn push_encoded(iri: &mut String, id: &str) {
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'~' | b':') {
            iri.push(char::from(byte));
        } else {
            iri.push_str(&format!("%{byte:02X}"));
        }
    }
}

pub(crate) fn resource(base: &str, kind: &str, id: &str) -> String {
    let mut iri = String::with_capacity(base.len() + kind.len() + id.len() + 1);
    iri.push_str(base);
    iri.push_str(kind);
    iri.push('/');
    push_encoded(&mut iri, id);
    iri
}

fn vocab(name: &str) -> String {
    format!("{TKG}{name}")
}

fn class(ty: EntityType) -> String {
    vocab(props::node_label(ty))
}

/// The predicate an edge stands for.
pub(crate) fn predicate(edge: &Edge) -> String {
    match (edge.kind, edge.relation.as_deref()) {
        (RelationKind::Typed, Some(p)) if props::is_property_id(p) => format!("{WDT}{p}"),
        (RelationKind::CoMention, _) => vocab("coMentioned"),
        _ => vocab("related"),
    }
}

fn integer(n: usize) -> Term<'static> {
    Term::Typed(n.to_string(), "integer")
}

fn boolean(b: bool) -> Term<'static> {
    Term::Typed(b.to_string(), "boolean")
}

struct Gen<'s> {
    base: &'s str,
    sink: &'s mut dyn Sink,
}

impl Gen<'_> {
    /// Links `owner` to its spans, then describes each span.
    fn spans(
        &mut self,
        owner: &str,
        kind: &str,
        predicate: &str,
        refs: &[TextRef],
    ) -> io::Result<()> {
        for i in 0..refs.len() {
            self.sink
                .triple(owner, predicate, &Term::Iri(format!("{owner}/{kind}/{i}")))?;
        }
        self.span_resources(owner, kind, refs)
    }

    fn span_resources(&mut self, owner: &str, kind: &str, refs: &[TextRef]) -> io::Result<()> {
        for (i, r) in refs.iter().enumerate() {
            let iri = format!("{owner}/{kind}/{i}");
            let s = iri.as_str();
            self.sink
                .triple(s, &format!("{RDF}type"), &Term::Iri(vocab("TextRef")))?;
            self.sink.triple(
                s,
                &vocab("document"),
                &Term::Iri(resource(self.base, "document", &r.doc)),
            )?;
            self.sink.triple(s, &vocab("start"), &integer(r.start))?;
            self.sink.triple(s, &vocab("end"), &integer(r.end))?;
            self.sink.triple(s, &vocab("text"), &Term::Str(&r.text))?;
        }
        Ok(())
    }

    fn node(&mut self, node: &Node) -> io::Result<()> {
        let s = resource(self.base, "entity", &node.id);
        let rdf_type = format!("{RDF}type");
        self.sink
            .triple(&s, &rdf_type, &Term::Iri(vocab("Entity")))?;
        self.sink
            .triple(&s, &rdf_type, &Term::Iri(class(node.ty)))?;
        self.sink.triple(&s, &vocab("id"), &Term::Str(&node.id))?;
        self.sink
            .triple(&s, &format!("{RDFS}label"), &Term::Str(&node.label))?;
        let alt = format!("{SKOS}altLabel");
        for alias in &node.aliases {
            self.sink.triple(&s, &alt, &Term::Str(alias))?;
        }
        let role = vocab("role");
        for r in &node.roles {
            self.sink.triple(&s, &role, &Term::Str(r))?;
        }
        self.spans(&s, "mention", &vocab("mention"), &node.mentions)
    }

    fn edge(&mut self, edge: &Edge) -> io::Result<()> {
        let s = resource(self.base, "edge", &edge.id);
        let subject = resource(self.base, "entity", &edge.source);
        let object = resource(self.base, "entity", &edge.target);
        let predicate = predicate(edge);
        let rdf_type = format!("{RDF}type");
        self.sink
            .triple(&s, &rdf_type, &Term::Iri(format!("{RDF}Statement")))?;
        self.sink.triple(&s, &rdf_type, &Term::Iri(vocab("Edge")))?;
        self.sink
            .triple(&s, &format!("{RDF}subject"), &Term::Iri(subject.clone()))?;
        self.sink.triple(
            &s,
            &format!("{RDF}predicate"),
            &Term::Iri(predicate.clone()),
        )?;
        self.sink
            .triple(&s, &format!("{RDF}object"), &Term::Iri(object.clone()))?;
        self.sink.triple(&s, &vocab("id"), &Term::Str(&edge.id))?;
        self.sink
            .triple(&s, &vocab("kind"), &Term::Str(edge.kind.as_str()))?;
        self.sink
            .triple(&s, &format!("{RDFS}label"), &Term::Str(&edge.label))?;
        if let Some(relation) = &edge.relation {
            self.sink
                .triple(&s, &vocab("relation"), &Term::Str(relation))?;
        }
        let confidence = super::xml::xml_double(edge.confidence);
        self.sink
            .triple(&s, &vocab("confidence"), &Term::Typed(confidence, "double"))?;
        self.sink
            .triple(&s, &vocab("negated"), &boolean(edge.negated))?;
        self.sink
            .triple(&s, &vocab("hedged"), &boolean(edge.hedged))?;
        self.spans(&s, "evidence", &vocab("evidence"), &edge.evidence)?;
        if !edge.negated {
            self.sink.triple(&subject, &predicate, &Term::Iri(object))?;
        }
        Ok(())
    }
}

/// Sends every triple of `graph` to `sink`, then finishes it.
pub(crate) fn triples(graph: &KnowledgeGraph, base: &str, sink: &mut dyn Sink) -> io::Result<()> {
    let mut g = Gen { base, sink };
    for document in &graph.documents {
        let s = resource(base, "document", &document.id);
        g.sink
            .triple(&s, &format!("{RDF}type"), &Term::Iri(vocab("Document")))?;
        g.sink.triple(&s, &vocab("id"), &Term::Str(&document.id))?;
        g.sink
            .triple(&s, &vocab("source"), &Term::Str(&document.source))?;
        g.sink
            .triple(&s, &vocab("bytes"), &integer(document.bytes))?;
    }
    for node in graph.nodes() {
        g.node(node)?;
    }
    for edge in graph.edges() {
        g.edge(edge)?;
    }
    g.sink.finish()
}

/// Writes `text` as the inside of an N-Triples / Turtle string literal.
pub(crate) fn escape_literal(out: &mut dyn Write, text: &str) -> io::Result<()> {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !(matches!(c, '"' | '\\') || c.is_control()) {
            continue;
        }
        out.write_all(&text.as_bytes()[start..i])?;
        match c {
            '"' => out.write_all(b"\\\"")?,
            '\\' => out.write_all(b"\\\\")?,
            '\n' => out.write_all(b"\\n")?,
            '\r' => out.write_all(b"\\r")?,
            '\t' => out.write_all(b"\\t")?,
            c => write!(out, "\\u{:04X}", u32::from(c))?,
        }
        start = i + c.len_utf8();
    }
    out.write_all(&text.as_bytes()[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_percent_encoded() {
        assert_eq!(
            resource("urn:textkg:", "entity", "person:a b/ü#.."),
            "urn:textkg:entity/person:a%20b%2F%C3%BC%23%2E%2E"
        );
    }

    #[test]
    fn base_iris_are_checked() {
        assert!(check_base_iri("https://example.org/kg/").is_ok());
        assert!(check_base_iri("urn:textkg:").is_ok());
        assert!(check_base_iri("example.org/").is_err());
        assert!(check_base_iri("http://a b/").is_err());
        assert!(check_base_iri("http://a/>").is_err());
        assert!(check_base_iri("tkg:x/").is_err());
    }
}
