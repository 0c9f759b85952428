//! Features of an ordered entity pair, hashed to `u64`.
//!
//! Everything is read from tokens, mentions, sentences and entities, never
//! from part-of-speech tags: the training corpus has none, so a feature
//! built from tags would carry no weight.

use crate::document::{Document, EntityType, MentionKind};
use crate::model::clusters::{WordCluster, WordClusters};
use std::borrow::Cow;
use std::collections::BTreeSet;
use xxhash_rust::xxh3::xxh3_64;

mod closest;
mod lists;
mod partners;
mod path;
mod places;
mod shared_words;

use closest::closest;
use lists::coordinated_lists;

use partners::Partners;
pub use partners::{MAX_PARTNERS, MIN_PAIR_BUDGET, PAIRS_PER_TOKEN};
pub use places::{GeoConflict, PLACED_IN_COUNTRY};
pub use shared_words::SharedSentences;

/// Number of (head type, tail type) combinations.
pub const TYPE_PAIRS: usize = 36;

pub fn type_index(ty: EntityType) -> usize {
    match ty {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Location => 2,
        EntityType::Misc => 3,
        EntityType::Date => 4,
        EntityType::Number => 5,
    }
}

/// An ordered pair of entities of one document and its features.
#[derive(Debug, Clone)]
pub struct Pair {
    pub head: usize,
    pub tail: usize,
    /// `type_index(head) * 6 + type_index(tail)`.
    pub types: u8,
    /// Sorted, deduplicated feature hashes.
    pub features: Vec<u64>,
    /// Sentences supporting the pair: those naming both, else the sentences
    /// of the closest pair of mentions.
    pub evidence: Vec<usize>,
    /// Whether GeoNames puts the two ends in different countries.
    pub geo_conflict: GeoConflict,
}

pub fn mix(a: u64, b: u64) -> u64 {
    let mut z = a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A pair's features, each a template name's hash mixed with hashes of its
/// parts: built from hashes computed once per token, so building the
/// features of a pair allocates nothing.
struct Sink {
    out: Vec<u64>,
}

impl Sink {
    fn add(&mut self, template: u64, parts: &[u64]) {
        self.out
            .push(parts.iter().fold(template, |hash, &part| mix(hash, part)));
    }
}

/// FNV-1a, for the names of templates and constant parts at compile time.
const fn name(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

const HT: u64 = name("ht");
const TH: u64 = name("th");
const NONE: u64 = name("<none>");
const START: u64 = name("<s>");
const END: u64 = name("</s>");

fn bucket_index(n: usize) -> u64 {
    match n {
        0..=2 => n as u64,
        3..=4 => 3,
        5..=8 => 4,
        _ => 5,
    }
}

fn normalise(token: &str) -> Cow<'_, str> {
    if token.chars().all(|c| c.is_ascii_digit()) {
        return Cow::Owned(format!("#{}", token.len()));
    }
    // Most tokens are already lower-case ASCII: no copy for them.
    if token
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Cow::Borrowed(token);
    }
    Cow::Owned(token.to_lowercase())
}

/// A crude stem: enough to join "born"/"borns", "founded"/"founding".
fn stem(word: &str) -> &str {
    if word.len() > 5 {
        for suffix in ["ing", "ed", "es", "s"] {
            if let Some(stripped) = word.strip_suffix(suffix) {
                return stripped;
            }
        }
    }
    word
}

/// A word's 1,024-way cluster and row, as the recogniser found them or
/// looked up here (the same: the word as written, else its lower case).
fn cluster_hashes(cluster: Option<WordCluster>) -> (u64, u64) {
    cluster.map_or((NONE, NONE), |c| (u64::from(c.coarse[1]), u64::from(c.row)))
}

fn is_punct(word: &str) -> bool {
    word.chars().all(|c| !c.is_alphanumeric())
}

#[derive(Debug, Clone, Copy)]
struct M {
    start: usize,
    end: usize,
    sentence: usize,
}

struct Ent {
    ty: EntityType,
    mentions: Vec<M>,
    sentences: BTreeSet<usize>,
    /// Role-free features, hashed; the pair adds the role and the other type.
    own: Vec<u64>,
    /// What GeoNames says of its names.
    geo: places::Geo,
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        _ => "9+",
    }
}

