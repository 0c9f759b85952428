use super::places::continents_named;
use super::*;
use crate::model::places::{Place, PlaceKind};

fn entity(ty: EntityType, mentions: &[(usize, usize)]) -> Option<Ent> {
    Some(Ent {
        ty,
        mentions: mentions
            .iter()
            .map(|&(start, end)| M {
                start,
                end,
                sentence: 0,
            })
            .collect(),
        sentences: BTreeSet::from([0]),
        own: Vec::new(),
        geo: Default::default(),
    })
}

#[test]
fn names_joined_by_commas_and_a_conjunction_form_one_list() {
    let text = "Floods hit North Rhine Westphalia , Bavaria and Hesse ; Lyon , France was dry";
    let words: Vec<Cow<str>> = text.split(' ').map(Cow::Borrowed).collect();
    let location = EntityType::Location;
    let ents = [
        entity(location, &[(2, 5)]),
        entity(location, &[(6, 7)]),
        entity(location, &[(8, 9)]),
        entity(location, &[(10, 11)]),
        entity(location, &[(12, 13)]),
    ];
    let lists = coordinated_lists(&words, &ents);
    let list_of = |start: usize| lists[start];
    assert!(list_of(2).is_some());
    assert_eq!(list_of(2), list_of(6));
    assert_eq!(list_of(6), list_of(8));
    // "Lyon, France": a comma alone makes no list.
    assert_eq!((list_of(10), list_of(12)), (None, None));
}

fn entity_labelled(doc: &Document, label: &str) -> usize {
    doc.entities
        .iter()
        .position(|e| e.label == label)
        .unwrap_or_else(|| panic!("no {label}"))
}

#[test]
fn two_places_pair_with_what_geonames_says_of_them() {
    let text = "Dana Ortiz grew up in Lyon, France. The firm later worked in Peru.";
    let doc = crate::pipeline::Pipeline::default().annotate("t", text);
    let features = DocFeatures::new(&doc, false);
    let index = |label: &str| entity_labelled(&doc, label);
    let place = |label: &str| {
        features.ctx.ents[index(label)]
            .as_ref()
            .and_then(|e| e.geo.place)
    };
    let (lyon, france, peru) = (place("Lyon"), place("France"), place("Peru"));
    assert_eq!(
        france.map(|p| (p.kind, p.country)),
        Some((PlaceKind::Country, *b"FR"))
    );
    assert_eq!(lyon.map(|p| p.country), Some(*b"FR"));
    assert!(place("Dana Ortiz").is_none());
    let geo = |a: Place, b: Place, same: bool, types: u64| {
        let mut sink = Sink { out: Vec::new() };
        sink.add(
            const { name("geo") },
            &[a.kind as u64, b.kind as u64, u64::from(same), types],
        );
        sink.out[0]
    };
    let (lyon, france, peru) = (lyon.unwrap(), france.unwrap(), peru.unwrap());
    let location = type_index(EntityType::Location) as u64;
    let types = location * 6 + location;
    let mut seen = Vec::new();
    features.for_each_pair(
        10,
        |_| true,
        |pair| {
            seen.push((pair.head, pair.tail, pair.features.clone()));
        },
    );
    let features_of = |h: &str, t: &str| {
        let (h, t) = (index(h), index(t));
        seen.iter()
            .find(|(head, tail, _)| (*head, *tail) == (h, t))
            .map(|(.., f)| f.clone())
            .expect("pair")
    };
    assert!(features_of("Lyon", "France").contains(&geo(lyon, france, true, types)));
    assert!(features_of("France", "Peru").contains(&geo(france, peru, false, types)));
    assert!(!features_of("Lyon", "Peru").contains(&geo(lyon, peru, true, types)));
    // Dana Ortiz shares a sentence with Lyon and France, not with Peru.
    let near = |tail: Place, same: bool, other: bool| {
        let person = type_index(EntityType::Person) as u64;
        let mut sink = Sink { out: Vec::new() };
        sink.add(
            const { name("geo-near") },
            &[
                u64::from(same),
                u64::from(other),
                tail.kind as u64,
                person * 6 + location,
            ],
        );
        sink.out[0]
    };
    assert!(features_of("Dana Ortiz", "France").contains(&near(france, true, false)));
    assert!(features_of("Dana Ortiz", "Peru").contains(&near(peru, false, true)));
}

