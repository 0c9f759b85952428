//! Facts about English written for this project: abbreviations, countries
//! and their demonyms, titles, organisation and place suffixes, month names,
//! function words. Loaded once, looked up by every stage.

pub mod phrase;

use crate::document::EntityType;
use std::sync::OnceLock;

/// Maps keyed by the lexicon's own words, looked up for every token: a fast
/// fixed hash, where std's SipHash guards against keys chosen to collide.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
type HashSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;

/// Every lexicon file by name: what the loader reads, and what a model's
/// manifest hashes.
pub const FILES: [(&str, &str); 44] = [
    (
        "abbreviations.txt",
        include_str!("lexicon/abbreviations.txt"),
    ),
    (
        "appointment_verbs.txt",
        include_str!("lexicon/appointment_verbs.txt"),
    ),
    (
        "club_prefixes.txt",
        include_str!("lexicon/club_prefixes.txt"),
    ),
    (
        "club_suffixes.txt",
        include_str!("lexicon/club_suffixes.txt"),
    ),
    ("companies.txt", include_str!("lexicon/companies.txt")),
    (
        "company_suffixes.txt",
        include_str!("lexicon/company_suffixes.txt"),
    ),
    (
        "compound_prefixes.txt",
        include_str!("lexicon/compound_prefixes.txt"),
    ),
    ("continents.txt", include_str!("lexicon/continents.txt")),
    (
        "corporate_titles.txt",
        include_str!("lexicon/corporate_titles.txt"),
    ),
    ("countries.txt", include_str!("lexicon/countries.txt")),
    (
        "country_agents.txt",
        include_str!("lexicon/country_agents.txt"),
    ),
    (
        "country_aliases.txt",
        include_str!("lexicon/country_aliases.txt"),
    ),
    ("credit_words.txt", include_str!("lexicon/credit_words.txt")),
    (
        "function_words.txt",
        include_str!("lexicon/function_words.txt"),
    ),
    (
        "gendered_titles.txt",
        include_str!("lexicon/gendered_titles.txt"),
    ),
    ("given_names.txt", include_str!("lexicon/given_names.txt")),
    ("honorifics.txt", include_str!("lexicon/honorifics.txt")),
    (
        "institution_titles.txt",
        include_str!("lexicon/institution_titles.txt"),
    ),
    ("kind_nouns.txt", include_str!("lexicon/kind_nouns.txt")),
    ("legal_forms.txt", include_str!("lexicon/legal_forms.txt")),
    (
        "location_prepositions.txt",
        include_str!("lexicon/location_prepositions.txt"),
    ),
    (
        "location_suffixes.txt",
        include_str!("lexicon/location_suffixes.txt"),
    ),
    ("month_names.txt", include_str!("lexicon/month_names.txt")),
    (
        "national_offices.txt",
        include_str!("lexicon/national_offices.txt"),
    ),
    (
        "news_organizations.txt",
        include_str!("lexicon/news_organizations.txt"),
    ),
    (
        "object_complements.txt",
        include_str!("lexicon/object_complements.txt"),
    ),
    (
        "object_prepositions.txt",
        include_str!("lexicon/object_prepositions.txt"),
    ),
    ("occupations.txt", include_str!("lexicon/occupations.txt")),
    (
        "organization_nouns.txt",
        include_str!("lexicon/organization_nouns.txt"),
    ),
    (
        "organization_suffixes.txt",
        include_str!("lexicon/organization_suffixes.txt"),
    ),
    ("place_nouns.txt", include_str!("lexicon/place_nouns.txt")),
    (
        "place_prepositions.txt",
        include_str!("lexicon/place_prepositions.txt"),
    ),
    (
        "portfolio_offices.txt",
        include_str!("lexicon/portfolio_offices.txt"),
    ),
    (
        "possessive_determiners.txt",
        include_str!("lexicon/possessive_determiners.txt"),
    ),
    ("pronouns.txt", include_str!("lexicon/pronouns.txt")),
    (
        "reporting_verbs.txt",
        include_str!("lexicon/reporting_verbs.txt"),
    ),
    (
        "state_offices.txt",
        include_str!("lexicon/state_offices.txt"),
    ),
    ("storm_words.txt", include_str!("lexicon/storm_words.txt")),
    (
        "surname_particles.txt",
        include_str!("lexicon/surname_particles.txt"),
    ),
    (
        "telling_verbs.txt",
        include_str!("lexicon/telling_verbs.txt"),
    ),
    (
        "title_modifiers.txt",
        include_str!("lexicon/title_modifiers.txt"),
    ),
    ("titles.txt", include_str!("lexicon/titles.txt")),
    (
        "trade_measures.txt",
        include_str!("lexicon/trade_measures.txt"),
    ),
    ("weekdays.txt", include_str!("lexicon/weekdays.txt")),
];