struct Ctx {
    /// Per token, the hash of its normalised form, and of its stem.
    word_hash: Vec<u64>,
    stem_hash: Vec<u64>,
    /// Per token, its 1,024-way word cluster, or [`NONE`] for a word the
    /// vectors lack: words used alike weigh alike, though the 500 training
    /// documents name few of them.
    cluster_hash: Vec<u64>,
    punct: Vec<bool>,
    sentences: Vec<std::ops::Range<usize>>,
    ents: Vec<Option<Ent>>,
    /// Per token, the entity with a mention starting there.
    starts: Vec<Option<usize>>,
    /// Per entity, the entities sharing a sentence with it, sorted.
    cooc: Vec<Vec<usize>>,
    /// Per sentence, the entities with a mention in it, sorted.
    by_sentence: Vec<Vec<usize>>,
    /// Per token where a mention starts, the coordinated list of names
    /// ("A, B and C") the mention is an item of.
    list_at: Vec<Option<usize>>,
    /// The dependency tree, when the document was parsed.
    tree: Option<path::Tree>,
    /// Per entity, the places sharing a sentence with it and their countries.
    places_near: Vec<Vec<(usize, [u8; 2])>>,
    /// The countries of the document's places, by how many lie in each.
    countries: places::Countries,
}

fn build_ctx(doc: &Document, read_trees: bool) -> Ctx {
    let words: Vec<Cow<str>> = (0..doc.tokens.len())
        .map(|i| normalise(doc.token_text(i)))
        .collect();
    let mut sentences: Vec<_> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
    if sentences.is_empty() {
        // A document nobody segmented reads as one sentence.
        sentences.push(0..words.len());
    }
    let tree = path::Tree::of(doc).filter(|_| read_trees);
    let (cluster_hash, row_hash): (Vec<u64>, Vec<u64>) =
        if doc.word_clusters.len() == doc.tokens.len() {
            doc.word_clusters.iter().map(|&c| cluster_hashes(c)).unzip()
        } else {
            (0..doc.tokens.len())
                .map(|i| cluster_hashes(WordClusters::embedded().get(doc.token_text(i))))
                .unzip()
        };
    let mut ents: Vec<Option<Ent>> = Vec::with_capacity(doc.entities.len());
    for entity in &doc.entities {
        let mut mentions = Vec::new();
        let mut names = BTreeSet::new();
        // Hashes of the role-free feature strings, built in one buffer;
        // deduplicated below as the strings were.
        let mut own: Vec<u64> = Vec::new();
        let mut text = String::new();
        let mut add = |parts: &[&str]| {
            text.clear();
            for part in parts {
                text.push_str(part);
            }
            own.push(xxh3_64(text.as_bytes()));
        };
        let geo = places::reading(doc, entity);
        let mut name_clusters = Vec::new();
        for &(id, _) in &entity.mentions {
            let Some(m) = doc.mentions.get(id.index()) else {
                continue;
            };
            if m.tokens.is_empty() || m.tokens.end > words.len() {
                continue;
            }
            let sentence = doc.sentence_of_token(m.tokens.start).index();
            mentions.push(M {
                start: m.tokens.start,
                end: m.tokens.end,
                sentence,
            });
            // A pronoun's or a description's words say nothing of the
            // entity's name.
            if matches!(m.kind, MentionKind::Pronoun | MentionKind::Nominal) {
                continue;
            }
            let span = M {
                start: m.tokens.start,
                end: m.tokens.end,
                sentence,
            };
            if let Some((relation, governor)) = tree.as_ref().and_then(|t| t.governor(span)) {
                add(&[
                    "gov|",
                    relation,
                    "|",
                    governor.map_or("<root>", |g| stem(&words[g])),
                ]);
                add(&["govrel|", relation]);
            }
            names.insert(words[m.tokens.clone()].join(" "));
            for i in m.tokens.clone() {
                if !is_punct(&words[i]) {
                    add(&["w|", &words[i]]);
                    name_clusters.push(mix(const { name("wc") }, cluster_hash[i]));
                    name_clusters.push(mix(const { name("wr") }, row_hash[i]));
                }
            }
            let Some(range) = sentences.get(sentence) else {
                continue;
            };
            for k in 1..=3 {
                let left = m.tokens.start.checked_sub(k).filter(|&i| i >= range.start);
                let l = left.map_or("<s>", |i| &words[i]);
                add(&[["l1|", "l2|", "l3|"][k - 1], l]);
                add(&["l|", stem(l)]);
                let right = Some(m.tokens.end + k - 1).filter(|&i| i < range.end);
                let r = right.map_or("</s>", |i| &words[i]);
                add(&[["r1|", "r2|", "r3|"][k - 1], r]);
                add(&["r|", stem(r)]);
                if left.is_none() && right.is_none() {
                    break;
                }
            }
            if m.tokens.start == range.start {
                add(&["sent-initial"]);
            }
        }
        if mentions.is_empty() {
            ents.push(None);
            continue;
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        mentions.dedup_by_key(|m| (m.start, m.end));
        for name in &names {
            add(&["n|", name]);
        }
        if let Some(place) = geo.place {
            add(&["pk|", place.kind.name()]);
        }
        if geo.continents != 0 {
            add(&["named-continent"]);
        }
        add(&["mc|", bucket(mentions.len())]);
        add(&["first-sent|", bucket(mentions[0].sentence)]);
        own.extend(name_clusters);
        // Scores sum integer weights, so the order of `own` does not
        // matter; distinct strings with one 64-bit hash would count once.
        own.sort_unstable();
        own.dedup();
        let sentences_of = mentions.iter().map(|m| m.sentence).collect();
        ents.push(Some(Ent {
            ty: entity.ty,
            mentions,
            sentences: sentences_of,
            own,
            geo,
        }));
    }
    // Document-level standing: rank by first appearance, and by mention
    // count among entities of the same type ("the" country of the text).
    let mut by_first: Vec<(usize, usize)> = ents
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.as_ref().map(|e| (e.mentions[0].start, i)))
        .collect();
    by_first.sort();
    for (rank, &(_, i)) in by_first.iter().enumerate() {
        let label = format!("first-rank|{}", bucket(rank));
        if let Some(e) = ents[i].as_mut() {
            e.own.push(xxh3_64(label.as_bytes()));
        }
    }
    for ty in EntityType::ALL {
        let mut by_count: Vec<(std::cmp::Reverse<usize>, usize, usize)> = ents
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                e.as_ref()
                    .filter(|e| e.ty == ty)
                    .map(|e| (std::cmp::Reverse(e.mentions.len()), e.mentions[0].start, i))
            })
            .collect();
        by_count.sort();
        for (rank, &(_, _, i)) in by_count.iter().enumerate() {
            let label = format!("type-rank|{}", bucket(rank));
            if let Some(e) = ents[i].as_mut() {
                e.own.push(xxh3_64(label.as_bytes()));
            }
        }
    }
    let mut starts = vec![None; words.len()];
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (i, e) in ents.iter().enumerate() {
        let Some(e) = e else { continue };
        for m in &e.mentions {
            starts[m.start].get_or_insert(i);
        }
        for &s in &e.sentences {
            if let Some(list) = by_sentence.get_mut(s) {
                list.push(i);
            }
        }
    }
    let mut cooc = vec![Vec::new(); ents.len()];
    for list in &mut by_sentence {
        list.dedup();
        for &a in list.iter() {
            cooc[a].extend(list.iter().filter(|&&b| b != a));
        }
    }
    for list in &mut cooc {
        list.sort_unstable();
        list.dedup();
    }
    let places_near = places::near(&ents, &cooc);
    let countries = places::Countries::of(&ents);
    let list_at = coordinated_lists(&words, &ents);
    let word_hash = words.iter().map(|w| xxh3_64(w.as_bytes())).collect();
    let stem_hash = words.iter().map(|w| xxh3_64(stem(w).as_bytes())).collect();
    let punct = words.iter().map(|w| is_punct(w)).collect();
    Ctx {
        word_hash,
        stem_hash,
        cluster_hash,
        punct,
        sentences,
        ents,
        starts,
        cooc,
        places_near,
        countries,
        by_sentence,
        list_at,
        tree,
    }
}

