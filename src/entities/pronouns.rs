//! Pronoun resolution by salience, gender and the verb of saying or telling
//! around the pronoun.

use super::*;

/// A sentence of running prose, as opposed to a headline, byline or credit.
pub(super) fn is_prose(doc: &Document, sentence: usize) -> bool {
    let tokens = &doc.sentences[sentence].tokens;
    if tokens.len() < 5 {
        return false;
    }
    let mut last = tokens.end - 1;
    while last > tokens.start && matches!(doc.token_text(last), "\"" | "”" | "’" | "'" | ")") {
        last -= 1;
    }
    matches!(doc.token_text(last), "." | "!" | "?")
}

/// How strongly the mentions `others` make their entity the likely referent
/// of a mention in sentence `at`: recent, preceding, prose mentions count most.
pub(super) fn salience(
    doc: &Document,
    at: usize,
    others: impl Iterator<Item = usize>,
    prose: &[bool],
) -> f64 {
    others
        .map(|other| {
            let sentence = doc.mentions[other].sentence.index();
            let distance = at.abs_diff(sentence) as f64;
            let direction = if sentence <= at { 1.0 } else { 0.5 };
            let genre = if prose[sentence] { 1.0 } else { 0.3 };
            direction * genre / (1.0 + distance)
        })
        .sum()
}

/// Which tokens stand inside quotation marks.
pub(super) fn quoted_tokens(doc: &Document) -> Vec<bool> {
    let mut inside = vec![false; doc.tokens.len()];
    for sentence in &doc.sentences {
        let mut open = false;
        for t in sentence.tokens.clone() {
            match doc.token_text(t) {
                "“" => open = true,
                "”" => open = false,
                "\"" => open = !open,
                _ => inside[t] = open,
            }
        }
    }
    inside
}

/// How much recent sentences count when weighing a pronoun's antecedent.
pub(super) const RECENCY: [f64; 4] = [1.0, 0.5, 0.25, 0.12];

/// Resolves pronouns in text order, keeping what each needs as running
/// totals, so that a document's pronouns take time linear in its mentions.
///
/// The entity a pronoun most likely stands for: a salience score over the
/// entities of fitting type mentioned in this and the three sentences
/// before, favouring recent mentions, subjects (the first mention of a
/// sentence) and the document's topic (entities mentioned often), and
/// discounting the speaker of a quotation the pronoun stands inside.
pub(super) struct Pronouns<'a> {
    doc: &'a Document,
    entity_types: Vec<EntityType>,
    quoted: Vec<bool>,
    /// The genders (male, female) the text gives each entity: by its given
    /// names and titles, and by the pronouns resolved to it so far.
    genders: Vec<[bool; 2]>,
    /// Earlier mentions of each entity that count towards its topic score:
    /// [every mention but demonyms, those not right after a preposition of
    /// place].
    counts: Vec<[usize; 2]>,
    /// The topic score of n earlier mentions, summed one by one as the
    /// score always was, so that ties break the same way.
    topic: Vec<f64>,
    first_mention_of_sentence: Vec<usize>,
    /// Tokens of a dateline ("LISBON, Jan 14 (AP) -"): where the story was
    /// filed, not what it is about.
    in_dateline: Vec<bool>,
}

/// "border guard" in "The Polish border guard said": after at most two
/// adjectives or demonyms, a lower-case noun at `start`.
fn described_by_a_noun(doc: &Document, start: usize, end: usize) -> bool {
    let mut at = start;
    while at < end
        && at - start < 2
        && (doc.tags[at] == Upos::Adj || lexicon::demonym_country(doc.token_text(at)).is_some())
    {
        at += 1;
    }
    at < end && doc.tags[at] == Upos::Noun && doc.token_text(at).starts_with(char::is_lowercase)
}

/// "Hamilton-based Tarrow Steel": a name joined by a hyphen to the word
/// after it modifies the noun phrase; it is not the sentence's subject.
fn modifies_by_hyphen(doc: &Document, mention: &Mention) -> bool {
    let hyphen = mention.tokens.end;
    hyphen + 1 < doc.tokens.len()
        && doc.token_text(hyphen) == "-"
        && doc.tokens[hyphen - 1].end == doc.tokens[hyphen].start
        && doc.tokens[hyphen].end == doc.tokens[hyphen + 1].start
}

