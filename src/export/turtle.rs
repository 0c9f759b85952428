//! Turtle: the triples of `rdf.rs`, grouped by subject with `;` and `,`,
//! vocabulary IRIs written with prefixes.

use super::Exporter;
use super::rdf::{self, PREFIXES, Sink, Term};
use crate::graph::KnowledgeGraph;
use std::io::{self, Write};

pub struct Turtle {
    pub base: String,
}

struct Grouped<'a> {
    out: &'a mut dyn Write,
    subject: String,
    predicate: String,
}

/// Writes an IRI as a prefixed name when its local part is a plain word,
/// in full otherwise.
fn iri(out: &mut dyn Write, iri: &str) -> io::Result<()> {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            if !local.is_empty()
                && local.starts_with(|c: char| c.is_ascii_alphabetic())
                && local.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                return write!(out, "{prefix}:{local}");
            }
        }
    }
    write!(out, "<{iri}>")
}

impl Sink for Grouped<'_> {
    fn triple(&mut self, s: &str, p: &str, o: &Term<'_>) -> io::Result<()> {
        if s == self.subject && p == self.predicate {
            self.out.write_all(b" ,\n        ")?;
        } else {
            if s == self.subject {
                self.out.write_all(b" ;\n    ")?;
            } else {
                if !self.subject.is_empty() {
                    self.out.write_all(b" .\n\n")?;
                }
                iri(self.out, s)?;
                self.out.write_all(b"\n    ")?;
                self.subject.clear();
                self.subject.push_str(s);
            }
            if p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" {
                self.out.write_all(b"a")?;
            } else {
                iri(self.out, p)?;
            }
            self.out.write_all(b" ")?;
            self.predicate.clear();
            self.predicate.push_str(p);
        }
        match o {
            Term::Iri(i) => iri(self.out, i),
            Term::Str(text) => {
                self.out.write_all(b"\"")?;
                rdf::escape_literal(self.out, text)?;
                self.out.write_all(b"\"")
            }
            Term::Typed(lexical, "integer" | "boolean") => self.out.write_all(lexical.as_bytes()),
            Term::Typed(lexical, ty) => write!(self.out, "\"{lexical}\"^^xsd:{ty}"),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.subject.is_empty() {
            self.out.write_all(b" .\n")?;
        }
        Ok(())
    }
}

impl Exporter for Turtle {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        for (prefix, ns) in PREFIXES {
            writeln!(out, "@prefix {prefix}: <{ns}> .")?;
        }
        out.write_all(b"\n")?;
        let mut sink = Grouped {
            out,
            subject: String::new(),
            predicate: String::new(),
        };
        rdf::triples(graph, &self.base, &mut sink)
    }
}