/// Features of every ordered pair of distinct entities that have mentions.
pub fn doc_pairs(doc: &Document) -> Vec<Pair> {
    doc_pairs_within(doc, usize::MAX)
}

/// Like [`doc_pairs`], for entity pairs whose nearest mentions lie at most
/// `max_gap` sentences apart: a long document's pairs grow with the square
/// of its entities, and far-apart pairs are rarely related.
pub fn doc_pairs_within(doc: &Document, max_gap: usize) -> Vec<Pair> {
    let features = DocFeatures::new(doc, true);
    let entities = &features.entities;
    let mut pairs = Vec::new();
    features.for_each_pair(
        max_gap,
        |_| true,
        |c| {
            let mut all = c.features.clone();
            for (entity, role) in [(c.head, Role::Head), (c.tail, Role::Tail)] {
                all.extend(entities.role_features(entity, role));
            }
            all.sort_unstable();
            all.dedup();
            pairs.push(Pair {
                head: c.head,
                tail: c.tail,
                types: c.types,
                features: all,
                evidence: c.evidence.clone(),
                geo_conflict: c.geo_conflict,
            });
        },
    );
    pairs
}

/// Which end of a pair an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Head,
    Tail,
}

/// What each entity brings to its pairs whoever the partner: the same in
/// all its pairs, so a scorer can sum it once per entity and role. A [`Pair`]'s features are its [`Candidate`] features and
/// both entities' role features.
#[derive(Debug, Clone)]
pub struct Entities {
    /// Per entity, role-free features (empty when it has no mention).
    pub own: Vec<Vec<u64>>,
    /// Per entity, `type_index` of its type.
    pub types: Vec<usize>,
}

