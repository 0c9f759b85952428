//! Titles and roles around a person's name, and the organisations that
//! own them: what the assembly of mentions reads for each name.

use super::*;

/// "Boeing chief executive Dave Calhoun": a capitalised name right before a
/// role in lower case, itself before a person's name, names the
/// organisation the role belongs to, even where the recogniser missed it.
pub(super) fn role_owners(doc: &Document, names: &[NameSpan]) -> Vec<NameSpan> {
    let covered = covered_tokens(doc, names);
    let mut found = Vec::new();
    for (range, ty) in names {
        if *ty != EntityType::Person {
            continue;
        }
        let sentence_start = doc.sentences[doc.sentence_of_token(range.start).index()]
            .tokens
            .start;
        // The title before the name, or at its start ("Chairman Ines Araujo").
        let (title_start, title_end) = match leading_title(doc, range.clone()) {
            Some(end) if end < range.end => (range.start, end),
            _ => match title_ending_at(doc, sentence_start, range.start) {
                Some(start) => (start, range.start),
                None => continue,
            },
        };
        if lexicon::is_honorific(doc.token_text(title_start)) {
            continue;
        }
        let lower_case = doc.token_text(title_start).starts_with(char::is_lowercase);
        let owner = capitalised_run_before(doc, sentence_start, title_start)..title_start;
        // A sentence's first word is capitalised anyway, and the tagger
        // may read an unknown name there as a verb ("Boeing"): what rules
        // it out is being an adjective or adverb ("Former", "Then"). Before
        // a capitalised title, only a proper noun will do.
        // "Statistics Norway spokesman": a place the recogniser found at
        // the end of the run is part of the organisation's name.
        let place_at_end = names
            .iter()
            .find(|(place, ty)| {
                *ty == EntityType::Location && place.end == title_start && place.start > owner.start
            })
            .map(|(place, _)| place.start);
        let own_words = owner.start..place_at_end.unwrap_or(owner.end);
        let is_name = !own_words.is_empty()
            && own_words.clone().all(|t| {
                !covered[t]
                    && !lexicon::is_month_or_weekday(doc.token_text(t))
                    && !lexicon::is_sentence_starter(&doc.token_text(t).to_lowercase())
                    && match doc.tags.get(t) {
                        Some(Upos::Propn) => true,
                        Some(Upos::Noun | Upos::Verb | Upos::X) => lower_case,
                        _ => false,
                    }
            });
        // "Opposition senator Ana Ruiz": a common noun opening the sentence
        // is a modifier; the tagger's misreading of a company's name there
        // ("Boeing chief executive") comes before a company's title only,
        // and a place ending the run makes it a name ("Environment Canada").
        let opens_text = owner.start == sentence_start
            || matches!(
                doc.token_text(owner.start - 1),
                "-" | "—" | "–" | ":" | "“" | "\""
            );
        // "Club president Ana Ruiz": a noun for a kind of organisation
        // is a common noun, whatever the tagger read.
        let common_noun_first = opens_text
            && place_at_end.is_none()
            && own_words.clone().any(|t| {
                doc.tags.get(t) != Some(&Upos::Propn)
                    || (own_words.len() == 1
                        && lexicon::is_organization_noun(&doc.token_text(t).to_lowercase()))
            });
        let company_title =
            lexicon::is_corporate_title(doc.slice(doc.token_span(title_start..title_end)));
        // "District Judge Ana Ruiz", "State Senator Tom Berg": a kind of
        // place alone is the office's level, not whose it is.
        let kind_of_place_alone =
            own_words.len() == 1 && lexicon::is_location_suffix(doc.token_text(own_words.start));
        if !is_name || kind_of_place_alone || (common_noun_first && !company_title) {
            continue;
        }
        let text = doc.slice(doc.token_span(owner.clone()));
        if lexicon::country(text).is_none() && lexicon::demonym_country(text).is_none() {
            found.push((owner, EntityType::Organization));
        }
    }
    found
}