/// The text of the lexicon file `name`.
fn file(name: &str) -> &'static str {
    FILES
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("no lexicon file {name}"))
}

/// A list of words from one lexicon file, matched as whole words. A line
/// starting with `*` is an ending, matched only where a caller asks for
/// endings ([`WordList::has_ending`]).
#[derive(Default)]
pub struct WordList {
    words: HashSet<&'static str>,
    endings: Vec<&'static str>,
}

impl WordList {
    fn load(name: &str) -> WordList {
        let mut list = WordList::default();
        for line in lines(file(name)) {
            match line.strip_prefix('*') {
                Some(ending) => list.endings.push(ending),
                None => {
                    list.words.insert(line);
                }
            }
        }
        list
    }

    /// Whether the word, exactly as given, is on the list.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether the word ends in one of the list's marked endings.
    pub fn has_ending(&self, word: &str) -> bool {
        self.endings.iter().any(|ending| word.ends_with(ending))
    }
}

struct Lexicon {
    abbreviations: HashSet<String>,
    function_words: HashSet<String>,
    months: HashSet<&'static str>,
    titles: HashSet<String>,
    max_title_words: usize,
    organization_suffixes: HashSet<&'static str>,
    location_suffixes: HashSet<&'static str>,
    /// Country name or alias → canonical country name.
    countries: HashMap<String, &'static str>,
    /// Demonym → canonical country name.
    demonyms: HashMap<String, &'static str>,
    /// News organisations, each as its words.
    news_organizations: HashSet<Vec<&'static str>>,
    companies: HashSet<&'static str>,
    organization_nouns: HashSet<&'static str>,
    place_nouns: HashSet<&'static str>,
    /// Kind noun → (the kind it says, whether only inside a name).
    kind_nouns: HashMap<&'static str, (&'static str, bool)>,
    occupations: WordList,
    club_prefixes: HashSet<&'static str>,
    club_suffixes: HashSet<&'static str>,
    company_suffixes: HashSet<&'static str>,
    legal_forms: HashSet<&'static str>,
    news_organization_starts: HashSet<&'static str>,
    max_news_organization_words: usize,
    /// Given name → 'f' or 'm'.
    given_names: HashMap<&'static str, char>,
    /// Title word → 'f' or 'm'.
    gendered_titles: HashMap<&'static str, char>,
    /// Pronoun → the type it stands for, the gender it signals, its case.
    pronouns: HashMap<&'static str, (EntityType, Option<char>, PronounCase)>,
    possessive_determiners: HashMap<&'static str, Possessor>,
    location_prepositions: WordList,
    object_prepositions: WordList,
    title_modifiers: WordList,
    portfolio_offices: WordList,
    honorifics: WordList,
    storm_words: WordList,
    trade_measures: WordList,
    continents: WordList,
    reporting_verbs: WordList,
    telling_verbs: WordList,
    corporate_titles: WordList,
    credit_words: WordList,
    surname_particles: WordList,
    appointment_verbs: WordList,
    place_prepositions: WordList,
    compound_prefixes: WordList,
    weekdays: WordList,
    country_agents: WordList,
    object_complements: WordList,
    national_offices: WordList,
    state_offices: WordList,
    /// Title → the word the names of its institution hold.
    institution_titles: HashMap<&'static str, &'static str>,
}