impl Entities {
    /// The features `entity` brings to a pair in `role`: each own feature
    /// joined with the role. Joined with the partner's type as well, they
    /// had a copy per type pair, and the model fitted to them was worse (see
    /// "Entity features without the partner's type" in docs/evaluation.md).
    pub fn role_features(&self, entity: usize, role: Role) -> impl Iterator<Item = u64> + '_ {
        let key = match role {
            Role::Head => 0x200,
            Role::Tail => 0x400,
        };
        self.own[entity].iter().map(move |&f| mix(f, key))
    }
}

/// An ordered pair with the features of the pair itself.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub head: usize,
    pub tail: usize,
    pub types: u8,
    /// Sorted, deduplicated; none of an entity's own.
    pub features: Vec<u64>,
    pub evidence: Vec<usize>,
    /// When the pair's `sw` features were left out of `features` (see
    /// [`DocFeatures::for_each_pair_for_scoring`]), the sentences whose
    /// words they are.
    pub shared_words: Option<SharedSentences>,
    /// Whether GeoNames puts the two ends in different countries.
    pub geo_conflict: GeoConflict,
}

/// A document read for pair features.
pub struct DocFeatures {
    ctx: Ctx,
    pub entities: Entities,
}

impl DocFeatures {
    /// With `read_trees`, a parsed document's pairs also get the features
    /// of its dependency trees; a model trained without them must not read
    /// them, as their hashes would land on other features' weights.
    pub fn new(doc: &Document, read_trees: bool) -> DocFeatures {
        let mut ctx = build_ctx(doc, read_trees);
        let types = doc.entities.iter().map(|e| type_index(e.ty)).collect();
        let own = ctx
            .ents
            .iter_mut()
            .map(|e| {
                e.as_mut()
                    .map(|e| std::mem::take(&mut e.own))
                    .unwrap_or_default()
            })
            .collect();
        DocFeatures {
            ctx,
            entities: Entities { own, types },
        }
    }

    /// Visits, in order of head then tail, each candidate pair at most
    /// `max_gap` sentences apart whose type pair `keep` accepts; others get
    /// no features built. Pairs are visited, not collected: a long text
    /// has many.
    pub fn for_each_pair(
        &self,
        max_gap: usize,
        keep: impl Fn(u8) -> bool,
        visit: impl FnMut(&Candidate),
    ) {
        self.visit_pairs(max_gap, keep, false, visit);
    }

    /// [`DocFeatures::for_each_pair`] with each pair's `sw` features left
    /// out of its `features` and named by its `shared_words`, for a scorer
    /// that sums them once per sentence ([`DocFeatures::sentence_words`]).
    pub fn for_each_pair_for_scoring(
        &self,
        max_gap: usize,
        keep: impl Fn(u8) -> bool,
        visit: impl FnMut(&Candidate),
    ) {
        self.visit_pairs(max_gap, keep, true, visit);
    }

