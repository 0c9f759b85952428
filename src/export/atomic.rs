//! Writing outputs so that a file appears complete or not at all.
//!
//! Temporary files and directories are made beside the output, named
//! `.textkg-<pid>-…`; they are removed on Ctrl-C and SIGTERM
//! ([`remove_temporaries`]), and those of a run that was killed outright
//! are removed by the next run writing to the same directory.

use crate::error::{Error, Result};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const PREFIX: &str = ".textkg-";

/// Temporary files and directories of this process not yet in place.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn register(path: &Path) {
    if let Ok(mut list) = TEMPORARIES.lock() {
        list.push(path.to_path_buf());
    }
}

fn unregister(path: &Path) {
    if let Ok(mut list) = TEMPORARIES.lock() {
        list.retain(|p| p != path);
    }
}

/// Removes every temporary this process has made and not yet renamed into
/// place: for a signal handler, which then exits.
pub fn remove_temporaries() {
    let list = match TEMPORARIES.lock() {
        Ok(list) => list.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    };
    for path in list {
        let _ = fs::remove_dir_all(&path).or_else(|_| fs::remove_file(&path));
    }
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn temp_prefix() -> String {
    format!("{PREFIX}{}-", std::process::id())
}

/// Removes the temporaries a killed run left in `dir`: those named after a
/// process that no longer runs, and those of the older unnumbered naming
/// untouched for an hour.
fn remove_stale(dir: &Path) {
    let proc_known = Path::new("/proc/self").exists();
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(PREFIX)) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let stale = match pid {
            Some(pid) => proc_known && !Path::new(&format!("/proc/{pid}")).exists(),
            None => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600),
        };
        if stale {
            let path = entry.path();
            let _ = fs::remove_dir_all(&path).or_else(|_| fs::remove_file(&path));
        }
    }
}

/// Where writing to `path` lands: a symlink is followed to its target.
fn resolve(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match fs::read_link(&path) {
            Ok(target) => path = parent_dir(&path).join(target),
            Err(_) => break,
        }
    }
    path
}