/// Trims a recognised name: a leading title becomes the role, a leading
/// article or a trailing possessive is dropped.
pub(super) fn refine_name(
    doc: &Document,
    mut range: Range<usize>,
    mut ty: EntityType,
) -> Option<(Range<usize>, EntityType, Option<Span>)> {
    // "I'll", "We're": a pronoun and its clitic name nothing.
    let names_nothing = range.clone().all(|t| {
        let word = doc.token_text(t);
        lexicon::is_function_word(word) || word.starts_with(['\'', '’'])
    });
    // "Without You" in quotes is a song's title, whatever its words.
    let quoted =
        |t: usize, quotes: &[&str]| t < doc.tokens.len() && quotes.contains(&doc.token_text(t));
    let quoted_title = ty == EntityType::Misc
        && range.start > 0
        && quoted(range.start - 1, &["\"", "“"])
        && quoted(range.end, &["\"", "”"]);
    if names_nothing && range.len() > 1 && !quoted_title {
        return None;
    }
    while range.len() > 1 && matches!(doc.token_text(range.start), "The" | "the" | "A" | "An") {
        // Keep "The" of a name that starts with it mid-sentence ("The Hill").
        let sentence_start = doc.sentences[doc.sentence_of_token(range.start).index()]
            .tokens
            .start;
        if range.start != sentence_start {
            break;
        }
        range.start += 1;
    }
    // "Berg the Labour": a lower-case article inside a name ends it,
    // unless a preposition or conjunction leads to it ("Supreme Court of
    // the State of Ohio", "Court of Appeals for the Third Circuit", "Rage
    // Against the Machine"), it is inside a title ("Suffer the Children"),
    // or a person's epithet follows it ("Ivan the Terrible").
    let epithet = |t: usize| {
        ty == EntityType::Person
            && t == range.start + 1
            && t + 2 == range.end
            && doc.token_text(t + 1).starts_with(char::is_uppercase)
    };
    if let Some(article) = (range.start + 1..range.end).find(|&t| {
        doc.token_text(t) == "the"
            && !preposition_before_article(doc.token_text(t - 1))
            && ty != EntityType::Misc
            && !epithet(t)
    }) {
        range.end = article;
    }
    // "District Court for" (of "... for the Northern District"): a name
    // does not end in a lower-case function word; "interviewed by Harbour
    // Times Saturday, March 3": nor does a weekday end the name of a person,
    // organisation or place ("Black Friday" is MISC). Both, in either order:
    // "fined Velmora Bank on Tuesday".
    let ends_in_a_function_word = |range: &Range<usize>| {
        let last = doc.token_text(range.end - 1);
        // "Moon Jae-in" ends in a syllable, not in a preposition.
        let hyphenated = doc.token_text(range.end - 2) == "-"
            && doc.tokens[range.end - 2].end == doc.tokens[range.end - 1].start;
        matches!(last, "'s" | "’s" | "'" | "’" | "," | "-")
            || (last.starts_with(char::is_lowercase)
                && lexicon::is_function_word(last)
                && !hyphenated)
    };
    let ends_in_a_weekday = |range: &Range<usize>| {
        matches!(
            ty,
            EntityType::Person | EntityType::Organization | EntityType::Location
        ) && lexicon::is_weekday(doc.token_text(range.end - 1))
    };
    while range.len() > 1 && (ends_in_a_function_word(&range) || ends_in_a_weekday(&range)) {
        range.end -= 1;
    }
    let mut role = None;
    // "General Motors", "Crown Prosecution Service": a title word that
    // starts an organisation's name.
    let organization_name = lexicon::ends_organization_name(doc.token_text(range.end - 1));
    // "Miss World", "King of the Hill": a title opens the name of a work
    // or a contest, and a person's name does not go on in lower case.
    let title_cut = leading_title(doc, range.clone())
        .filter(|_| !organization_name && ty != EntityType::Misc)
        .filter(|&end| end >= range.end || doc.token_text(end).starts_with(char::is_uppercase));
    if let Some(title_end) = title_cut {
        if title_end < range.end {
            // "Director-General" of which the recogniser kept "General".
            let sentence_start = doc.sentences[doc.sentence_of_token(range.start).index()]
                .tokens
                .start;
            let title_start = title_ending_at(doc, sentence_start, title_end)
                .map_or(range.start, |start| start.min(range.start));
            role = Some(doc.token_span(title_start..title_end));
            // "Its secretary general, Dr. Ana Ruiz": a role set off by a
            // comma before the title says whose the person is.
            if title_start > sentence_start && doc.token_text(title_start - 1) == "," {
                role = role_before(doc, title_start..range.end, true).or(role);
            }
            range.start = title_end;
            ty = EntityType::Person;
        } else {
            return None;
        }
    }
    // "Striker Lucas Ferreira scored": an occupation that opens a sentence
    // is capitalised as the first word, and is the person's role, not a
    // word of the name, when a full name follows it.
    let sentence_start = doc.sentences[doc.sentence_of_token(range.start).index()]
        .tokens
        .start;
    let occupation_opens_sentence = range.start == sentence_start
        && range.len() >= 3
        && lexicon::is_occupation(&doc.token_text(range.start).to_lowercase())
        && (range.start + 1..range.end).all(|t| doc.token_text(t).starts_with(char::is_uppercase));
    if role.is_none() && ty == EntityType::Person && occupation_opens_sentence {
        role = Some(doc.token_span(range.start..range.start + 1));
        range.start += 1;
    }
    // "Mr Ashby": a form of address the recogniser kept in a person's name
    // is no part of it, as "Mr." standing outside is not; the bare surname
    // then joins the full name named earlier.
    let address_then_name = range.len() > 1
        && lexicon::is_honorific(doc.token_text(range.start))
        && doc
            .token_text(range.start + 1)
            .starts_with(char::is_uppercase);
    if role.is_none() && ty == EntityType::Person && address_then_name {
        role = role_before(doc, range.clone(), true)
            .or_else(|| Some(doc.token_span(range.start..range.start + 1)));
        range.start += 1;
    }
    if role.is_none() && ty == EntityType::Person {
        role = role_before(doc, range.clone(), true);
    } else if role.is_none() && looks_like_personal_name(doc, range.clone()) {
        // "the head of Interpol, Jurgen Stock": a title before a name says
        // it is a person's, whatever type the recogniser guessed; any noun
        // could be ("her novel Winter Harbour").
        role = role_before(doc, range.clone(), false);
        if role.is_some() {
            ty = EntityType::Person;
        }
    }
    Some((range, ty, role))
}

