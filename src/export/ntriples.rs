//! N-Triples: one triple a line, every IRI in full (see `rdf.rs`).

use super::Exporter;
use super::rdf::{self, Sink, Term, XSD};
use crate::graph::KnowledgeGraph;
use std::io::{self, Write};

pub struct NTriples {
    pub base: String,
}

struct Lines<'a> {
    out: &'a mut dyn Write,
}

impl Sink for Lines<'_> {
    fn triple(&mut self, s: &str, p: &str, o: &Term<'_>) -> io::Result<()> {
        write!(self.out, "<{s}> <{p}> ")?;
        match o {
            Term::Iri(iri) => write!(self.out, "<{iri}>")?,
            Term::Str(text) => {
                self.out.write_all(b"\"")?;
                rdf::escape_literal(self.out, text)?;
                self.out.write_all(b"\"")?;
            }
            Term::Typed(lexical, ty) => write!(self.out, "\"{lexical}\"^^<{XSD}{ty}>")?,
        }
        self.out.write_all(b" .\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Exporter for NTriples {
    fn write(&self, graph: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
        rdf::triples(graph, &self.base, &mut Lines { out })
    }
}
