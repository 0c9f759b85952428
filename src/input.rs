//! Reading documents: files, directories, standard input and JSON Lines,
//! each checked (UTF-8, no NUL bytes) before any stage sees it.

use crate::error::{Error, Result};
use std::io::Read;
use std::path::{Path, PathBuf};

/// A document's text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDocument {
    pub id: String,
    pub source: String,
    pub text: String,
}

/// Checks that `bytes` is text: valid UTF-8 with no NUL byte.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn read_path(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

fn is_text_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "md")
    )
}

/// Whether a directory entry is a regular file (a symlink counts as its
/// target). FIFOs, sockets and devices are skipped with a warning: reading
/// one could block forever or never end.
fn is_regular_file(path: &Path, kind: std::fs::FileType) -> Result<bool> {
    let kind = if kind.is_symlink() {
        match std::fs::metadata(path) {
            Ok(meta) => meta.file_type(),
            Err(e) => return Err(Error::io(path, e)),
        }
    } else {
        kind
    };
    if kind.is_file() {
        return Ok(true);
    }
    if !kind.is_dir() {
        eprintln!(
            "textkg: warning: {}: skipped, not a regular file",
            path.display()
        );
    }
    Ok(false)
}

/// Lists the files an input path stands for: the file itself, or a
/// directory's `.txt` and `.md` files, recursively, in sorted order; each
/// with its id (the path relative to the input root).
pub fn expand(path: &Path) -> Result<Vec<(PathBuf, String)>> {
    if path == Path::new("-") {
        return Ok(vec![(path.to_path_buf(), "-".to_string())]);
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_dir() {
        let id = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        return Ok(vec![(path.to_path_buf(), id)]);
    }
    let mut files = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&dir, e))?;
            let child = entry.path();
            let kind = entry.file_type().map_err(|e| Error::io(&child, e))?;
            if kind.is_dir() {
                stack.push(child);
            } else if is_text_file(&child) && is_regular_file(&child, kind)? {
                files.push(child);
            }
        }
    }
    files.sort();
    Ok(files
        .into_iter()
        .map(|file| {
            let id = relative_id(&file, path);
            (file, id)
        })
        .collect())
}

fn relative_id(file: &Path, root: &Path) -> String {
    file.strip_prefix(root)
        .unwrap_or(file)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The name an input root adds to its documents' ids when another root
/// gives the same ids: its last component, or the whole path as given.
fn root_name(root: &Path, whole: bool) -> String {
    let name = root
        .file_name()
        .filter(|_| !whole)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| {
            let shown = root.display().to_string();
            shown.trim_end_matches('/').to_string()
        });
    if name.is_empty() || name == "." {
        root.display().to_string()
    } else {
        name
    }
}

/// Lists every input path's files with ids unique across all of them:
/// when two roots give the same id, each of those roots' ids is prefixed
/// with the root's name (or, should names collide too, the root's path).
pub fn expand_all(paths: &[PathBuf]) -> Result<Vec<(PathBuf, String)>> {
    let mut roots: Vec<Vec<(PathBuf, String)>> = Vec::with_capacity(paths.len());
    for path in paths {
        roots.push(expand(path)?);
    }
    for whole in [false, true] {
        let mut owner: std::collections::HashMap<&str, usize> = Default::default();
        let mut clashing = std::collections::BTreeSet::new();
        for (root, files) in roots.iter().enumerate() {
            for (_, id) in files {
                if let Some(&other) = owner.get(id.as_str()) {
                    if other != root {
                        clashing.insert(other);
                        clashing.insert(root);
                    }
                } else {
                    owner.insert(id, root);
                }
            }
        }
        if clashing.is_empty() {
            break;
        }
        for root in clashing {
            let path = &paths[root];
            if path == Path::new("-") {
                continue;
            }
            let is_dir = std::fs::metadata(path).is_ok_and(|m| m.is_dir());
            for (file, id) in &mut roots[root] {
                *id = if is_dir {
                    format!("{}/{}", root_name(path, whole), relative_id(file, path))
                } else {
                    root_name(path, true)
                };
            }
        }
    }
    Ok(roots.into_iter().flatten().collect())
}

/// Reads every input path into documents, in input order.
pub fn read_paths(paths: &[PathBuf]) -> Result<Vec<InputDocument>> {
    read_files(&expand_all(paths)?)
}

