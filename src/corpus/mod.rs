//! Readers for the gold corpora in `../shared/data`: CoNLL-U (UD EWT),
//! IOB2 (UNER) and DocRED JSON (Re-DocRED).

pub mod conllu;
pub mod docred;
pub mod iob2;

use crate::document::Span;

/// The fields a `# key = value` comment line of CoNLL-U or IOB2 can set.
pub struct Header<'a> {
    pub doc_id: &'a mut String,
    pub sent_id: &'a mut String,
    pub text: &'a mut String,
    pub starts_paragraph: Option<&'a mut bool>,
}

/// Reads one comment line (without its `#`) into the header fields.
pub fn read_comment(comment: &str, header: Header<'_>) {
    let comment = comment.trim();
    if let Some(id) = comment.strip_prefix("newdoc id =") {
        *header.doc_id = id.trim().to_string();
    } else if let Some(id) = comment.strip_prefix("sent_id =") {
        *header.sent_id = id.trim().to_string();
    } else if let Some(text) = comment.strip_prefix("text =") {
        *header.text = text.trim().to_string();
    } else if comment.starts_with("newpar") {
        if let Some(flag) = header.starts_paragraph {
            *flag = true;
        }
    }
}

/// Locates each form in `text`, in order, skipping whitespace; a form that
/// cannot be found nearby gets `None` and does not move the cursor.
pub fn align_forms<S: AsRef<str>>(text: &str, forms: &[S]) -> Vec<Option<Span>> {
    let mut pos = 0;
    let mut spans = Vec::with_capacity(forms.len());
    for form in forms {
        let form = form.as_ref();
        while let Some(c) = text[pos..].chars().next().filter(|c| c.is_whitespace()) {
            pos += c.len_utf8();
        }
        if text[pos..].starts_with(form) {
            spans.push(Some(Span::new(pos, pos + form.len())));
            pos += form.len();
            continue;
        }
        let window_end = (pos + form.len() + 16).min(text.len());
        let window_end = (window_end..=text.len())
            .find(|&e| text.is_char_boundary(e))
            .unwrap_or(text.len());
        match text[pos..window_end].find(form) {
            Some(offset) if !form.is_empty() => {
                let start = pos + offset;
                spans.push(Some(Span::new(start, start + form.len())));
                pos = start + form.len();
            }
            _ => spans.push(None),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_align_to_byte_spans_and_missing_forms_are_none() {
        let text = "Ünï does  n't";
        let spans = align_forms(text, &["Ünï", "does", "XYZ", "n't"]);
        assert_eq!(spans[0], Some(Span::new(0, 5)));
        assert_eq!(spans[1], Some(Span::new(6, 10)));
        assert_eq!(spans[2], None);
        assert_eq!(spans[3], Some(Span::new(12, 15)));
    }
}