/// "Against" of "Rage Against the Machine": a preposition, in any case,
/// leads on to the rest of a name ("and" joins two).
fn preposition_before_article(word: &str) -> bool {
    let word = word.to_lowercase();
    lexicon::is_function_word(&word) && !matches!(word.as_str(), "and" | "or" | "but" | "nor")
}

/// Two or three capitalised words with no organisation or place suffix.
pub(super) fn looks_like_personal_name(doc: &Document, range: Range<usize>) -> bool {
    let words: Vec<&str> = range.map(|t| doc.token_text(t)).collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            !lexicon::ends_organization_name(w)
                && !lexicon::is_location_suffix(w)
                && !lexicon::is_function_word(w)
        })
}

/// The end of the longest title at the start of `range`, if any.
pub(super) fn leading_title(doc: &Document, range: Range<usize>) -> Option<usize> {
    let mut end = None;
    let mut start = range.start;
    // Titles stack: "Then Vice President", "former Secretary of State".
    loop {
        let found = phrase::longest_at(start, range.end, lexicon::max_title_words(), |words| {
            lexicon::is_title(doc.slice(doc.token_span(words))).then_some(())
        });
        match found {
            Some((title, ())) => {
                end = Some(title.end);
                start = title.end;
            }
            None => return end,
        }
    }
}