#[test]
fn words_used_alike_share_their_cluster_features() {
    let clusters = WordClusters::embedded();
    let cluster = |word: &str| clusters.get(word).map(|c| c.coarse[1]);
    // The vectors put these two verbs in one cluster, and the two given
    // names in another.
    assert_eq!(cluster("purchased"), cluster("bought"));
    assert_eq!(cluster("Ingrid"), cluster("Julia"));
    assert_ne!(cluster("purchased"), cluster("Ingrid"));
    let pair_features = |text: &str| {
        let doc = crate::pipeline::Pipeline::default().annotate("t", text);
        let features = DocFeatures::new(&doc, false);
        let index = |ty: EntityType| {
            doc.entities
                .iter()
                .position(|e| e.ty == ty)
                .unwrap_or_else(|| panic!("no {ty:?} in {text}"))
        };
        let (person, company) = (index(EntityType::Person), index(EntityType::Organization));
        let mut found = None;
        features.for_each_pair(
            10,
            |_| true,
            |pair| {
                if (pair.head, pair.tail) == (person, company) {
                    found = Some(pair.features.clone());
                }
            },
        );
        let mut all = found.expect("the person-company pair");
        all.extend(features.entities.role_features(person, Role::Head));
        all.sort_unstable();
        all
    };
    let bought = pair_features("Ingrid Solheim bought Kestrel Holdings in March.");
    let purchased = pair_features("Julia Solheim purchased Kestrel Holdings in March.");
    let between = |word: &str| {
        let mut sink = Sink { out: Vec::new() };
        sink.add(const { name("bw") }, &[HT, xxh3_64(stem(word).as_bytes())]);
        sink.add(
            const { name("bwc") },
            &[HT, cluster(word).map_or(NONE, u64::from)],
        );
        sink.out
    };
    let (bw_bought, bwc_bought) = (between("bought")[0], between("bought")[1]);
    let bwc_purchased = between("purchased")[1];
    assert_eq!(bwc_bought, bwc_purchased);
    assert!(bought.contains(&bw_bought) && !purchased.contains(&bw_bought));
    assert!(bought.contains(&bwc_bought) && purchased.contains(&bwc_bought));
    let name_cluster = mix(
        mix(const { name("wc") }, u64::from(cluster("Ingrid").unwrap())),
        0x200,
    );
    assert!(bought.contains(&name_cluster) && purchased.contains(&name_cluster));
}

#[test]
fn clusters_the_recogniser_found_are_those_looked_up_again() {
    let text = "GRØNLI Logistics hired Marit Østby, the former CEO of Varde Shipping, in Tromsø.";
    let doc = crate::pipeline::Pipeline::default().annotate("t", text);
    assert_eq!(doc.word_clusters.len(), doc.tokens.len());
    assert!(doc.word_clusters.iter().any(Option::is_some));
    let mut looked_up = doc.clone();
    looked_up.word_clusters.clear();
    let (carried, fresh) = (build_ctx(&doc, false), build_ctx(&looked_up, false));
    assert_eq!(carried.cluster_hash, fresh.cluster_hash);
    assert_eq!(carried.word_hash.len(), carried.cluster_hash.len());
    // The names' rows are entity features.
    let own = |doc: &Document| DocFeatures::new(doc, false).entities.own;
    assert_eq!(own(&doc), own(&looked_up));
}

#[test]
fn a_name_says_which_continents_it_names() {
    use crate::model::places::Continent;
    assert_eq!(continents_named("Europe"), Continent::Europe.bit());
    assert_eq!(continents_named("European"), Continent::Europe.bit());
    assert_eq!(continents_named("Southeast Asia"), Continent::Asia.bit());
    assert_eq!(
        continents_named("British North America"),
        Continent::NorthAmerica.bit()
    );
    assert_eq!(
        continents_named("Latin America"),
        Continent::NorthAmerica.bit() | Continent::SouthAmerica.bit()
    );
    assert_eq!(continents_named("European Union"), 0);
    assert_eq!(continents_named("America"), 0);
    assert_eq!(continents_named("Asian Development Bank"), 0);
}

#[test]
fn a_place_paired_with_a_continent_knows_whether_it_lies_there() {
    let text = "Lyon is a city of France in Europe. Lima is the capital of Peru.";
    let doc = crate::pipeline::Pipeline::default().annotate("t", text);
    let features = DocFeatures::new(&doc, false);
    let index = |label: &str| entity_labelled(&doc, label);
    let mut seen = Vec::new();
    features.for_each_pair(
        10,
        |_| true,
        |pair| seen.push((pair.head, pair.tail, pair.features.clone())),
    );
    let features_of = |h: &str, t: &str| {
        let (h, t) = (index(h), index(t));
        seen.iter()
            .find(|(head, tail, _)| (*head, *tail) == (h, t))
            .map(|(.., f)| f.clone())
            .expect("pair")
    };
    let location = type_index(EntityType::Location) as u64;
    let cont = |lies_there: u64| {
        let mut sink = Sink { out: Vec::new() };
        sink.add(
            const { name("cont") },
            &[lies_there, location * 6 + location],
        );
        sink.out[0]
    };
    assert!(features_of("Lyon", "Europe").contains(&cont(1)));
    assert!(features_of("Lima", "Europe").contains(&cont(0)));
    assert!(!features_of("Lima", "Europe").contains(&cont(1)));
    // Only a tail that names a continent has the feature.
    assert!(!features_of("Lyon", "France").contains(&cont(1)));
}

#[test]
fn the_country_most_of_a_documents_places_lie_in_ranks_first() {
    use super::places::Countries;
    let place = |country: &[u8; 2]| {
        let mut e = entity(EntityType::Location, &[(0, 1)]);
        if let Some(e) = e.as_mut() {
            e.geo.place = Some(Place {
                kind: PlaceKind::City,
                country: *country,
                several_countries: false,
                state: None,
            });
        }
        e
    };
    let ents = [
        place(b"NO"),
        place(b"NO"),
        entity(EntityType::Person, &[(2, 3)]),
        place(b"NO"),
        place(b"FR"),
    ];
    let countries = Countries::of(&ents);
    // Norway: first, three of four places (over two thirds).
    assert_eq!(countries.standing(*b"NO"), (0, 2));
    // France: second, one of four (under a third).
    assert_eq!(countries.standing(*b"FR"), (1, 0));
    // A country none of the places lies in.
    assert_eq!(countries.standing(*b"PE"), (3, 0));
    let alone = Countries::of(&ents[..2]);
    assert_eq!(alone.standing(*b"NO"), (0, 3));
}
