//! JSON-LD: one `@graph` of node objects, written as the triples of
//! `rdf.rs` stream by (so it expands to exactly the N-Triples output). The
//! context defines prefixes only and is inline: loading fetches nothing.

use super::Exporter;
use super::rdf::{self, PREFIXES, Sink, Term};
use crate::graph::KnowledgeGraph;
use std::io::{self, Write};

pub struct JsonLd {
    pub base: String,
}

struct Objects<'a> {
    out: &'a mut dyn Write,
    subject: String,
    predicate: String,
}

fn json(out: &mut dyn Write, text: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *out, text).map_err(io::Error::other)
}

/// A predicate as a compact IRI when it is in a declared namespace.
fn key(iri: &str) -> String {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            if !local.is_empty() && local.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return format!("{prefix}:{local}");
            }
        }
    }
    iri.to_string()
}

impl Sink for Objects<'_> {
    fn triple(&mut self, s: &str, p: &str, o: &Term<'_>) -> io::Result<()> {
        if s == self.subject && p == self.predicate {
            self.out.write_all(b", ")?;
        } else {
            if s == self.subject {
                self.out.write_all(b"],\n   ")?;
            } else {
                let sep: &[u8] = if self.subject.is_empty() {
                    b"\n  "
                } else {
                    b"]},\n  "
                };
                self.out.write_all(sep)?;
                self.out.write_all(b"{\"@id\": ")?;
                json(self.out, s)?;
                self.out.write_all(b",\n   ")?;
                self.subject.clear();
                self.subject.push_str(s);
            }
            json(self.out, &key(p))?;
            self.out.write_all(b": [")?;
            self.predicate.clear();
            self.predicate.push_str(p);
        }
        match o {
            Term::Iri(iri) => {
                self.out.write_all(b"{\"@id\": ")?;
                json(self.out, iri)?;
            }
            Term::Str(text) => {
                self.out.write_all(b"{\"@value\": ")?;
                json(self.out, text)?;
            }
            Term::Typed(lexical, ty) => {
                self.out.write_all(b"{\"@value\": ")?;
                json(self.out, lexical)?;
                write!(self.out, ", \"@type\": \"xsd:{ty}\"")?;
            }
        }
        self.out.write_all(b"}")
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.subject.is_empty() {
            self.out.write_all(b"]}\n")?;
        }
        Ok(())
    }
}

impl Exporter for JsonLd {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\"@context\": {")?;
        for (i, (prefix, ns)) in PREFIXES.iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            write!(out, "\n  \"{prefix}\": \"{ns}\"")?;
        }
        out.write_all(b"\n},\n\"@graph\": [")?;
        let mut sink = Objects {
            out,
            subject: String::new(),
            predicate: String::new(),
        };
        rdf::triples(graph, &self.base, &mut sink)?;
        sink.out.write_all(b"]}\n")
    }
}
