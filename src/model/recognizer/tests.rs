use super::*;
use crate::lexicon::phrase;

#[test]
fn constrained_viterbi_respects_allowed_labels_and_transitions() {
    let mut emissions = vec![[0f32; LABELS]; 3];
    emissions[1][inside(0)] = 10.0;
    let matrix = transition_matrix(&Weights::new(TRANSITION_BITS, LABELS));
    let labels = viterbi(&emissions, &matrix, None);
    assert_eq!(labels[0], begin(0), "I-PER needs a B-PER before it");
    let allowed = [1u16, 1, 1];
    assert_eq!(viterbi(&emissions, &matrix, Some(&allowed)), [0, 0, 0]);
}

#[test]
fn names_lose_leading_titles_and_trailing_possessives() {
    let infos = features::describe(&[
        "President",
        "Kim",
        "Jong",
        "Un",
        "'s",
        "RAND",
        "Corporation",
        "'s",
    ]);
    let mut entities = vec![(0..5, EntityType::Person), (5..8, EntityType::Organization)];
    tidy(&infos, &mut entities);
    assert_eq!(
        entities,
        [(1..4, EntityType::Person), (5..7, EntityType::Organization)]
    );
}

#[test]
fn hints_come_from_other_occurrences_only() {
    let infos = features::describe(&["Kim", "met", "Kim", "Lee"]);
    let hints = document_hints(&infos, &[(0..1, EntityType::Person)]);
    assert_eq!(hints, [0, 0, 1, 0]);
}

#[test]
fn known_names_match_leftmost_longest_as_the_phrase_matcher_finds_them() {
    let words = [
        "Ola", "Marta", "Nordby", "Fund", "met", "Marta", "Nordby", "in", "Ola",
    ];
    let infos = features::describe(&words);
    let known = [(0..4, 1u8), (0..2, 2), (5..6, 0), (6..7, 3), (1..3, 2)];
    let types = known
        .iter()
        .map(|(range, ty)| (SEQUENCE_KEY.of(&infos[range.clone()]), *ty))
        .collect();
    let names = Names::new(types);
    let expected = phrase::leftmost_longest(0..infos.len(), LONGEST_NAME, |range| {
        names.types.get(&SEQUENCE_KEY.of(&infos[range])).copied()
    });
    assert_eq!(
        expected.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(),
        [0..4, 5..7]
    );
    assert_eq!(
        names.matches(&infos, SEQUENCE_KEY),
        [5, 6, 6, 7, 0, 9, 11, 0, 0]
    );
}
