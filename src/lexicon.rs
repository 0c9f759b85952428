//! Facts about English written for this project: abbreviations, countries
//! and their demonyms, titles, organisation and place suffixes, month names,
//! function words. Loaded once, looked up by every stage.

use std::sync::OnceLock;

/// Maps keyed by the lexicon's own words, looked up for every token: a fast
/// fixed hash, where std's SipHash guards against keys chosen to collide.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
type HashSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;

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
    capitals: HashSet<&'static str>,
    companies: HashSet<&'static str>,
    organization_nouns: HashSet<&'static str>,
    occupations: HashSet<&'static str>,
    club_suffixes: HashSet<&'static str>,
    company_suffixes: HashSet<&'static str>,
    news_organization_starts: HashSet<&'static str>,
    max_news_organization_words: usize,
    /// Given name → 'f' or 'm'.
    given_names: HashMap<&'static str, char>,
}

fn lines(source: &'static str) -> impl Iterator<Item = &'static str> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut countries = HashMap::default();
        let mut demonyms = HashMap::default();
        for line in lines(include_str!("lexicon/countries.txt")) {
            let (name, adjectives) = line.split_once('\t').unwrap_or((line, ""));
            countries.insert(name.to_string(), name);
            for adjective in adjectives.split('|').filter(|a| !a.is_empty()) {
                demonyms.insert(adjective.to_string(), name);
            }
        }
        for line in lines(include_str!("lexicon/country_aliases.txt")) {
            if let Some((alias, name)) = line.split_once('\t') {
                let canonical = countries.get(name).copied().unwrap_or(name);
                countries.insert(alias.to_string(), canonical);
            }
        }
        let titles: HashSet<String> = lines(include_str!("lexicon/titles.txt"))
            .map(str::to_lowercase)
            .collect();
        let max_title_words = titles
            .iter()
            .map(|t| t.split_whitespace().count())
            .max()
            .unwrap_or(1);
        Lexicon {
            abbreviations: lines(include_str!("lexicon/abbreviations.txt"))
                .map(str::to_string)
                .collect(),
            function_words: lines(include_str!("lexicon/function_words.txt"))
                .map(str::to_string)
                .collect(),
            months: lines(include_str!("lexicon/month_names.txt")).collect(),
            titles,
            max_title_words,
            organization_suffixes: lines(include_str!("lexicon/organization_suffixes.txt"))
                .collect(),
            location_suffixes: lines(include_str!("lexicon/location_suffixes.txt")).collect(),
            countries,
            demonyms,
            news_organizations: lines(include_str!("lexicon/news_organizations.txt"))
                .map(|line| line.split_whitespace().collect())
                .collect(),
            news_organization_starts: lines(include_str!("lexicon/news_organizations.txt"))
                .filter_map(|line| line.split_whitespace().next())
                .collect(),
            max_news_organization_words: lines(include_str!("lexicon/news_organizations.txt"))
                .map(|line| line.split_whitespace().count())
                .max()
                .unwrap_or(1),
            capitals: lines(include_str!("lexicon/capitals.txt")).collect(),
            companies: lines(include_str!("lexicon/companies.txt")).collect(),
            organization_nouns: lines(include_str!("lexicon/organization_nouns.txt")).collect(),
            occupations: lines(include_str!("lexicon/occupations.txt")).collect(),
            club_suffixes: lines(include_str!("lexicon/club_suffixes.txt")).collect(),
            company_suffixes: lines(include_str!("lexicon/company_suffixes.txt")).collect(),
            given_names: lines(include_str!("lexicon/given_names.txt"))
                .filter_map(|line| {
                    let (gender, name) = line.split_once('\t')?;
                    Some((name, gender.chars().next()?))
                })
                .collect(),
        }
    })
}

/// "Mr", "U.S", "Corp": a word that keeps a following period.
pub fn is_abbreviation(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    lexicon().abbreviations.contains(&bare)
}

/// A lower-cased word that commonly starts a sentence and never a name.
pub fn is_sentence_starter(lower: &str) -> bool {
    lexicon().function_words.contains(lower)
}