fn lines(source: &'static str) -> impl Iterator<Item = &'static str> {
    entry_lines(source)
}

/// The lines of a lexicon file the loader reads: trimmed, without comments
/// (`#`) and blank lines.
pub fn entry_lines(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Lines of two fields split by a tab, `gender<TAB>word`, as a map from the
/// word to the gender's letter.
fn genders(name: &str) -> HashMap<&'static str, char> {
    lines(file(name))
        .filter_map(|line| {
            let (gender, word) = line.split_once('\t')?;
            Some((word, gender.chars().next()?))
        })
        .collect()
}

/// `word` in lower case, borrowed when it is already (ASCII without
/// capitals): most words looked up are, and need no new string.
fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// Calls `f` with `words` lower-cased: in a buffer on the stack when they
/// are short ASCII, as titles and abbreviations are, so the look-ups made
/// for every capitalised word allocate nothing.
fn with_lower<R>(words: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 48];
    match buffer.get_mut(..words.len()) {
        Some(lower) if words.is_ascii() => {
            lower.copy_from_slice(words.as_bytes());
            lower.make_ascii_lowercase();
            f(std::str::from_utf8(lower).expect("ASCII is UTF-8"))
        }
        _ => f(&words.to_lowercase()),
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut countries = HashMap::default();
        let mut demonyms = HashMap::default();
        for line in lines(file("countries.txt")) {
            let (name, adjectives) = line.split_once('\t').unwrap_or((line, ""));
            countries.insert(name.to_string(), name);
            for adjective in adjectives.split('|').filter(|a| !a.is_empty()) {
                demonyms.insert(adjective.to_string(), name);
            }
        }
        for line in lines(file("country_aliases.txt")) {
            if let Some((alias, name)) = line.split_once('\t') {
                let canonical = countries.get(name).copied().unwrap_or(name);
                countries.insert(alias.to_string(), canonical);
            }
        }
        let titles: HashSet<String> = lines(file("titles.txt")).map(str::to_lowercase).collect();
        let max_title_words = titles
            .iter()
            .map(|t| t.split_whitespace().count())
            .max()
            .unwrap_or(1);
        let mut legal_forms = HashSet::default();
        let mut organization_suffixes: HashSet<&'static str> =
            lines(file("organization_suffixes.txt")).collect();
        for line in lines(file("legal_forms.txt")) {
            let (form, suffixes) = line.split_once('\t').unwrap_or((line, ""));
            legal_forms.insert(form);
            organization_suffixes.extend(suffixes.split_whitespace());
        }
        let pronouns = lines(file("pronouns.txt"))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let word = fields.next()?;
                let ty = match fields.next()? {
                    "PER" => EntityType::Person,
                    _ => EntityType::Misc,
                };
                let gender = fields.next()?.chars().next().filter(|g| *g != '-');
                let case = match fields.next()? {
                    "subject" => PronounCase::Subject,
                    "object" => PronounCase::Object,
                    "possessive" => PronounCase::Possessive,
                    "object/possessive" => PronounCase::ObjectOrPossessive,
                    "independent" => PronounCase::Independent,
                    "reflexive" => PronounCase::Reflexive,
                    other => panic!("pronouns.txt: unknown case {other:?} of {word:?}"),
                };
                Some((word, (ty, gender, case)))
            })
            .collect();
        let possessive_determiners = lines(file("possessive_determiners.txt"))
            .map(|line| {
                let (word, owner) = line.split_once('\t').unwrap_or((line, ""));
                let owner = match owner.trim() {
                    "singular" => Possessor::Singular,
                    "plural" => Possessor::Plural,
                    "relative" => Possessor::Relative,
                    other => {
                        panic!("possessive_determiners.txt: unknown owner {other:?} of {word:?}")
                    }
                };
                (word, owner)
            })
            .collect();
        let news_organizations = file("news_organizations.txt");
        Lexicon {
            abbreviations: lines(file("abbreviations.txt"))
                .map(str::to_string)
                .collect(),
            function_words: lines(file("function_words.txt"))
                .map(str::to_string)
                .collect(),
            months: lines(file("month_names.txt"))
                .chain(lines(file("weekdays.txt")))
                .collect(),
            titles,
            max_title_words,
            organization_suffixes,
            location_suffixes: lines(file("location_suffixes.txt")).collect(),
            countries,
            demonyms,
            news_organizations: lines(news_organizations)
                .map(|line| line.split_whitespace().collect())
                .collect(),
            news_organization_starts: lines(news_organizations)
                .filter_map(|line| line.split_whitespace().next())
                .collect(),
            max_news_organization_words: lines(news_organizations)
                .map(|line| line.split_whitespace().count())
                .max()
                .unwrap_or(1),
            companies: lines(file("companies.txt")).collect(),
            organization_nouns: lines(file("organization_nouns.txt")).collect(),
            place_nouns: lines(file("place_nouns.txt")).collect(),
            kind_nouns: lines(file("kind_nouns.txt"))
                .filter_map(|line| {
                    let mut fields = line.split('\t');
                    let word = fields.next()?;
                    let kind = fields.next()?;
                    Some((word, (kind, fields.next() == Some("name"))))
                })
                .collect(),
            occupations: WordList::load("occupations.txt"),
            club_prefixes: lines(file("club_prefixes.txt")).collect(),
            club_suffixes: lines(file("club_suffixes.txt")).collect(),
            company_suffixes: lines(file("company_suffixes.txt")).collect(),
            legal_forms,
            given_names: genders("given_names.txt"),
            gendered_titles: genders("gendered_titles.txt"),
            pronouns,
            possessive_determiners,
            location_prepositions: WordList::load("location_prepositions.txt"),
            object_prepositions: WordList::load("object_prepositions.txt"),
            title_modifiers: WordList::load("title_modifiers.txt"),
            portfolio_offices: WordList::load("portfolio_offices.txt"),
            honorifics: WordList::load("honorifics.txt"),
            storm_words: WordList::load("storm_words.txt"),
            trade_measures: WordList::load("trade_measures.txt"),
            continents: WordList::load("continents.txt"),
            reporting_verbs: WordList::load("reporting_verbs.txt"),
            telling_verbs: WordList::load("telling_verbs.txt"),
            corporate_titles: WordList::load("corporate_titles.txt"),
            credit_words: WordList::load("credit_words.txt"),
            surname_particles: WordList::load("surname_particles.txt"),
            appointment_verbs: WordList::load("appointment_verbs.txt"),
            place_prepositions: WordList::load("place_prepositions.txt"),
            compound_prefixes: WordList::load("compound_prefixes.txt"),
            weekdays: WordList::load("weekdays.txt"),
            country_agents: WordList::load("country_agents.txt"),
            object_complements: WordList::load("object_complements.txt"),
            national_offices: WordList::load("national_offices.txt"),
            state_offices: WordList::load("state_offices.txt"),
            institution_titles: lines(file("institution_titles.txt"))
                .map(|line| {
                    let (title, word) = line
                        .split_once('\t')
                        .unwrap_or_else(|| panic!("institution_titles.txt: no word for {line:?}"));
                    (title, word.trim())
                })
                .collect(),
        }
    })
}