/// The role written just before a person's name, with the country or
/// organisation it belongs to when the text names one: "North Korean
/// leader", "former senator", "Acme's chief executive, Laura Chen", "Tesla
/// founder", "the head of Interpol, Jurgen Stock".
pub(super) fn role_before(doc: &Document, name: Range<usize>, any_noun: bool) -> Option<Span> {
    let name_start = name.start;
    let sentence = &doc.sentences[doc.sentence_of_token(name_start).index()].tokens;
    let sentence_start = sentence.start;
    // An apposition ("its founder, Henrik Dahl") needs a sign that the
    // phrase before the comma is that person's role and not a separate
    // noun, and it closes after the name: in "In her blog, Lindqvist
    // writes", the name is the subject of what follows.
    let comma = name_start > sentence_start && doc.token_text(name_start - 1) == ",";
    let closed = name.end >= sentence.end
        || matches!(doc.token_text(name.end), "," | "." | ")" | ";" | "—" | "–");
    let end = if comma { name_start - 1 } else { name_start };
    if any_noun && (closed || !comma) {
        if let Some(start) = possessed_noun_role(doc, sentence_start, end) {
            return Some(doc.token_span(start..end));
        }
    }
    let (start, owner_after) = match title_ending_at(doc, sentence_start, end) {
        // "Its secretary general, Dr. Ana Ruiz": a role set off by a comma
        // before the title says whose the person is.
        Some(start)
            if !comma
                && start > sentence_start
                && doc.token_text(start - 1) == ","
                && let Some(role) = role_before(doc, start..name.end, any_noun) =>
        {
            return Some(role);
        }
        Some(mut start) => {
            // "Detective Chief Inspector": capitalised titles stacked on
            // one another are one role.
            while let Some(earlier) = title_ending_at(doc, sentence_start, start)
                .filter(|&t| doc.token_text(t).starts_with(char::is_uppercase))
            {
                start = earlier;
            }
            (start, false)
        }
        None if comma => (of_owner_role(doc, sentence_start, end)?, true),
        None => return None,
    };
    let lower_case = doc.token_text(start).starts_with(char::is_lowercase);
    let mut role_start = start;
    let mut owner_before = false;
    // A demonym or country before the title: "North Korean leader".
    let country_owner = phrase::longest_ending_at(sentence_start, role_start, 3, |words| {
        let modifier = doc.slice(doc.token_span(words));
        (lexicon::demonym_country(modifier).is_some() || lexicon::country(modifier).is_some())
            .then_some(())
    });
    if let Some((modifier, ())) = country_owner {
        role_start = modifier.start;
        // "the United States Trade Representative": the article is
        // not part of the role.
        if doc.token_text(role_start).eq_ignore_ascii_case("the") {
            role_start += 1;
        }
        owner_before = true;
    }
    if !owner_before && !owner_after {
        // "Acme's former chief executive": adjectives may stand between
        // the possessor and the title.
        let before_adjectives = lower_case_adjectives_before(doc, sentence_start, role_start);
        let possessive_at =
            |t: usize| t > sentence_start && matches!(doc.token_text(t - 1), "'s" | "’s");
        let possessive = possessive_at(role_start)
            || (before_adjectives < role_start && possessive_at(before_adjectives));
        let run_end = if possessive_at(role_start) {
            role_start - 1
        } else if possessive {
            before_adjectives - 1
        } else {
            role_start
        };
        let run_start = capitalised_run_before(doc, sentence_start, run_end);
        // "pro-Moscow politician": a place in a compound owns nothing.
        let compound = run_start > sentence_start && doc.token_text(run_start - 1) == "-";
        // "Boeing chief executive": a capitalised name right before a role
        // in lower case modifies it; before a capitalised title
        // ("Monday President ...") the run could be anything.
        if run_start < run_end && (possessive || lower_case) {
            if !compound {
                role_start = run_start;
                owner_before = true;
            }
        } else if possessive {
            // "the band's founder": the possessor is part of the role.
            let mut noun_start = run_end;
            while noun_start > sentence_start
                && run_end - noun_start < 3
                && matches!(doc.tags.get(noun_start - 1), Some(Upos::Noun | Upos::Adj))
            {
                noun_start -= 1;
            }
            if noun_start < run_end {
                role_start = noun_start;
            }
        }
    }
    // A title that names its owner is a role even where the apposition is
    // left open ("Norway's Prime Minister, Ingrid Berg said").
    if comma && !closed && !owner_before && !owner_after {
        return None;
    }
    let word_before = |role_start: usize| {
        if role_start > sentence_start {
            doc.token_text(role_start - 1).to_lowercase()
        } else {
            String::new()
        }
    };
    let mut before = word_before(role_start);
    if comma && !owner_before && !owner_after {
        let determined = |before: &str| {
            matches!(before, "the" | "'s" | "’s")
                || lexicon::possessive_determiner(before).is_some()
        };
        // "The new foreign minister, X": adjectives in lower case may stand
        // between the article and the title, and are part of the role.
        let with_adjectives = lower_case_adjectives_before(doc, sentence_start, role_start);
        if !determined(&before) && with_adjectives < role_start {
            let before_adjectives = word_before(with_adjectives);
            if determined(&before_adjectives) {
                role_start = with_adjectives;
                before = before_adjectives;
            }
        }
        if !determined(&before) {
            return None;
        }
    }
    // "her spokesman", "whose crown prince": the possessive is the owner.
    if !owner_before && !owner_after && singular_or_relative_owner(&before) {
        role_start -= 1;
    }
    Some(doc.token_span(role_start..end))
}

