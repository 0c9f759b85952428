//! The text pipeline on any UTF-8 text: no panic, and every offset it
//! reports slices the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use textkg::graph::{KnowledgeGraph, TypeFilter};
use textkg::pipeline::Pipeline;

fuzz_target!(|data: &[u8]| {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.contains('\0') {
        return;
    }
    let doc = PIPELINE.get_or_init(Pipeline::default).annotate("fuzz", text);
    for token in &doc.tokens {
        assert!(text.get(token.range()).is_some());
    }
    for mention in &doc.mentions {
        assert!(text.get(mention.span.range()).is_some());
    }
    for relation in &doc.relations {
        for span in &relation.evidence {
            assert!(text.get(span.range()).is_some());
        }
    }
    let graph = KnowledgeGraph::from_document(&doc, "fuzz", &TypeFilter::all());
    for node in graph.nodes() {
        for mention in &node.mentions {
            assert_eq!(&text[mention.start..mention.end], mention.text);
        }
    }
});