/// "Mr", "U.S", "Corp": a word that keeps a following period.
pub fn is_abbreviation(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    with_lower(bare, |bare| lexicon().abbreviations.contains(bare))
}

/// A lower-cased word that commonly starts a sentence and never a name.
pub fn is_sentence_starter(lower: &str) -> bool {
    lexicon().function_words.contains(lower)
}

pub fn is_function_word(word: &str) -> bool {
    lexicon().function_words.contains(&*lower(word))
}

pub fn is_month_or_weekday(word: &str) -> bool {
    lexicon().months.contains(word)
}

/// Whether a name ending in this word is an organisation's, for the
/// mention stage: the suffixes the recogniser reads, and companies' trades
/// ("Halvorsen Semiconductor") it does not.
pub fn ends_organization_name(word: &str) -> bool {
    is_organization_suffix(word) || lexicon().company_suffixes.contains(word)
}

/// A company's trade ending its name ("Semiconductor", "Labs").
pub fn is_company_suffix(word: &str) -> bool {
    lexicon().company_suffixes.contains(word)
}

/// Whether a name ending in this word is a sports club ("Leeds United").
/// Apart from the organisation suffixes the recogniser reads: "United"
/// starts "United States" as often.
pub fn is_club_suffix(word: &str) -> bool {
    lexicon().club_suffixes.contains(word)
}

/// Whether the word starts sports clubs' names ("Real", "Sporting").
pub fn is_club_prefix(word: &str) -> bool {
    lexicon().club_prefixes.contains(word)
}