/// Where up to two lower-case adjectives right before `at` start ("former",
/// "new"); `at` when there are none.
fn lower_case_adjectives_before(doc: &Document, sentence_start: usize, at: usize) -> usize {
    let mut start = at;
    while start > sentence_start
        && at - start < 2
        && doc.tags.get(start - 1) == Some(&Upos::Adj)
        && doc.token_text(start - 1).starts_with(char::is_lowercase)
    {
        start -= 1;
    }
    start
}

/// "Goldman Sachs economist Jan Hatzius", "NASA astronaut Christina Koch": an
/// occupation in lower case between an organisation or place and a
/// person's name is the person's role there. The owner must be a name the
/// stage holds ("Monday morning John said" has none).
pub(super) fn occupation_at_owner(
    doc: &Document,
    name: Range<usize>,
    owner_ending_at: &HashMap<usize, usize>,
) -> Option<Span> {
    let sentence_start = doc.sentences[doc.sentence_of_token(name.start).index()]
        .tokens
        .start;
    let occupation = |t: usize| {
        let word = doc.token_text(t);
        doc.tags.get(t) == Some(&Upos::Noun)
            && word.starts_with(char::is_lowercase)
            && (!word.ends_with('s') || word.ends_with("ss"))
            && !lexicon::is_function_word(word)
    };
    let mut start = name.start;
    while start > sentence_start && name.start - start < 2 && occupation(start - 1) {
        start -= 1;
    }
    if start == name.start {
        return None;
    }
    let owner_start = *owner_ending_at.get(&start)?;
    // "pro-Moscow veteran politician": a place in a compound owns nothing.
    let compound = owner_start > sentence_start && doc.token_text(owner_start - 1) == "-";
    (owner_start >= sentence_start && !compound).then(|| doc.token_span(owner_start..name.start))
}

