//! Typed relations: Wikidata properties predicted for entity pairs.