/// Whether the word is an occupation news names people by ("journalist"),
/// in lower case, or ends as only a profession's name does ("neurologist");
/// the recogniser does not read these, only roles do.
pub fn is_occupation(word: &str) -> bool {
    let occupations = &lexicon().occupations;
    occupations.contains(word)
        || word.len() > 7 && word.starts_with(char::is_lowercase) && occupations.has_ending(word)
}

/// Whether the word, in lower case, is an office a portfolio can name
/// ("minister" of "Health Minister").
pub fn is_portfolio_office(word: &str) -> bool {
    lexicon().portfolio_offices.contains(word)
}

/// Whether a role is an office held for a country: it ends in an entry of
/// `national_offices.txt` ("foreign ministry spokesman", "attorney
/// general") or in a portfolio's office ("foreign minister"),
/// case-insensitive.
pub fn is_national_office(role: &str) -> bool {
    let role = lower(role);
    let words: Vec<&str> = role.split_whitespace().collect();
    let offices = &lexicon().national_offices;
    (0..words.len()).any(|from| offices.contains(&words[from..].join(" ")))
        || words
            .last()
            .is_some_and(|&office| lexicon().portfolio_offices.contains(office))
}

/// The word the names of the institution a bare title belongs to hold
/// ("Governor" → "bank", "Chief Justice" → "court"), case-insensitive.
pub fn institution_of_title(title: &str) -> Option<&'static str> {
    let title = lower(title);
    let words: Vec<&str> = title.split_whitespace().collect();
    lexicon()
        .institution_titles
        .get(words.join(" ").as_str())
        .copied()
}

/// Whether a title, as a whole, is an office of a US state ("Governor",
/// "State Senator"), case-insensitive.
pub fn is_state_office(title: &str) -> bool {
    let title = lower(title);
    let words: Vec<&str> = title.split_whitespace().collect();
    lexicon().state_offices.contains(&words.join(" "))
}

/// Whether the words form a title ("Secretary of State"), case-insensitive.
pub fn is_title(words: &str) -> bool {
    let capitalised = words.starts_with(char::is_uppercase);
    with_lower(words, |words| is_lower_title(words, capitalised))
}

fn is_lower_title(words: &str, capitalised: bool) -> bool {
    let titles = &lexicon().titles;
    if titles.contains(words) {
        return true;
    }
    // "Trade Commissioner", "Health Minister": an office named by its
    // portfolio, which no list can hold in full.
    let portfolio = capitalised
        && words.split_once(' ').is_some_and(|(portfolio, office)| {
            lexicon().portfolio_offices.contains(office)
                && portfolio.chars().all(char::is_alphabetic)
                && !lexicon().function_words.contains(portfolio)
        });
    if portfolio {
        return true;
    }
    // "Acting Director", "Shadow Home Secretary", "Professor Emeritus".
    let modified = words.split_once(' ').is_some_and(|(first, rest)| {
        lexicon().title_modifiers.contains(first) && titles.contains(rest)
    });
    modified
        || words
            .strip_suffix(" emeritus")
            .is_some_and(|rest| titles.contains(rest))
}

/// "Mr.", "Mrs.", "Sir": a form of address, not a position anyone holds.
pub fn is_honorific(role: &str) -> bool {
    lexicon()
        .honorifics
        .contains(&lower(role.trim_end_matches('.')))
}

pub fn max_title_words() -> usize {
    lexicon().max_title_words + 1
}

pub fn is_organization_suffix(word: &str) -> bool {
    lexicon().organization_suffixes.contains(word)
}

pub fn is_location_suffix(word: &str) -> bool {
    lexicon().location_suffixes.contains(word)
}

/// The canonical name of a country named `name` ("U.S." → "United States").
/// A noun of a measure against a country's goods: "imports", "tariffs".
pub fn is_trade_measure(word: &str) -> bool {
    lexicon().trade_measures.contains(word)
}

/// A word that opens a storm's name: "Hurricane Delia".
pub fn is_storm_word(word: &str) -> bool {
    lexicon().storm_words.contains(word)
}

/// The continents the country list also holds, for their adjectives
/// ("European"): places, but no one's country.
pub fn is_continent(name: &str) -> bool {
    lexicon().continents.contains(name)
}