/// "Alexander Stubb, a former prime minister,", "Brad Smith, the company's
/// president,", "Brad Smith, Microsoft's president,": a title set off by
/// commas after a person's name is their role. Only lower-case words
/// besides the title and a possessor before it, so that an organisation
/// or place elsewhere in the phrase is read as an edge, not folded into a
/// role.
pub(super) fn role_after(doc: &Document, name: Range<usize>) -> Option<Span> {
    let sentence = doc.sentences[doc.sentence_of_token(name.start).index()]
        .tokens
        .clone();
    let tag = |t: usize| doc.tags.get(t).copied().unwrap_or(Upos::X);
    // "The board named Ana Ruiz interim chairman": the title the verb gives.
    let appointed =
        name.start > sentence.start && lexicon::is_appointment_verb(doc.token_text(name.start - 1));
    if name.end + 1 >= sentence.end || !(appointed || doc.token_text(name.end) == ",") {
        return None;
    }
    let mut start = name.end + usize::from(doc.token_text(name.end) == ",");
    // "Marek Hudak, 52, a former finance minister,": an age may come first.
    let aged = !appointed
        && start + 2 < sentence.end
        && doc.token_text(start).bytes().all(|b| b.is_ascii_digit())
        && doc.token_text(start + 1) == ",";
    if aged {
        start += 2;
    }
    let determiner = doc.token_text(start);
    if matches!(determiner.to_lowercase().as_str(), "the" | "a" | "an")
        || matches!(
            lexicon::possessive_determiner(determiner),
            Some(lexicon::Possessor::Singular | lexicon::Possessor::Plural)
        )
    {
        start += 1;
    }
    let mut end = start;
    // Tags aside, a capitalised word or a possessive ("the WHO's", read as
    // a pronoun and a verb) can be part of the phrase.
    while end < sentence.end
        && end - start < 6
        && (matches!(tag(end), Upos::Adj | Upos::Noun | Upos::Propn | Upos::Part)
            || matches!(doc.token_text(end), "'s" | "’s")
            || doc.token_text(end).starts_with(char::is_uppercase))
    {
        end += 1;
    }
    let closes = |t: usize| t == sentence.end || matches!(doc.token_text(t), "," | "." | ";");
    // "Hans Kluge, the WHO's regional director for Europe,", "Marta Vidal, a
    // senior economist at the Nordic Trade Institute,": a phrase after the
    // title, up to the comma that closes the apposition, is not part of
    // the role; the open reader reads its edge.
    let phrase_closes = || {
        !appointed
            && end < sentence.end
            && tag(end) == Upos::Adp
            // "the leader of the Labour Party": the open reader reads the
            // title with its owner.
            && doc.token_text(end) != "of"
            && (end + 1..sentence.end.min(end + 9))
                .take_while(|&t| {
                    matches!(
                        tag(t),
                        Upos::Adp | Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Part
                    ) || doc.token_text(t) == "-"
                })
                .any(|t| closes(t + 1))
    };
    let closed = appointed || closes(end) || phrase_closes();
    if !closed || end == start {
        return None;
    }
    let title_start = (start..end).find(|&t| {
        lexicon::is_title(doc.slice(doc.token_span(t..end)))
            || (t + 1 == end && lexicon::is_occupation(doc.token_text(t)))
    })?;
    // Before the title: "former", "senior", "the company's", or a named
    // possessor, "Microsoft's", whose edge the role gives.
    let capitalised = |t: usize| doc.token_text(t).starts_with(char::is_uppercase);
    // "the NSC leader": a capitalised name right before a role in lower
    // case owns it, as before a name ("Boeing chief executive").
    let owner_run_end = (start..title_start)
        .find(|&t| !capitalised(t))
        .unwrap_or(title_start);
    let lower_case_role = doc.token_text(title_start).starts_with(char::is_lowercase);
    let possessor_end = (start..title_start)
        .find(|&t| matches!(doc.token_text(t), "'s" | "’s"))
        .unwrap_or(if lower_case_role {
            owner_run_end
        } else {
            start
        });
    let possessor =
        (start..possessor_end).all(capitalised) || (start..possessor_end).all(|t| !capitalised(t));
    // "a former Google engineer": lower-case modifiers, then a capitalised
    // owner right before the title.
    let modifiers_only = possessor
        && (possessor_end..title_start).all(|t| {
            let word = doc.token_text(t);
            word.starts_with(char::is_lowercase)
                || matches!(word, "'s" | "’s")
                || (lower_case_role && (t..title_start).all(capitalised))
        });
    let lower_case_title = doc
        .slice(doc.token_span(title_start..end))
        .starts_with(char::is_lowercase);
    let possessive = (start..title_start).any(|t| matches!(doc.token_text(t), "'s" | "’s"));
    // "the company's president" is a role; "Smith, President," is a
    // heading more often than an apposition, so a capitalised title needs
    // a word before it.
    (modifiers_only && (lower_case_title || title_start > start || possessive))
        .then(|| doc.token_span(start..end))
}

/// "his lawyer, Chidi Nwosu", "Okonkwo's lawyer Chidi Nwosu": a noun
/// (after adjectives) that a person or organisation possesses, right
/// before a name, is that name's role towards the possessor, whether or not
/// the noun is a known title. Returns where the role starts: the pronoun,
/// or the possessor's capitalised name.
pub(super) fn possessed_noun_role(
    doc: &Document,
    sentence_start: usize,
    end: usize,
) -> Option<usize> {
    if end == sentence_start || doc.tags.get(end - 1) != Some(&Upos::Noun) {
        return None;
    }
    // "its managing partner": a participle in "-ing" modifies the noun as
    // an adjective would; "the foreign ministry/PROPN spokeswoman": a word
    // in lower case is no proper noun, whatever the tagger read.
    let modifier = |t: usize| match doc.tags.get(t) {
        Some(Upos::Adj | Upos::Noun) => true,
        Some(Upos::Verb) => doc.token_text(t).ends_with("ing"),
        Some(Upos::Propn) => doc.token_text(t).starts_with(char::is_lowercase),
        _ => false,
    };
    let mut start = end - 1;
    while start > sentence_start && end - start < 3 && modifier(start - 1) {
        start -= 1;
    }
    if (start..end).any(|t| !doc.token_text(t).starts_with(char::is_lowercase)) {
        return None;
    }
    let before = start.checked_sub(1).filter(|&b| b >= sentence_start)?;
    let word = doc.token_text(before).to_lowercase();
    match word.as_str() {
        // "their" so often stands for a group no name was given to that it
        // is left out.
        // "the United Arab Emirates, whose crown prince, Mohammed bin Zayed".
        owner if singular_or_relative_owner(owner) => Some(before),
        "'s" | "’s" => {
            let owner = capitalised_run_before(doc, sentence_start, before);
            (owner < before).then_some(owner)
        }
        _ => None,
    }
}

