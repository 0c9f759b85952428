//! Hash maps and sets for the pipeline's per-document work: foldhash with a
//! seed drawn once per process. Keys are words and spans of a document,
//! hashed many times per token, where SipHash costs several times more;
//! the seed still keeps chosen inputs from colliding on purpose. Nothing
//! written out depends on their order.

pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