impl<'a> Pronouns<'a> {
    pub(super) fn new(
        doc: &'a Document,
        mention_entity: &[Option<EntityId>],
        entities: &[Entity],
    ) -> Self {
        let mut genders = vec![[false; 2]; entities.len()];
        for (mention, entity) in doc.mentions.iter().zip(mention_entity) {
            let (Some(entity), MentionKind::Name) = (entity, mention.kind) else {
                continue;
            };
            let mut words = doc.slice(mention.span).split_whitespace();
            let first = words.next().unwrap_or_default();
            let given = words.next().and(lexicon::given_name_gender(first));
            let titled = mention
                .role
                .and_then(|r| lexicon::title_gender(doc.slice(r)));
            for gender in [given, titled].into_iter().flatten() {
                genders[entity.index()][gender_index(gender)] = true;
            }
        }
        let first_mention_of_sentence = (0..=doc.sentences.len())
            .map(|s| doc.mentions.partition_point(|m| m.sentence.index() < s))
            .collect();
        let mut topic = Vec::with_capacity(doc.mentions.len() + 1);
        let mut sum = 0.0;
        topic.push(sum);
        for _ in 0..doc.mentions.len() {
            sum += 0.02;
            topic.push(sum);
        }
        let mut in_dateline = vec![false; doc.tokens.len()];
        for sentence in &doc.sentences {
            if let Some(end) = crate::grammar::dateline_end(doc, sentence.tokens.clone()) {
                in_dateline[sentence.tokens.start..end].fill(true);
            }
        }
        Pronouns {
            doc,
            in_dateline,
            entity_types: entities.iter().map(|e| e.ty).collect(),
            quoted: quoted_tokens(doc),
            genders,
            counts: vec![[0; 2]; entities.len()],
            topic,
            first_mention_of_sentence,
        }
    }

    /// "Critics in Addis Ababa say he ...": a person-typed name after a
    /// preposition of place is more likely a place the recogniser mistyped
    /// than the person a pronoun stands for.
    pub(super) fn after_place_preposition(&self, mention: &Mention) -> bool {
        mention.tokens.start > 0
            && lexicon::is_location_preposition(self.doc.token_text(mention.tokens.start - 1))
    }

    /// "Tomas Herrera said he was leaving the club": the subject
    /// pronoun of what a name says or thinks is, in news, that name
    /// ("NASA said on Thursday that it had postponed"): the mention ending
    /// right before the verb (`reporting_verb_before`), unless a
    /// preposition comes before it.
    pub(super) fn speaker_of(&self, pronoun: usize) -> Option<usize> {
        let doc = self.doc;
        let mention = &doc.mentions[pronoun];
        let word = doc.slice(mention.span).to_lowercase();
        // "it" is a mention only after a verb of saying (mentions/pronouns.rs).
        let subject = word == "it" || lexicon::pronoun_case(&word) == Some(PronounCase::Subject);
        if !subject {
            return None;
        }
        let verb = reporting_verb_before(doc, mention.tokens.start)?;
        let sentence_start = doc.sentences[mention.sentence.index()].tokens.start;
        // "had told": the subject stands before the auxiliaries.
        let mut subject_end = verb;
        while subject_end > sentence_start
            && matches!(doc.tags[subject_end - 1], Upos::Aux | Upos::Adv)
        {
            subject_end -= 1;
        }
        // "flew to Lima to see Ruiz, who had told Berg he": the relative
        // pronoun's antecedent speaks, after a preposition or not.
        let relative = subject_end >= sentence_start + 2
            && doc.token_text(subject_end - 1).eq_ignore_ascii_case("who")
            && doc.token_text(subject_end - 2) == ",";
        if relative {
            subject_end -= 2;
        } else if subject_end > sentence_start && doc.token_text(subject_end - 1) == "," {
            // "The commission, which brought the case, said it": the
            // subject stands before a phrase set off by commas.
            if let Some(comma) = (sentence_start..subject_end - 1)
                .rev()
                .take(15)
                .find(|&t| doc.token_text(t) == ",")
            {
                subject_end = comma;
            }
        }
        let speaker = doc.mentions[..pronoun]
            .iter()
            .rposition(|m| m.tokens.end == subject_end && m.kind != MentionKind::Demonym)?;
        // "Critics in Addis Ababa say he": a name after a preposition is
        // not who speaks.
        let start = doc.mentions[speaker].tokens.start;
        (relative || start == 0 || doc.tags[start - 1] != Upos::Adp).then_some(speaker)
    }

