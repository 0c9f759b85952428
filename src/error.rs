//! The errors textkg reports: each names the file and the problem.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not valid UTF-8 (invalid byte at offset {offset})")]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: binary file (NUL byte at offset {offset})")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: line {line}: {message}")]
    BadLine {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    BadInput { path: PathBuf, message: String },
    #[error("{0}")]
    Usage(String),
    #[error(
        "rendering {format} needs Graphviz's `dot` program, which was not found on PATH (install graphviz)"
    )]
    DotMissing { format: String },
    #[error("Graphviz `dot` failed: {0}")]
    DotFailed(String),
    #[error("model {name}: {message}")]
    Model { name: String, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Whether the error is a closed pipe on the other end of standard
    /// output, which ends the program quietly (as `head` expects).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
