//! Documents as a stream: read in input order a batch at a time (the next
//! batch while the current one is annotated), annotated in parallel, and
//! handed on in input order. Memory holds a few batches, never the corpus,
//! and the order of results never depends on the thread count.

use crate::error::{Error, Result};
use crate::input::{self, InputDocument, JsonlReader};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// A batch holds at most this many documents…
const BATCH_DOCUMENTS: usize = 256;
/// …or this many bytes of text (or one document, however long).
const BATCH_BYTES: usize = 8 << 20;

/// A document and the bytes of input it was read from.
pub struct ReadDocument {
    pub document: InputDocument,
    pub input_bytes: u64,
}

/// Reads the documents of a build one at a time, in input order: the JSON
/// Lines file's (`--jsonl`), then each file's. Ids are unique: within the
/// JSON Lines (as [`JsonlReader`] checks) and against the files'.
pub struct DocumentReader {
    jsonl: Option<JsonlStream>,
    files: std::vec::IntoIter<(PathBuf, String)>,
    file_ids: HashMap<String, PathBuf>,
}

struct JsonlStream {
    path: PathBuf,
    shown: String,
    reader: Box<dyn BufRead + Send>,
    lines: JsonlReader,
    number: usize,
    offset: usize,
    buffer: Vec<u8>,
}

impl DocumentReader {
    /// Opens `jsonl` (a path or `-`); `files` come from [`input::expand_all`].
    pub fn new(jsonl: Option<&Path>, files: Vec<(PathBuf, String)>) -> Result<Self> {
        let jsonl = match jsonl {
            Some(path) => {
                let reader: Box<dyn BufRead + Send> = if path == Path::new("-") {
                    Box::new(BufReader::new(std::io::stdin()))
                } else {
                    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
                    Box::new(BufReader::with_capacity(1 << 20, file))
                };
                Some(JsonlStream {
                    path: path.to_path_buf(),
                    shown: input::shown_name(path),
                    reader,
                    lines: JsonlReader::default(),
                    number: 0,
                    offset: 0,
                    buffer: Vec::new(),
                })
            }
            None => None,
        };
        let file_ids = files
            .iter()
            .map(|(path, id)| (id.clone(), path.clone()))
            .collect();
        Ok(DocumentReader {
            jsonl,
            files: files.into_iter(),
            file_ids,
        })
    }

    fn next_jsonl(&mut self) -> Option<Result<ReadDocument>> {
        let stream = self.jsonl.as_mut()?;
        loop {
            stream.buffer.clear();
            let read = match stream.reader.read_until(b'\n', &mut stream.buffer) {
                Ok(0) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(read) => read,
                Err(e) => return Some(Err(Error::io(&stream.shown, e))),
            };
            stream.number += 1;
            let start = stream.offset;
            stream.offset += read;
            let line = match line_text(&stream.path, start, &stream.buffer) {
                Ok(line) => line,
                Err(e) => return Some(Err(e)),
            };
            match stream.lines.line(&stream.shown, stream.number, line) {
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
                Ok(Some(document)) => {
                    if let Some(file) = self.file_ids.get(&document.id) {
                        return Some(Err(Error::Usage(format!(
                            "two documents have the id {:?}: {} and {}",
                            document.id,
                            document.source,
                            file.display()
                        ))));
                    }
                    return Some(Ok(ReadDocument {
                        document,
                        input_bytes: read as u64,
                    }));
                }
            }
        }
    }
}

/// A line of JSON Lines as text, checked as [`input::decode`] checks a
/// whole file: the offset of a bad byte counts from the file's start.
pub(crate) fn line_text<'a>(path: &Path, start: usize, bytes: &'a [u8]) -> Result<&'a str> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset: start + at,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: start + e.valid_up_to(),
    })
}

impl Iterator for DocumentReader {
    type Item = Result<ReadDocument>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(next) = self.next_jsonl() {
            return Some(next);
        }
        let (path, id) = self.files.next()?;
        Some(input::read_file(&path, id).map(|document| ReadDocument {
            input_bytes: document.text.len() as u64,
            document,
        }))
    }
}

/// Runs `work` on every document `reader` gives, on `pool`, and hands each
/// result to `sink` in input order. Reading runs ahead on a thread of its
/// own by at most one batch; the first error, from reading or from `sink`,
/// ends the run.
pub fn for_each_in_order<T: Send>(
    pool: &rayon::ThreadPool,
    reader: DocumentReader,
    work: impl Fn(&ReadDocument) -> T + Sync,
    mut sink: impl FnMut(&InputDocument, T) -> Result<()>,
) -> Result<()> {
    let (sender, batches) = std::sync::mpsc::sync_channel::<Result<Vec<ReadDocument>>>(1);
    // Not joined: on an error the reader may be blocked on standard input,
    // and it stops by itself once the receiver is gone.
    std::thread::spawn(move || read_batches(reader, sender));
    for batch in batches {
        let batch = batch?;
        let results: Vec<T> = pool.install(|| batch.par_iter().map(&work).collect());
        for (read, result) in batch.iter().zip(results) {
            sink(&read.document, result)?;
        }
    }
    Ok(())
}

fn read_batches(
    reader: DocumentReader,
    sender: std::sync::mpsc::SyncSender<Result<Vec<ReadDocument>>>,
) {
    let mut batch = Vec::new();
    let mut bytes = 0;
    for read in reader {
        let read = match read {
            Ok(read) => read,
            Err(e) => {
                if !batch.is_empty() {
                    let _ = sender.send(Ok(std::mem::take(&mut batch)));
                }
                let _ = sender.send(Err(e));
                return;
            }
        };
        bytes += read.document.text.len();
        batch.push(read);
        if batch.len() >= BATCH_DOCUMENTS || bytes >= BATCH_BYTES {
            bytes = 0;
            if sender.send(Ok(std::mem::take(&mut batch))).is_err() {
                return;
            }
        }
    }
    if !batch.is_empty() {
        let _ = sender.send(Ok(batch));
    }
}

/// Reads a whole stream (a file of JSON Lines or JSON graphs) a line at a
/// time, for [`crate::graph::read_stream`]; `-` is standard input.
pub fn open(path: &Path) -> Result<Box<dyn BufRead>> {
    if path == Path::new("-") {
        return Ok(Box::new(BufReader::new(std::io::stdin())));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    Ok(Box::new(BufReader::with_capacity(1 << 20, file)))
}