    /// "Wilders accused him": the subject of the verb whose object the
    /// pronoun is, which a pronoun (not a reflexive) never stands for. The
    /// mention ending right before the verb and its auxiliaries and
    /// adverbs; "her" only where no noun follows ("met her brother" may be
    /// the subject's).
    pub(super) fn subject_of_object(&self, pronoun: usize) -> Option<usize> {
        let doc = self.doc;
        let mention = &doc.mentions[pronoun];
        let word = doc.slice(mention.span).to_lowercase();
        let token = mention.tokens.start;
        let object = match lexicon::pronoun_case(&word) {
            Some(PronounCase::Object) => true,
            Some(PronounCase::ObjectOrPossessive) => !matches!(
                doc.tags.get(token + 1),
                Some(Upos::Noun | Upos::Adj | Upos::Propn | Upos::Num)
            ),
            _ => false,
        };
        // "agreed to testify against him": the object of a preposition that
        // completes the verb, not one of place ("had the money with him").
        let mut verb = token.checked_sub(1)?;
        if doc.tags[verb] == Upos::Adp && lexicon::is_object_preposition(doc.token_text(verb)) {
            verb = verb.checked_sub(1)?;
        }
        if !object || doc.tags[verb] != Upos::Verb {
            return None;
        }
        let mut before = verb;
        loop {
            while before > 0 && matches!(doc.tags[before - 1], Upos::Aux | Upos::Adv | Upos::Part) {
                before -= 1;
            }
            // "Mendes agreed to testify": the verb's subject is the one of
            // the verb that takes the infinitive.
            if before > 0
                && doc.tags[before - 1] == Upos::Verb
                && doc.token_text(before).eq_ignore_ascii_case("to")
            {
                before -= 1;
                continue;
            }
            break;
        }
        // "Hoffner called Vondra on Sunday to congratulate him": an
        // infinitive after the object has the clause's subject, or, after
        // a verb such as "invite", the object.
        if doc.token_text(before) == "to"
            && let Some(agent) = Self::infinitive_subject(doc, pronoun, before)
        {
            return Some(agent);
        }
        // "Tiago Mendes, a former executive, agreed": the subject before an
        // apposition set off by commas.
        if before > 1 && doc.token_text(before - 1) == "," {
            let mut opening = before - 2;
            while opening > 0
                && before - opening < 10
                && matches!(
                    doc.tags[opening],
                    Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Adp | Upos::Num
                )
            {
                opening -= 1;
            }
            let name_before_comma = |end: usize| {
                doc.mentions[..pronoun]
                    .iter()
                    .rposition(|m| m.tokens.end == end && m.kind == MentionKind::Name)
            };
            return name_before_comma(before - 1).or_else(|| {
                (doc.token_text(opening) == ",")
                    .then(|| name_before_comma(opening))
                    .flatten()
            });
        }
        // "He thanked Valverde for his help and invited him": a second verb
        // phrase has the subject that opens the sentence, when only the
        // first verb's objects stand between (no other verb, clause or
        // comma: "…, which became a hit and propelled him" is not his).
        if before > 0 && doc.tags[before - 1] == Upos::Cconj {
            let sentence = doc.sentences[mention.sentence.index()].tokens.start;
            return doc.mentions[..pronoun].iter().position(|m| {
                m.tokens.start == sentence
                    && m.kind != MentionKind::Demonym
                    && doc.tags.get(m.tokens.end) == Some(&Upos::Verb)
                    && (m.tokens.end + 1..before - 1).all(|t| {
                        !matches!(
                            doc.tags[t],
                            Upos::Verb | Upos::Aux | Upos::Punct | Upos::Sconj | Upos::Pron
                        ) || lexicon::possessive_determiner(doc.token_text(t)).is_some()
                    })
            });
        }
        doc.mentions[..pronoun]
            .iter()
            .rposition(|m| m.tokens.end == before && m.kind != MentionKind::Demonym)
    }

