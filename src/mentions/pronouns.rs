//! Pronouns that can stand for a named entity.

use super::*;

/// Reads tokens and tags. A pronoun mention for each personal or possessive
/// pronoun outside names, and for "it" after a speaker's verb of saying.
pub(super) fn pronoun_mentions(doc: &Document, covered: &[bool]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for (token, _) in covered.iter().enumerate().filter(|(_, c)| !**c) {
        // "it" only where it stands for a speaker ("NASA said it had
        // postponed"); elsewhere it is as often the weather or a clause.
        let speaker_it = doc.token_text(token).eq_ignore_ascii_case("it")
            && grammar::reporting_verb_before(doc, token).is_some();
        let ty = lexicon::pronoun_type(doc.token_text(token))
            .or(speaker_it.then_some(EntityType::Organization));
        if let Some(ty) = ty {
            mentions.push(make_mention(
                doc,
                token..token + 1,
                ty,
                MentionKind::Pronoun,
                None,
                PRONOUN,
            ));
        }
    }
    mentions
}