pub fn country(name: &str) -> Option<&'static str> {
    let lexicon = lexicon();
    let bare = name.strip_prefix("the ").unwrap_or(name);
    lexicon
        .countries
        .get(name)
        .or_else(|| lexicon.countries.get(bare))
        .or_else(|| {
            // Initials written without their last full stop: "U.S troops".
            let initials = bare.len() >= 3
                && bare.contains('.')
                && bare
                    .split('.')
                    .all(|part| part.len() == 1 && part.chars().all(|c| c.is_ascii_uppercase()));
            initials
                .then(|| lexicon.countries.get(format!("{bare}.").as_str()))
                .flatten()
        })
        .copied()
}

#[cfg(test)]
#[test]
fn countries_are_found_by_any_usual_spelling() {
    assert_eq!(country("U.S."), Some("United States"));
    assert_eq!(country("the U.S"), Some("United States"));
    assert_eq!(country("U.K"), Some("United Kingdom"));
    assert_eq!(country("U.S.A.S"), None);
    assert_eq!(country("S"), None);
}

/// The country a demonym or adjective stands for ("North Korean" → "North Korea").
pub fn demonym_country(word: &str) -> Option<&'static str> {
    let lexicon = lexicon();
    lexicon.demonyms.get(word).copied().or_else(|| {
        let singular = word.strip_suffix('s')?;
        lexicon.demonyms.get(singular).copied()
    })
}

/// Whether these words, exactly, name a news organisation ("Reuters").
pub fn is_news_organization(words: &[&str]) -> bool {
    lexicon().news_organizations.contains(words)
}

/// Whether some news organisation's name starts with this word.
pub fn starts_news_organization(word: &str) -> bool {
    lexicon().news_organization_starts.contains(word)
}

pub fn max_news_organization_words() -> usize {
    lexicon().max_news_organization_words
}

/// Verbs of saying and thinking: what follows them is a clause of its own
/// ("Ruiz said the talks with Berg helped"), not their object.
pub fn is_reporting_verb(word: &str) -> bool {
    lexicon().reporting_verbs.contains(word)
}

/// Verbs of telling someone something: "Ruiz told Berg he would help
/// him", where what follows the person told is a clause of its own.
pub fn is_telling_verb(word: &str) -> bool {
    lexicon().telling_verbs.contains(word)
}

/// Whether the name, exactly, is a large company news names bare ("Nvidia").
pub fn is_company(name: &str) -> bool {
    lexicon().companies.contains(name)
}

/// A common noun that, in apposition, makes a name an organisation
/// ("firm", "charity").
pub fn is_organization_noun(word: &str) -> bool {
    lexicon().organization_nouns.contains(word)
}

/// A common noun that, said of a name, makes it a place ("village",
/// "municipality").
pub fn is_place_noun(word: &str) -> bool {
    lexicon().place_nouns.contains(word)
}

/// The kind a definite description's noun says ("company" →
/// "organisation/company"), for a lower-case word.
pub fn description_kind(word: &str) -> Option<&'static str> {
    match lexicon().kind_nouns.get(word) {
        Some(&(kind, false)) => Some(kind),
        _ => None,
    }
}

/// The kind a word of a name says ("Bank", "Airways", "Semiconductor"),
/// whatever its case.
pub fn name_word_kind(word: &str) -> Option<&'static str> {
    lexicon()
        .kind_nouns
        .get(&*lower(word))
        .map(|&(kind, _)| kind)
}

/// A title only a company (or a body run like one) has: "chief
/// executive", "founder", case-insensitive.
pub fn is_corporate_title(words: &str) -> bool {
    lexicon().corporate_titles.contains(&lower(words))
}

/// The gender a given name usually signals: 'f' or 'm'.
pub fn given_name_gender(name: &str) -> Option<char> {
    lexicon().given_names.get(name).copied()
}

/// The gender a title or honorific signals ("Mrs." → 'f', "King" → 'm').
pub fn title_gender(title: &str) -> Option<char> {
    let first = title.split_whitespace().next()?.trim_end_matches('.');
    lexicon().gendered_titles.get(&*lower(first)).copied()
}

/// "Inc", "Co.", "GmbH": a company's legal form, a final full stop ignored.
pub fn is_legal_form(word: &str) -> bool {
    lexicon().legal_forms.contains(word.trim_end_matches('.'))
}