/// The start of the longest title that ends at token `end`.
pub(super) fn title_ending_at(doc: &Document, sentence_start: usize, end: usize) -> Option<usize> {
    let found =
        phrase::longest_ending_at(sentence_start, end, lexicon::max_title_words(), |words| {
            let single = words.len() == 1;
            let text = doc.slice(doc.token_span(words.clone()));
            let occupation = single && lexicon::is_occupation(text)
                || lexicon::is_corporate_title(text) && !text.ends_with('s');
            let office = lexicon::is_title(text) || lower_case_portfolio_office(doc, words);
            ((office || occupation) && !text.contains(',')).then_some(())
        });
    found.map(|(title, ())| title.start)
}

/// "the economy minister", "the shipping minister": an office after a
/// lower-case noun naming its portfolio. Read by roles only (the recogniser
/// reads `is_title`, which takes the portfolio capitalised).
fn lower_case_portfolio_office(doc: &Document, words: Range<usize>) -> bool {
    if words.len() != 2 {
        return false;
    }
    let portfolio = doc.token_text(words.start);
    let office = doc.token_text(words.start + 1);
    let noun = matches!(doc.tags.get(words.start), Some(Upos::Noun))
        || portfolio.len() > 5 && portfolio.ends_with("ing");
    noun && portfolio.chars().all(|c| c.is_lowercase())
        && !lexicon::is_function_word(portfolio)
        && office.starts_with(char::is_lowercase)
        && lexicon::is_portfolio_office(office)
}

/// "the head of Interpol" before a comma: a title, "of", then a
/// capitalised name; returns where the title starts.
pub(super) fn of_owner_role(doc: &Document, sentence_start: usize, end: usize) -> Option<usize> {
    let owner_start = capitalised_run_before(doc, sentence_start, end);
    if owner_start == end || owner_start == sentence_start {
        return None;
    }
    // "the director of the Serious Fraud Office, Helen Barwick".
    let mut of = owner_start - 1;
    if doc.token_text(of) == "the" && of > sentence_start {
        of -= 1;
    }
    if doc.token_text(of) != "of" {
        return None;
    }
    title_ending_at(doc, sentence_start, of)
}

/// Where the run of capitalised words (at most four, not function words)
/// that ends at `end` begins; `end` itself when there is none.
pub(super) fn capitalised_run_before(doc: &Document, sentence_start: usize, end: usize) -> usize {
    let mut start = end;
    while start > sentence_start && end - start < 6 {
        let word = doc.token_text(start - 1);
        // "Jong-un": a hyphenated syllable belongs to the capitalised word
        // before it.
        let syllable = start >= sentence_start + 3
            && word.starts_with(char::is_lowercase)
            && doc.token_text(start - 2) == "-"
            && doc.tokens[start - 3].end == doc.tokens[start - 2].start
            && doc.tokens[start - 2].end == doc.tokens[start - 1].start
            && doc.token_text(start - 3).starts_with(char::is_uppercase);
        if syllable {
            start -= 2;
            continue;
        }
        // "a WHO spokeswoman": an acronym in capitals is a name, whatever
        // word it spells.
        let acronym = word.len() >= 3 && word.chars().all(|c| c.is_ascii_uppercase());
        if !word.starts_with(char::is_uppercase)
            || (lexicon::is_function_word(word) && !acronym)
            || lexicon::is_title(word)
        {
            break;
        }
        start -= 1;
    }
    start
}

/// "his", "its", "whose": a possessive that stands for one named owner.
fn singular_or_relative_owner(word: &str) -> bool {
    matches!(
        lexicon::possessive_determiner(word),
        Some(lexicon::Possessor::Singular | lexicon::Possessor::Relative)
    )
}