pub fn is_function_word(word: &str) -> bool {
    lexicon().function_words.contains(&word.to_lowercase())
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

/// Whether a name ending in this word is a sports club ("Leeds United").
/// Apart from the organisation suffixes the recogniser reads: "United"
/// starts "United States" as often.
pub fn is_club_suffix(word: &str) -> bool {
    lexicon().club_suffixes.contains(word)
}

/// Whether the word is an occupation news names people by ("journalist"),
/// in lower case; the recogniser does not read these, only roles do.
pub fn is_occupation(word: &str) -> bool {
    // "neurologist", "politician": endings that name only professions.
    lexicon().occupations.contains(word)
        || word.len() > 7
            && word.starts_with(char::is_lowercase)
            && (word.ends_with("ologist") || word.ends_with("ician"))
}

/// Whether the words form a title ("Secretary of State"), case-insensitive.
pub fn is_title(words: &str) -> bool {
    let capitalised = words.starts_with(char::is_uppercase);
    let words = words.to_lowercase();
    let titles = &lexicon().titles;
    if titles.contains(&words) {
        return true;
    }
    // "Trade Commissioner", "Health Minister": an office named by its
    // portfolio, which no list can hold in full.
    let portfolio = capitalised
        && words.split_once(' ').is_some_and(|(portfolio, office)| {
            PORTFOLIO_OFFICES.contains(&office)
                && portfolio.chars().all(char::is_alphabetic)
                && !lexicon().function_words.contains(portfolio)
        });
    if portfolio {
        return true;
    }
    // "Acting Director", "Shadow Home Secretary", "Professor Emeritus".
    let modified = words
        .split_once(' ')
        .is_some_and(|(first, rest)| TITLE_MODIFIERS.contains(&first) && titles.contains(rest));
    modified
        || words
            .strip_suffix(" emeritus")
            .is_some_and(|rest| titles.contains(rest))
}

/// Offices that take their portfolio as a capitalised word before them.
const PORTFOLIO_OFFICES: [&str; 3] = ["minister", "secretary", "commissioner"];

/// Words that make another title of a title.
const TITLE_MODIFIERS: [&str; 9] = [
    "acting",
    "interim",
    "shadow",
    "deputy",
    "vice",
    "associate",
    "assistant",
    "emeritus",
    "visiting",
];

/// "Mr.", "Mrs.", "Sir": a form of address, not a position anyone holds.
pub fn is_honorific(role: &str) -> bool {
    matches!(
        role.trim_end_matches('.').to_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "miss" | "mx" | "sir" | "madam" | "dame"
    )
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
/// A word that opens a storm's name: "Hurricane Delia".
pub fn is_storm_word(word: &str) -> bool {
    matches!(
        word,
        "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "Tropical"
    )
}

/// The continents the country list also holds, for their adjectives
/// ("European"): places, but no one's country.
pub fn is_continent(name: &str) -> bool {
    matches!(name, "Europe" | "Africa" | "Asia" | "Antarctica")
}

pub fn country(name: &str) -> Option<&'static str> {
    let lexicon = lexicon();
    let bare = name.strip_prefix("the ").unwrap_or(name);
    lexicon
        .countries
        .get(name)
        .or_else(|| lexicon.countries.get(bare))
        .or_else(|| {
            // Initials written without their last full stop: "the U.S government".
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
/// ("Memon said the feedback for Mohamed helped"), not their object.
pub fn is_reporting_verb(word: &str) -> bool {
    const STEMS: [&str; 11] = [
        "said", "say", "believ", "think", "thought", "claim", "hope", "fear", "know", "knew",
        "insist",
    ];
    STEMS.iter().any(|stem| word.starts_with(stem))
}

/// Verbs of telling someone something: "Devocht told Montalvo he would
/// assist him", where what follows the person told is a clause of its own.
pub fn is_telling_verb(word: &str) -> bool {
    matches!(
        word,
        "told"
            | "tell"
            | "tells"
            | "assured"
            | "assures"
            | "warned"
            | "warns"
            | "promised"
            | "promises"
            | "informed"
            | "informs"
            | "reminded"
            | "reminds"
    )
}

/// Whether the name, exactly, is a capital city ("Brussels", "New Delhi").
pub fn is_capital(name: &str) -> bool {
    lexicon().capitals.contains(name)
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

/// A title only a company (or a body run like one) has: "chief
/// executive", "founder", case-insensitive.
pub fn is_corporate_title(words: &str) -> bool {
    matches!(
        words.to_lowercase().as_str(),
        "chief executive"
            | "chief executive officer"
            | "ceo"
            | "chief financial officer"
            | "cfo"
            | "chief operating officer"
            | "coo"
            | "chief technology officer"
            | "cto"
            | "founder"
            | "co-founder"
            | "cofounder"
            | "managing director"
            | "executive"
            | "executives"
            | "chairman"
            | "chairwoman"
            | "shareholder"
            | "shareholders"
            | "employee"
            | "employees"
    )
}

/// The gender a given name usually signals: 'f' or 'm'.
pub fn given_name_gender(name: &str) -> Option<char> {
    lexicon().given_names.get(name).copied()
}

/// The gender a title or honorific signals ("Mrs." → 'f', "King" → 'm').
pub fn title_gender(title: &str) -> Option<char> {
    let first = title.split_whitespace().next()?.trim_end_matches('.');
    match first.to_lowercase().as_str() {
        "mr" | "sir" | "lord" | "king" | "prince" | "emperor" | "sultan" | "congressman"
        | "chairman" | "spokesman" => Some('m'),
        "mrs" | "ms" | "miss" | "madam" | "lady" | "dame" | "queen" | "princess" | "empress"
        | "congresswoman" | "chairwoman" | "spokeswoman" => Some('f'),
        _ => None,
    }
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
        let lists = [
            include_str!("lexicon/abbreviations.txt"),
            include_str!("lexicon/capitals.txt"),
            include_str!("lexicon/club_suffixes.txt"),
            include_str!("lexicon/company_suffixes.txt"),
            include_str!("lexicon/companies.txt"),
            include_str!("lexicon/function_words.txt"),
            include_str!("lexicon/location_suffixes.txt"),
            include_str!("lexicon/news_organizations.txt"),
            include_str!("lexicon/occupations.txt"),
            include_str!("lexicon/organization_nouns.txt"),
            include_str!("lexicon/organization_suffixes.txt"),
            include_str!("lexicon/titles.txt"),
        ];
        for list in lists {
            let mut seen = std::collections::HashSet::new();
            for line in lines(list) {
                assert!(seen.insert(line), "{line:?} is listed twice");
            }
        }
    }

    #[test]
    fn titles_match_case_insensitively() {
        assert!(is_title("Secretary of State"));
        assert!(is_title("vice president"));
        assert!(!is_title("Kim"));
    }
}