#[cfg(unix)]
fn special_kind(kind: fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        Some("a FIFO")
    } else if kind.is_socket() {
        Some("a socket")
    } else if kind.is_char_device() || kind.is_block_device() {
        Some("a device")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn special_kind(_: fs::FileType) -> Option<&'static str> {
    None
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// Checks, before any work, that `path` may be written: not one of
/// `inputs`, not a device, FIFO or socket, and a directory exactly when
/// `directory` (then holding nothing but `files`). `flag` names the option.
pub fn check_output(
    flag: &str,
    path: &Path,
    inputs: &[PathBuf],
    directory: Option<&[&str]>,
) -> Result<()> {
    let refuse = |message: String| {
        Err(Error::Usage(format!(
            "{flag} {}: {message}",
            path.display()
        )))
    };
    let target = resolve(path);
    let meta = match fs::metadata(&target) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let dir = parent_dir(&target);
            return match fs::metadata(dir) {
                Ok(meta) if meta.is_dir() => Ok(()),
                _ => refuse(format!("the directory {} does not exist", dir.display())),
            };
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    if let Some(kind) = special_kind(meta.file_type()) {
        return refuse(format!(
            "is {kind}; write to a regular file, or leave out {flag} to write to standard output"
        ));
    }
    for input in inputs {
        if input == Path::new("-") {
            continue;
        }
        if fs::metadata(input).is_ok_and(|m| same_file(&m, &meta)) {
            return refuse(format!(
                "is also an input ({}); choose another output",
                input.display()
            ));
        }
    }
    match directory {
        None if meta.is_dir() => refuse("is a directory, but this writes one file".into()),
        Some(_) if !meta.is_dir() => {
            refuse("exists and is not a directory; this format writes a directory".into())
        }
        Some(files) if !replaceable(&target, files).map_err(|e| Error::io(path, e))? => {
            refuse(format!(
                "directory exists and holds files other than {}: remove it or choose another -o",
                files.join(", ")
            ))
        }
        _ => Ok(()),
    }
}

/// A complete output in a temporary file beside its target, put in place
/// by [`Staged::commit`], or removed when dropped uncommitted.
pub struct Staged {
    temp: Option<tempfile::NamedTempFile>,
    target: PathBuf,
    shown: PathBuf,
}

impl Staged {
    /// Renames the file into place.
    pub fn commit(mut self) -> Result<()> {
        let Some(temp) = self.temp.take() else {
            return Ok(());
        };
        let temp_path = temp.path().to_path_buf();
        let result = temp
            .persist(&self.target)
            .map(|_| ())
            .map_err(|e| Error::io(&self.shown, e.error));
        unregister(&temp_path);
        result
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(temp) = self.temp.take() {
            unregister(temp.path());
        }
    }
}

/// Writes a whole file into a temporary beside `path` (a symlink's
/// target), synced and with its final permissions, ready to [`Staged::commit`].
pub fn stage_file(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<Staged> {
    let mut writer = stage_writer(path)?;
    write(writer.out())?;
    writer.finish()
}

/// A file being written, a piece at a time, into a temporary beside its
/// target; [`StagedWriter::finish`] makes it a [`Staged`] file. Dropped
/// unfinished, the temporary is removed.
pub struct StagedWriter {
    out: Option<io::BufWriter<tempfile::NamedTempFile>>,
    temp_path: PathBuf,
    target: PathBuf,
    shown: PathBuf,
}

/// Starts writing `path` (a symlink's target) through a temporary file.
pub fn stage_writer(path: &Path) -> Result<StagedWriter> {
    let target = resolve(path);
    if let Ok(meta) = fs::metadata(&target) {
        if meta.is_dir() {
            return Err(Error::io(
                path,
                io::Error::other("is a directory, but this writes one file"),
            ));
        }
        if let Some(kind) = special_kind(meta.file_type()) {
            return Err(Error::io(path, io::Error::other(format!("is {kind}"))));
        }
    }
    let dir = parent_dir(&target);
    remove_stale(dir);
    let temp = tempfile::Builder::new()
        .prefix(&temp_prefix())
        .tempfile_in(dir)
        .map_err(|e| Error::io(path, e))?;
    register(temp.path());
    Ok(StagedWriter {
        temp_path: temp.path().to_path_buf(),
        out: Some(io::BufWriter::new(temp)),
        target,
        shown: path.to_path_buf(),
    })
}

impl StagedWriter {
    pub fn out(&mut self) -> &mut dyn Write {
        self.out
            .as_mut()
            .expect("a StagedWriter writes until finished")
    }

    /// Flushes, syncs and gives the file its final permissions.
    pub fn finish(mut self) -> Result<Staged> {
        let out = self.out.take().expect("finished once");
        let path = self.shown.clone();
        let temp = out.into_inner().map_err(|e| {
            unregister(&self.temp_path);
            Error::io(&path, e.into_error())
        })?;
        let staged = Staged {
            temp: Some(temp),
            target: self.target.clone(),
            shown: path.clone(),
        };
        let temp = staged.temp.as_ref().expect("just set");
        set_permissions(temp.path(), &staged.target, 0o644)?;
        temp.as_file().sync_all().map_err(|e| Error::io(&path, e))?;
        Ok(staged)
    }
}

impl Drop for StagedWriter {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            unregister(&self.temp_path);
        }
    }
}

/// Writes to `path` atomically (a temporary file beside it, renamed into
/// place once complete), or to standard output when `path` is `None`.
pub fn write_atomically(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let Some(path) = path else {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        write(&mut out)?;
        return out.flush().map_err(|e| Error::io("<stdout>", e));
    };
    stage_file(path, write)?.commit()
}

/// Temporary files and directories are private (0600, 0700); the output
/// takes the permissions of what it replaces, or `mode` when new.
fn set_permissions(temp: &Path, path: &Path, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = match fs::metadata(path) {
            Ok(meta) => meta.permissions(),
            Err(_) => fs::Permissions::from_mode(mode),
        };
        fs::set_permissions(temp, permissions).map_err(|e| Error::io(path, e))?;
    }
    #[cfg(not(unix))]
    let _ = (temp, path, mode);
    Ok(())
}