    /// "Hoffner called Vondra to congratulate him": the subject of an
    /// infinitive at `to` that follows a verb and its object, with nothing
    /// but their words between (no other verb, clause or comma): the
    /// mention ending right before the verb, or for a verb whose object
    /// does what the infinitive says ("invited Clarke to visit him"), the
    /// object.
    fn infinitive_subject(doc: &Document, pronoun: usize, to: usize) -> Option<usize> {
        let sentence = doc.sentences[doc.mentions[pronoun].sentence.index()]
            .tokens
            .start;
        let verb = (sentence..to)
            .rev()
            .find(|&t| doc.tags[t] == Upos::Verb)
            .filter(|&verb| verb + 1 < to)?;
        let plain_object = (verb + 1..to).all(|t| {
            !matches!(
                doc.tags[t],
                Upos::Verb | Upos::Aux | Upos::Punct | Upos::Sconj | Upos::Pron | Upos::Part
            ) || lexicon::possessive_determiner(doc.token_text(t)).is_some()
        });
        if !plain_object {
            return None;
        }
        let named = |m: &Mention| m.kind != MentionKind::Demonym;
        let verb_word = doc.token_text(verb).to_lowercase();
        // "Ruiz wants Berg to beat him": the object may be the infinitive's
        // subject, and the pronoun the clause's.
        if crate::grammar::takes_an_object_and_infinitive(&verb_word) {
            return None;
        }
        if crate::grammar::is_object_control_verb(&verb_word) {
            return doc.mentions[..pronoun]
                .iter()
                .position(|m| m.tokens.start > verb && m.tokens.end <= to && named(m));
        }
        let mut subject_end = verb;
        while subject_end > sentence && matches!(doc.tags[subject_end - 1], Upos::Aux | Upos::Adv) {
            subject_end -= 1;
        }
        doc.mentions[..pronoun]
            .iter()
            .rposition(|m| m.tokens.end == subject_end && named(m))
    }

    /// "The committee met twice. Its secretary said": a pronoun opening a
    /// sentence after one whose subject is a description ("the" and a noun)
    /// and that names nothing, with no organisation or place named in the
    /// sentence before either, stands for that description, not for a name
    /// further back.
    fn follows_a_nameless_description(&self, pronoun: usize) -> bool {
        let doc = self.doc;
        let mention = &doc.mentions[pronoun];
        let at = mention.sentence.index();
        if at == 0 || mention.tokens.start != doc.sentences[at].tokens.start {
            return false;
        }
        let previous = doc.sentences[at - 1].tokens.clone();
        let described = previous.len() > 2
            && doc.token_text(previous.start) == "The"
            && described_by_a_noun(doc, previous.start + 1, previous.end);
        // "Velmont cut jobs. The company blamed demand. Its shares fell": a
        // description right after a name may be that name's.
        // "The Polish border guard detained 34 people on the border with
        // Belarus. Its spokeswoman": a place named after a preposition is
        // where the description acted, and a place named in the sentence
        // before is seldom what a description of a body stands for.
        let named_in = |sentence: usize, before: bool| {
            doc.mentions.iter().any(|m| {
                m.sentence.index() == sentence
                    && matches!(m.kind, MentionKind::Name | MentionKind::Nominal)
                    && !matches!(m.ty, EntityType::Date | EntityType::Number)
                    && !(before && matches!(m.ty, EntityType::Person | EntityType::Location))
                    && !(m.ty == EntityType::Location
                        && m.tokens.start > 0
                        && doc.tags[m.tokens.start - 1] == Upos::Adp)
            })
        };
        described && !named_in(at - 1, false) && !(at >= 2 && named_in(at - 2, true))
    }

    /// Mention `m` has been passed, standing for `entity`.
    pub(super) fn passed(&mut self, m: usize, entity: Option<EntityId>) {
        let mention = &self.doc.mentions[m];
        let Some(entity) = entity else { return };
        if mention.kind == MentionKind::Pronoun {
            if let Some(gender) = pronoun_gender(self.doc.slice(mention.span)) {
                self.genders[entity.index()][gender_index(gender)] = true;
            }
        }
        if mention.kind != MentionKind::Demonym && !self.in_dateline[mention.tokens.start] {
            self.counts[entity.index()][0] += 1;
            if !self.after_place_preposition(mention) {
                self.counts[entity.index()][1] += 1;
            }
        }
    }