    fn visit_pairs(
        &self,
        max_gap: usize,
        keep: impl Fn(u8) -> bool,
        shared_words_apart: bool,
        mut visit: impl FnMut(&Candidate),
    ) {
        let ctx = &self.ctx;
        let mut sink = Sink { out: Vec::new() };
        let mut partners = Partners::new(ctx.ents.len());
        let limit = if max_gap == usize::MAX {
            usize::MAX
        } else {
            partners.limit(ctx, max_gap)
        };
        for (h, he) in ctx.ents.iter().enumerate() {
            let Some(he) = he else { continue };
            let tails = if max_gap == usize::MAX {
                (0..ctx.ents.len()).collect()
            } else {
                partners.nearest(ctx, h, he, max_gap, limit)
            };
            for t in tails {
                let Some(te) = &ctx.ents[t] else { continue };
                let types = (type_index(he.ty) * 6 + type_index(te.ty)) as u8;
                if h == t || !keep(types) {
                    continue;
                }
                sink.out.clear();
                let (evidence, shared) = pair_features(ctx, (h, he), (t, te), &mut sink);
                let shared_words = match shared {
                    Some(sentences) if shared_words_apart => Some(sentences),
                    Some(sentences) => {
                        shared_words::add(ctx, (he, te), sentences, &mut sink);
                        None
                    }
                    None => None,
                };
                sink.out.sort_unstable();
                sink.out.dedup();
                let candidate = Candidate {
                    head: h,
                    tail: t,
                    types,
                    features: std::mem::take(&mut sink.out),
                    evidence,
                    shared_words,
                    geo_conflict: places::conflict(he, te),
                };
                visit(&candidate);
                sink.out = candidate.features;
            }
        }
    }
}

/// Adds the pair's features but its `sw` ones; gives its evidence and the
/// sentences those come from.
fn pair_features(
    ctx: &Ctx,
    (h, he): (usize, &Ent),
    (t, te): (usize, &Ent),
    sink: &mut Sink,
) -> (Vec<usize>, Option<SharedSentences>) {
    let tp = (type_index(he.ty) * 6 + type_index(te.ty)) as u64;
    sink.add(const { name("bias") }, &[]);
    sink.add(const { name("tp") }, &[tp]);
    bridge_features(ctx, (h, t), tp, sink);
    places::pair_features(ctx, (h, he), (t, te), tp, sink);
    let shared: Vec<usize> = he.sentences.intersection(&te.sentences).copied().collect();
    sink.add(const { name("shared") }, &[bucket_index(shared.len()), tp]);
    let (a, b) = closest(he, te, None).expect("both entities have mentions");
    let sentence_distance = a.sentence.abs_diff(b.sentence);
    sink.add(const { name("sd") }, &[bucket_index(sentence_distance), tp]);
    sink.add(
        const { name("order") },
        &[if a.start < b.start { HT } else { TH }],
    );
    let hfirst = he.mentions[0].start < te.mentions[0].start;
    sink.add(const { name("first") }, &[u64::from(hfirst), tp]);
    if shared.is_empty() {
        let evidence = if a.sentence == b.sentence {
            vec![a.sentence]
        } else {
            vec![a.sentence.min(b.sentence), a.sentence.max(b.sentence)]
        };
        return (evidence, None);
    }
    // Words between the closest mentions of each shared sentence.
    for (i, &s) in shared.iter().enumerate().take(4) {
        let Some((a, b)) = closest(he, te, Some(s)) else {
            continue;
        };
        between_features(ctx, a, b, i == 0, tp, sink);
        if let Some(tree) = &ctx.tree {
            path::path_features(ctx, tree, a, b, tp, sink);
        }
        if i == 0 {
            entities_between(ctx, (h, t), a, b, tp, sink);
        }
        if ctx.list_at[a.start].is_some() && ctx.list_at[a.start] == ctx.list_at[b.start] {
            sink.add(const { name("coord") }, &[tp]);
        }
    }
    let sentences = SharedSentences::of(&shared);
    (shared, sentences)
}

/// Entities sharing a sentence with both ends of a pair, by type: the
/// middle of a relation the text states in two steps ("X is in Y. Y is in
/// Z.").
fn bridge_features(ctx: &Ctx, (h, t): (usize, usize), tp: u64, sink: &mut Sink) {
    let mut types = [0usize; 6];
    let (small, large) = if ctx.cooc[h].len() <= ctx.cooc[t].len() {
        (&ctx.cooc[h], &ctx.cooc[t])
    } else {
        (&ctx.cooc[t], &ctx.cooc[h])
    };
    for &e in small {
        if large.binary_search(&e).is_ok()
            && let Some(Some(bridge)) = ctx.ents.get(e)
        {
            types[type_index(bridge.ty)] += 1;
        }
    }
    let total: usize = types.iter().sum();
    sink.add(const { name("brn") }, &[bucket_index(total), tp]);
    for (ty, &n) in types.iter().enumerate() {
        if n > 0 {
            sink.add(const { name("br") }, &[ty as u64, tp]);
        }
    }
}