/// The first word of a byline or a picture credit ("Photo by ...").
pub fn is_credit_word(word: &str) -> bool {
    lexicon().credit_words.contains(&lower(word))
}

/// "de", "van": a lower-case word inside a surname, case-sensitive.
pub fn is_surname_particle(word: &str) -> bool {
    lexicon().surname_particles.contains(word)
}

/// A verb that gives the person after it a title ("named Ana Ruiz chairman").
pub fn is_appointment_verb(word: &str) -> bool {
    lexicon().appointment_verbs.contains(&lower(word))
}

/// A preposition of place ("to" of "moved to Paris").
pub fn is_place_preposition(word: &str) -> bool {
    lexicon().place_prepositions.contains(&lower(word))
}

/// A prefix that a hyphen joins to a name word ("pro" of "pro-Moscow").
pub fn is_compound_prefix(word: &str) -> bool {
    lexicon().compound_prefixes.contains(&lower(word))
}

/// "Monday": a day of the week, as written.
pub fn is_weekday(word: &str) -> bool {
    lexicon().weekdays.contains(word)
}

/// "diplomats", "tanker": people, offices or craft that act for a country,
/// in lower case, singular or with a plural "s".
pub fn is_agent_of_a_country(noun: &str) -> bool {
    let agents = &lexicon().country_agents;
    agents.contains(noun)
        || noun
            .strip_suffix('s')
            .is_some_and(|one| agents.contains(one))
}

/// "guilty", "liable": an adjective that says what a verb makes of its
/// object, whatever the case.
pub fn is_object_complement(word: &str) -> bool {
    lexicon().object_complements.contains(&lower(word))
}

/// Personal and possessive pronouns that can stand for a named entity.
pub fn pronoun_type(word: &str) -> Option<EntityType> {
    let pronouns = &lexicon().pronouns;
    pronouns.get(&*lower(word)).map(|(ty, ..)| *ty)
}

/// The grammatical case of a pronoun in `pronouns.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounCase {
    Subject,
    Object,
    Possessive,
    /// "her": the object, or the possessive before a noun.
    ObjectOrPossessive,
    /// "hers".
    Independent,
    Reflexive,
}

pub fn pronoun_case(word: &str) -> Option<PronounCase> {
    let pronouns = &lexicon().pronouns;
    pronouns.get(&*lower(word)).map(|(_, _, case)| *case)
}

/// Whom a possessive determiner can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Possessor {
    Singular,
    Plural,
    /// "whose": the name before it.
    Relative,
}

/// "her", "their", "whose" before a noun: whom the owner can be.
pub fn possessive_determiner(word: &str) -> Option<Possessor> {
    lexicon().possessive_determiners.get(&*lower(word)).copied()
}

/// "in", "near": a preposition of where something is, not of motion.
pub fn is_location_preposition(word: &str) -> bool {
    lexicon().location_prepositions.contains(&lower(word))
}

/// "against", "about": a preposition that completes a verb and takes its object.
pub fn is_object_preposition(word: &str) -> bool {
    lexicon().object_prepositions.contains(&lower(word))
}

/// The gender a pronoun signals ("she" → 'f'), to keep it from names of
/// the other.
pub fn pronoun_gender(word: &str) -> Option<char> {
    let pronouns = &lexicon().pronouns;
    pronouns
        .get(&*lower(word))
        .and_then(|(_, gender, _)| *gender)
}

/// Every country, alias and demonym, for building gazetteer matchers.
pub fn country_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    lexicon()
        .countries
        .iter()
        .map(|(name, country)| (name.as_str(), *country))
}

