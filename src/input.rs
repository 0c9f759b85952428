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
            } else if is_text_file(&child) {
                files.push(child);
            }
        }
    }
    files.sort();
    Ok(files
        .into_iter()
        .map(|file| {
            let id = file
                .strip_prefix(path)
                .unwrap_or(&file)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (file, id)
        })
        .collect())
}

/// Reads every input path into documents, in input order.
pub fn read_paths(paths: &[PathBuf]) -> Result<Vec<InputDocument>> {
    let mut documents = Vec::new();
    for path in paths {
        for (file, id) in expand(path)? {
            let text = decode(&file, read_path(&file)?)?;
            let source = if file == Path::new("-") {
                "-".to_string()
            } else {
                file.display().to_string()
            };
            documents.push(InputDocument { id, source, text });
        }
    }
    Ok(documents)
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
    let shown = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let mut documents = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Error::BadLine {
            path: PathBuf::from(&shown),
            line: index + 1,
            message,
        };
        let record: JsonlRecord = serde_json::from_str(line)
            .map_err(|e| bad(format!("expected {{\"id\": ..., \"text\": ...}}: {e}")))?;
        let id = match record.id {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            other => return Err(bad(format!("id must be a string or number, not {other}"))),
        };
        if record.text.contains('\0') {
            return Err(bad("text holds a NUL character".to_string()));
        }
        documents.push(InputDocument {
            id,
            source: format!("{shown}:{}", index + 1),
            text: record.text,
        });
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