/// Which entities are named between the closest mentions of a pair, in
/// order ("X, Y" lists, "X of the Y of Z").
fn entities_between(ctx: &Ctx, (h, t): (usize, usize), a: M, b: M, tp: u64, sink: &mut Sink) {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    if first.end > second.start {
        return;
    }
    let mut codes = const { name("eb-codes") };
    let mut count = 0;
    for i in first.end..second.start {
        let Some(e) = ctx.starts[i] else { continue };
        let code = if e == h {
            6
        } else if e == t {
            7
        } else {
            ctx.ents[e].as_ref().map_or(8, |e| type_index(e.ty) as u64)
        };
        codes = mix(codes, code);
        count += 1;
    }
    sink.add(const { name("ebn") }, &[bucket_index(count), tp]);
    if count <= 4 {
        sink.add(const { name("eb") }, &[codes, tp]);
    }
}

fn between_features(ctx: &Ctx, a: M, b: M, closest_pair: bool, tp: u64, sink: &mut Sink) {
    let (dir, first, second) = if a.start <= b.start {
        (HT, a, b)
    } else {
        (TH, b, a)
    };
    if first.end > second.start {
        sink.add(const { name("overlap") }, &[dir]);
        return;
    }
    let between = first.end..second.start;
    let length = between.len();
    let joined = || {
        ctx.word_hash[between.clone()]
            .iter()
            .fold(const { name("joined") }, |hash, &w| mix(hash, w))
    };
    if closest_pair {
        sink.add(const { name("bl") }, &[bucket_index(length), dir]);
        if length <= 6 {
            let joined = joined();
            sink.add(const { name("bs") }, &[dir, joined]);
            sink.add(const { name("bs") }, &[dir, joined, tp]);
        }
        let bf = if length > 0 {
            ctx.word_hash[first.end]
        } else {
            NONE
        };
        let bl = if length > 0 {
            ctx.word_hash[second.start - 1]
        } else {
            NONE
        };
        sink.add(const { name("bf") }, &[dir, bf]);
        sink.add(const { name("bla") }, &[dir, bl]);
        sink.add(const { name("bfl") }, &[dir, bf, bl]);
        let cluster_at = |i: Option<usize>| i.map_or(NONE, |i| ctx.cluster_hash[i]);
        let (bfc, blc) = if length > 0 {
            (
                cluster_at(Some(first.end)),
                cluster_at(Some(second.start - 1)),
            )
        } else {
            (NONE, NONE)
        };
        sink.add(const { name("bfc") }, &[dir, bfc]);
        sink.add(const { name("blc") }, &[dir, blc]);
        let range = &ctx.sentences[first.sentence];
        let before = first.start.checked_sub(1).filter(|&i| i >= range.start);
        let after = Some(second.end).filter(|&i| i < range.end);
        sink.add(
            const { name("pre") },
            &[dir, before.map_or(START, |i| ctx.word_hash[i])],
        );
        sink.add(
            const { name("post") },
            &[dir, after.map_or(END, |i| ctx.word_hash[i])],
        );
    } else if length <= 6 {
        sink.add(const { name("abs") }, &[dir, joined()]);
    }
    if length <= 12 {
        for i in between.clone() {
            sink.add(const { name("bw") }, &[dir, ctx.stem_hash[i]]);
            sink.add(const { name("bwc") }, &[dir, ctx.cluster_hash[i]]);
            if closest_pair {
                sink.add(const { name("bwtp") }, &[dir, ctx.stem_hash[i], tp]);
            }
        }
        for i in first.end..second.start.saturating_sub(1) {
            sink.add(
                const { name("bb") },
                &[dir, ctx.word_hash[i], ctx.word_hash[i + 1]],
            );
        }
    } else {
        sink.add(const { name("far") }, &[dir]);
    }
}

#[cfg(test)]
mod tests;