pub fn demonyms() -> impl Iterator<Item = (&'static str, &'static str)> {
    lexicon()
        .demonyms
        .iter()
        .map(|(word, country)| (word.as_str(), *country))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_aliases_and_demonyms_resolve() {
        assert_eq!(country("U.S."), Some("United States"));
        assert_eq!(country("the United States"), Some("United States"));
        assert_eq!(demonym_country("North Korean"), Some("North Korea"));
        assert_eq!(demonym_country("Libyans"), Some("Libya"));
        assert_eq!(country("Korea"), None);
    }

    #[test]
    fn a_modified_title_is_a_title() {
        assert!(is_title("Shadow Home Secretary"));
        assert!(is_title("Emeritus Professor"));
        assert!(is_title("professor emeritus"));
        assert!(is_title("Acting Director"));
        assert!(!is_title("Shadow"));
        assert!(!is_title("Shadow Boxer"));
        assert!(!is_title("Actingdirector"));
        assert!(is_title("Trade Commissioner"));
        assert!(is_title("Health Minister"));
        assert!(!is_title("the minister"));
        assert!(!is_title("The Minister"));
        assert!(!is_title("trade commissioner"));
    }

    #[test]
    fn no_list_names_an_entry_twice() {
        for (name, text) in FILES {
            let mut seen = std::collections::HashSet::new();
            for line in lines(text) {
                assert!(seen.insert(line), "{line:?} is listed twice in {name}");
            }
        }
    }

    #[test]
    fn every_lexicon_file_is_loaded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lexicon");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("src/lexicon")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .into_string()
                    .expect("UTF-8")
            })
            .filter(|name| name.ends_with(".txt"))
            .collect();
        on_disk.sort();
        let loaded: Vec<&str> = FILES.iter().map(|(name, _)| *name).collect();
        assert_eq!(on_disk, loaded);
    }

    #[test]
    fn verbs_of_saying_match_whole_words_only() {
        for verb in ["said", "says", "believed", "knew", "known", "insisting"] {
            assert!(is_reporting_verb(verb), "{verb}");
        }
        for noun in ["knowledge", "sayings", "fearful", "claimant", "hopeful"] {
            assert!(!is_reporting_verb(noun), "{noun}");
        }
    }

    #[test]
    fn legal_forms_weekdays_and_pronouns_come_from_their_files() {
        assert!(is_legal_form("Co.") && is_legal_form("GmbH") && !is_legal_form("Bank"));
        assert!(is_organization_suffix("Inc.") && is_organization_suffix("Bank"));
        assert!(!is_organization_suffix("Co") && !is_organization_suffix("GmbH"));
        assert!(is_month_or_weekday("Monday") && is_month_or_weekday("Sept."));
        assert!(is_weekday("Friday") && !is_weekday("March"));
        assert_eq!(pronoun_type("Her"), Some(EntityType::Person));
        assert_eq!(pronoun_gender("herself"), Some('f'));
        assert_eq!(pronoun_gender("its"), None);
        assert_eq!(title_gender("Mrs. Dalloway"), Some('f'));
        assert!(is_occupation("neurologist") && !is_occupation("Neurologist"));
    }

    #[test]
    fn agents_of_a_country_and_object_complements_come_from_their_files() {
        let agents = [
            ("diplomats", true),
            ("ambassador", true),
            ("authorities", true),
            ("tankers", true),
            ("striker", false),
            ("coach", false),
            ("company", false),
        ];
        for (noun, agent) in agents {
            assert_eq!(is_agent_of_a_country(noun), agent, "{noun}");
        }
        let complements = [
            ("guilty", true),
            ("Liable", true),
            ("responsible", true),
            ("tired", false),
        ];
        for (word, complement) in complements {
            assert_eq!(is_object_complement(word), complement, "{word}");
        }
    }

    #[test]
    fn national_offices_are_offices_held_for_a_country() {
        let roles = [
            ("foreign minister", true),
            ("Finance Minister", true),
            ("President", true),
            ("foreign ministry spokeswoman", true),
            ("attorney general", true),
            ("defence secretary", true),
            ("coach", false),
            ("head coach", false),
            ("chief executive", false),
            ("general manager", false),
            ("professor", false),
        ];
        for (role, national) in roles {
            assert_eq!(is_national_office(role), national, "{role}");
        }
        for (title, state) in [
            ("Governor", true),
            ("Lt. Gov.", true),
            ("State  Senator", true),
            ("Senator", false),
            ("Secretary of State", false),
        ] {
            assert_eq!(is_state_office(title), state, "{title}");
        }
    }

    #[test]
    fn titles_match_case_insensitively() {
        assert!(is_title("Secretary of State"));
        assert!(is_title("vice president"));
        assert!(!is_title("Kim"));
    }
}