pub(crate) fn write_file_synced(
    path: &Path,
    shown: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let file = fs::File::create(path).map_err(|e| Error::io(shown, e))?;
    let mut out = io::BufWriter::new(file);
    write(&mut out).map_err(|e| Error::io(shown, e))?;
    let file = out
        .into_inner()
        .map_err(|e| Error::io(shown, e.into_error()))?;
    file.sync_all().map_err(|e| Error::io(shown, e))
}

/// Whether `dir` holds nothing but files this format writes, so replacing
/// it loses nothing the user put there.
fn replaceable(dir: &Path, files: &[&str]) -> io::Result<bool> {
    let files: std::collections::HashSet<&str> = files.iter().copied().collect();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let ours = entry.file_type()?.is_file()
            && entry
                .file_name()
                .to_str()
                .is_some_and(|n| files.contains(n));
        if !ours {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Writes a directory atomically: its files go into a temporary directory
/// beside `path`, renamed into place once all are complete. An existing
/// directory is replaced only when it holds nothing but this format's files.
pub fn write_directory_atomically(
    path: &Path,
    files: &[&str],
    write: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        check_replaceable(path, files)?;
    }
    let staged = stage_directory(path)?;
    write(staged.path())?;
    staged.commit(files)
}

fn check_replaceable(path: &Path, files: &[&str]) -> Result<()> {
    if replaceable(path, files).map_err(|e| Error::io(path, e))? {
        return Ok(());
    }
    let shown = if files.len() > 4 {
        format!("{} and {} more", files[..4].join(", "), files.len() - 4)
    } else {
        files.join(", ")
    };
    Err(Error::io(
        path,
        io::Error::other(format!(
            "directory exists and holds files other than {shown}: remove it or choose another -o"
        )),
    ))
}

/// A directory being written in a temporary directory beside its target,
/// put in place by [`StagedDirectory::commit`], removed when dropped
/// uncommitted.
pub struct StagedDirectory {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

/// Starts writing the directory `path`; refused when `path` exists and is
/// not a directory.
pub fn stage_directory(path: &Path) -> Result<StagedDirectory> {
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_dir() => {
            return Err(Error::io(
                path,
                io::Error::other("exists and is not a directory; this format writes a directory"),
            ));
        }
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(Error::io(path, e)),
        _ => {}
    }
    let parent = parent_dir(path);
    remove_stale(parent);
    let temp = tempfile::Builder::new()
        .prefix(&temp_prefix())
        .tempdir_in(parent)
        .map_err(|e| Error::io(path, e))?
        .keep();
    register(&temp);
    Ok(StagedDirectory {
        temp,
        target: path.to_path_buf(),
        committed: false,
    })
}

impl StagedDirectory {
    /// The temporary directory to write the files into.
    pub fn path(&self) -> &Path {
        &self.temp
    }

    /// Puts the directory in place of `path`: an existing directory is
    /// replaced only when it holds nothing but `files`.
    pub fn commit(mut self, files: &[&str]) -> Result<()> {
        let path = self.target.clone();
        let old = fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if old {
            check_replaceable(&path, files)?;
        }
        set_permissions(&self.temp, &path, 0o755)?;
        if old {
            swap_in(&self.temp, &path)?;
        } else {
            fs::rename(&self.temp, &path).map_err(|e| Error::io(&path, e))?;
        }
        self.committed = true;
        unregister(&self.temp);
        if let Ok(dir) = fs::File::open(parent_dir(&path)) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

impl Drop for StagedDirectory {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.temp);
            unregister(&self.temp);
        }
    }
}

/// Moves the old directory aside, the new one into place, then deletes the old.
fn swap_in(new: &Path, path: &Path) -> Result<()> {
    let holder = tempfile::Builder::new()
        .prefix(&format!("{}old-", temp_prefix()))
        .tempdir_in(parent_dir(path))
        .map_err(|e| Error::io(path, e))?
        .keep();
    register(&holder);
    let aside: PathBuf = holder.join("old");
    let result = fs::rename(path, &aside)
        .map_err(|e| Error::io(path, e))
        .and_then(|()| {
            fs::rename(new, path).map_err(|e| {
                let _ = fs::rename(&aside, path);
                Error::io(path, e)
            })
        });
    let _ = fs::remove_dir_all(&holder);
    unregister(&holder);
    result
}
