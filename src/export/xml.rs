//! XML text shared by GraphML and GEXF.

use super::props::Value;
use std::io::{self, Write};

/// Writes `text` escaped for an XML attribute value or element content.
/// Line breaks and tabs become character references so attribute
/// normalisation keeps them; characters XML 1.0 cannot carry at all (most
/// C0 controls) become U+FFFD.
pub(crate) fn escape(out: &mut dyn Write, text: &str) -> io::Result<()> {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let replacement: &str = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            '\n' => "&#10;",
            '\r' => "&#13;",
            '\t' => "&#9;",
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => "\u{fffd}",
            _ => continue,
        };
        out.write_all(&text.as_bytes()[start..i])?;
        out.write_all(replacement.as_bytes())?;
        start = i + c.len_utf8();
    }
    out.write_all(&text.as_bytes()[start..])
}

/// Writes a property value as XML text; lists as JSON arrays. Returns
/// `false`, writing nothing, for a null.
pub(crate) fn value(out: &mut dyn Write, value: &Value<'_>) -> io::Result<bool> {
    match value {
        Value::Null => return Ok(false),
        Value::Str(s) => escape(out, s)?,
        Value::Float(x) => write!(out, "{}", xml_double(*x))?,
        Value::Bool(b) => write!(out, "{b}")?,
        Value::StrList(items) => {
            let json = serde_json::to_string(items).map_err(io::Error::other)?;
            escape(out, &json)?;
        }
        Value::IntList(items) => {
            let json = serde_json::to_string(items).map_err(io::Error::other)?;
            escape(out, &json)?;
        }
    }
    Ok(true)
}

/// An `xsd:double` lexical form.
pub(crate) fn xml_double(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 { "INF".into() } else { "-INF".into() }
    } else {
        format!("{x:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        let mut out = Vec::new();
        escape(&mut out, s).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_markup_breaks_and_forbidden_controls() {
        assert_eq!(
            esc("<script>a&b</script>]]>\"'\n\u{1}𝔘"),
            "&lt;script&gt;a&amp;b&lt;/script&gt;]]&gt;&quot;&apos;&#10;\u{fffd}𝔘"
        );
    }
}
