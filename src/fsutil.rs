//! Atomic file writes: a reader (kubectl, Argo CD, an editor) sees the old file or the new
//! one, never half of each, and a crash leaves the old file in place.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be replaced. Each message names the path.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The path (or the target of a symlink) could not be resolved or inspected.
    #[error("resolving {path}: {source}")]
    Resolve { path: PathBuf, source: io::Error },
    /// The temporary file next to the target could not be created, written or synced.
    #[error("writing a temporary file in {dir}: {source}")]
    Temp { dir: PathBuf, source: io::Error },
    /// The temporary file could not be renamed over the target.
    #[error("replacing {path}: {source}")]
    Rename { path: PathBuf, source: io::Error },
}

/// Replaces the contents of `path` atomically: a temporary file in the same directory, written
/// and fsynced, given the original's permission bits, then renamed over it. A symlink is
/// followed and its target replaced, so the link stays a link. Returns the path written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let resolve = |source| WriteError::Resolve {
        path: path.to_owned(),
        source,
    };
    let target = std::fs::canonicalize(path).map_err(resolve)?;
    let permissions = std::fs::metadata(&target).map_err(resolve)?.permissions();
    let dir = target
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let temp_err = |source| WriteError::Temp {
        dir: dir.clone(),
        source,
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(temp_err)?;
    tmp.write_all(bytes).map_err(temp_err)?;
    tmp.as_file()
        .set_permissions(permissions)
        .map_err(temp_err)?;
    tmp.as_file().sync_all().map_err(temp_err)?;
    tmp.persist(&target).map_err(|e| WriteError::Rename {
        path: target.clone(),
        source: e.error,
    })?;
    // Make the rename itself durable. Not every platform or filesystem lets a directory be
    // opened and synced; the data is already safe, so a failure here is not an error.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn keeps_mode_and_symlinks() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.yaml");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.yaml");
        symlink("real.yaml", &link).unwrap();

        let written = write_atomic(&link, b"new").unwrap();
        assert_eq!(written, std::fs::canonicalize(&real).unwrap());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn missing_file_names_the_path() {
        let e = write_atomic(Path::new("/nonexistent-dir/x.yaml"), b"x").unwrap_err();
        assert!(e.to_string().contains("/nonexistent-dir/x.yaml"), "{e}");
    }
}