    pub(super) fn resolve(
        &self,
        pronoun: usize,
        mention_entity: &[Option<EntityId>],
    ) -> Option<EntityId> {
        let doc = self.doc;
        let mention = &doc.mentions[pronoun];
        let word = doc.slice(mention.span);
        let wants_person = pronoun_type(word) == Some(EntityType::Person);
        let gender = pronoun_gender(word);
        let at = mention.sentence.index();
        let subject = self
            .subject_of_object(pronoun)
            .and_then(|m| mention_entity[m]);
        let fits = |entity: EntityId| {
            if subject == Some(entity) {
                return false;
            }
            let ty = self.entity_types[entity.index()];
            if wants_person {
                let conflict =
                    gender.is_some_and(|g| self.genders[entity.index()][1 - gender_index(g)]);
                ty == EntityType::Person && !conflict
            } else {
                matches!(
                    ty,
                    EntityType::Organization | EntityType::Location | EntityType::Misc
                )
            }
        };
        let counted = |other: &Mention| {
            other.kind != MentionKind::Demonym
                && !(wants_person && self.after_place_preposition(other))
                && !self.in_dateline[other.tokens.start]
        };
        if let Some(speaker) = self
            .speaker_of(pronoun)
            .and_then(|m| mention_entity[m])
            .filter(|&entity| fits(entity))
        {
            return Some(speaker);
        }
        // "it" is a mention only where a speaker stands before it.
        if word.eq_ignore_ascii_case("it") {
            return None;
        }
        if !wants_person && self.follows_a_nameless_description(pronoun) {
            return None;
        }
        let which = usize::from(wants_person);
        let window_start = self.first_mention_of_sentence[at.saturating_sub(RECENCY.len() - 1)];
        let window = window_start..pronoun;
        // Each entity's score, as if summed over every earlier mention in
        // order: the topic share of those before the window, then the window.
        let mut in_window: BTreeMap<EntityId, usize> = BTreeMap::new();
        for o in window.clone() {
            if let Some(entity) = mention_entity[o].filter(|_| counted(&doc.mentions[o])) {
                *in_window.entry(entity).or_default() += 1;
            }
        }
        let mut scores: BTreeMap<EntityId, f64> = BTreeMap::new();
        for (e, counts) in self.counts.iter().enumerate() {
            let entity = EntityId::from(e);
            if counts[which] > 0 && fits(entity) {
                let before = counts[which] - in_window.get(&entity).copied().unwrap_or(0);
                scores.insert(entity, self.topic[before]);
            }
        }
        let pronoun_quoted = self.quoted[mention.tokens.start];
        let mut first_in_sentence: Option<usize> = None;
        for o in window {
            let other = &doc.mentions[o];
            let Some(entity) = mention_entity[o] else {
                continue;
            };
            if !counted(other) || !fits(entity) {
                continue;
            }
            // The subject: the first fitting mention of its sentence that
            // is not a possessive ("Her brother Karl said he").
            let possessive = other.kind == MentionKind::Pronoun
                && lexicon::possessive_determiner(doc.slice(other.span)).is_some();
            if !possessive
                && !modifies_by_hyphen(doc, other)
                && first_in_sentence.is_none_or(|s| doc.mentions[s].sentence != other.sentence)
            {
                first_in_sentence = Some(o);
            }
            let score = scores.entry(entity).or_insert(0.0);
            *score += 0.02;
            let distance = at - other.sentence.index();
            let subject = if first_in_sentence == Some(o) {
                2.0
            } else {
                1.0
            };
            let speaker = if pronoun_quoted && distance == 0 && !self.quoted[other.tokens.start] {
                0.1
            } else {
                1.0
            };
            *score += RECENCY[distance] * subject * speaker;
        }
        scores
            .into_iter()
            .filter(|(_, score)| *score >= 0.1)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(entity, _)| entity)
    }
}

pub(super) fn gender_index(gender: char) -> usize {
    usize::from(gender == 'f')
}