/// Reads listed files (from [`expand_all`]) into documents.
pub fn read_files(files: &[(PathBuf, String)]) -> Result<Vec<InputDocument>> {
    files
        .iter()
        .map(|(file, id)| read_file(file, id.clone()))
        .collect()
}

/// Reads one listed file (`-` for standard input) as the document `id`.
pub fn read_file(file: &Path, id: String) -> Result<InputDocument> {
    let text = decode(file, read_path(file)?)?;
    let source = if file == Path::new("-") {
        "-".to_string()
    } else {
        file.display().to_string()
    };
    Ok(InputDocument { id, source, text })
}

/// Fails when two documents share an id, naming where both came from.
pub fn check_unique_ids(documents: &[InputDocument]) -> Result<()> {
    let mut seen: std::collections::HashMap<&str, &str> = Default::default();
    for document in documents {
        if let Some(first) = seen.insert(&document.id, &document.source) {
            return Err(Error::Usage(format!(
                "two documents have the id {:?}: {} and {}",
                document.id, first, document.source
            )));
        }
    }
    Ok(())
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlRecord {
    id: serde_json::Value,
    text: String,
}

/// Reads JSON Lines, one `{"id": ..., "text": ...}` document per line;
/// blank lines are skipped.
pub fn read_jsonl(path: &Path) -> Result<Vec<InputDocument>> {
    let text = decode(path, read_path(path)?)?;
    parse_jsonl(&shown_name(path), &text)
}

/// How messages name an input: its path, or `<stdin>` for `-`.
pub fn shown_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// JSON Lines read a line at a time, as `--jsonl` reads a file: ids are
/// strings, unique among the lines read; a byte-order mark before the first
/// line is skipped. One reader serves a whole file or a stream of lines.
#[derive(Debug, Default)]
pub struct JsonlReader {
    lines_of: std::collections::HashMap<String, usize>,
}

impl JsonlReader {
    /// Line `number` (from 1) of the JSON Lines called `shown`: `None` for a
    /// blank line, else its document, whose source is `shown:number`.
    pub fn line(
        &mut self,
        shown: &str,
        number: usize,
        line: &str,
    ) -> Result<Option<InputDocument>> {
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let line = match number {
            1 => line.strip_prefix('\u{feff}').unwrap_or(line),
            _ => line,
        };
        if line.trim().is_empty() {
            return Ok(None);
        }
        let bad = |message: String| Error::BadLine {
            path: PathBuf::from(shown),
            line: number,
            message,
        };
        let record: JsonlRecord = serde_json::from_str(line)
            .map_err(|e| bad(format!("expected {{\"id\": ..., \"text\": ...}}: {e}")))?;
        let id = match record.id {
            serde_json::Value::String(s) => s,
            other => {
                return Err(bad(format!(
                    "id must be a string (write {:?}), not {other}",
                    other.to_string()
                )));
            }
        };
        if record.text.contains('\0') {
            return Err(bad("text holds a NUL character".to_string()));
        }
        if let Some(first) = self.lines_of.insert(id.clone(), number) {
            return Err(bad(format!(
                "id {id:?} is already the id of line {first}; ids must be unique"
            )));
        }
        Ok(Some(InputDocument {
            id,
            source: format!("{shown}:{number}"),
            text: record.text,
        }))
    }
}

/// Parses JSON Lines read from `shown` (see [`JsonlReader`]).
pub fn parse_jsonl(shown: &str, text: &str) -> Result<Vec<InputDocument>> {
    let mut reader = JsonlReader::default();
    let mut documents = Vec::new();
    for (index, line) in text.lines().enumerate() {
        documents.extend(reader.line(shown, index + 1, line)?);
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_the_offset_of_bad_bytes() {
        let path = Path::new("x.txt");
        match decode(path, b"abc\xffdef".to_vec()) {
            Err(Error::InvalidUtf8 { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("unexpected {other:?}"),
        }
        match decode(path, b"ab\0".to_vec()) {
            Err(Error::Binary { offset, .. }) => assert_eq!(offset, 2),
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(
            decode(path, "Zürich".as_bytes().to_vec()).unwrap(),
            "Zürich"
        );
    }
}
