//! Merges and splits the user asks for (`--aliases FILE`).

use super::*;

/// Merges and splits a user asks for (`--aliases FILE`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AliasRules {
    /// Surface forms that name one entity; the first is the canonical label.
    pub same: Vec<Vec<String>>,
    /// Pairs of forms that must never merge.
    pub different: Vec<(String, String)>,
    /// Surface form → the label its entity must have.
    pub labels: HashMap<String, String>,
}

impl AliasRules {
    /// Parses the alias file format (`docs/aliases.md`):
    ///
    /// ```text
    /// # comment
    /// same: Kim Jong Un | Kim Jong-un | Kim
    /// different: Mike Pence | Mike Pompeo
    /// label: Trump = Donald Trump
    /// ```
    pub fn parse(text: &str) -> Result<AliasRules, (usize, String)> {
        let mut rules = AliasRules::default();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| (index + 1, message.to_string());
            let (directive, rest) = line
                .split_once(':')
                .ok_or_else(|| bad("expected `same:`, `different:` or `label:`"))?;
            let forms = || -> Vec<String> {
                rest.split('|')
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty())
                    .collect()
            };
            match directive.trim() {
                "same" => {
                    let forms = forms();
                    if forms.len() < 2 {
                        return Err(bad("`same:` needs two or more forms separated by |"));
                    }
                    rules.same.push(forms);
                }
                "different" => {
                    let forms = forms();
                    if forms.len() != 2 {
                        return Err(bad("`different:` needs exactly two forms separated by |"));
                    }
                    rules.different.push((forms[0].clone(), forms[1].clone()));
                }
                "label" => {
                    let (form, label) = rest
                        .split_once('=')
                        .ok_or_else(|| bad("`label:` needs `form = label`"))?;
                    let (form, label) = (form.trim(), label.trim());
                    if form.is_empty() || label.is_empty() {
                        return Err(bad("`label:` needs `form = label`"));
                    }
                    rules.labels.insert(form.to_string(), label.to_string());
                }
                other => return Err(bad(&format!("unknown directive `{other}`"))),
            }
        }
        Ok(rules)
    }

    pub(super) fn forced_key(&self, form: &str) -> Option<String> {
        self.same
            .iter()
            .find(|forms| forms.iter().any(|f| f == form))
            .map(|forms| format!("user:{}", forms[0]))
    }

    pub(super) fn forbids(&self, a: &str, b: &str) -> bool {
        self.different
            .iter()
            .any(|(x, y)| (x == a && y == b) || (x == b && y == a))
    }
}
