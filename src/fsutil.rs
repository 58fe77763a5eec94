//! Atomic file writes: a reader (kubectl, Argo CD, an editor) sees the old file or the new
//! one, never half of each, and a crash leaves the old file in place.
//!
//! A crash (or `kill -9`) between creating the temporary file and renaming it leaves the
//! temporary file behind. Its name says whose it is, `.NAME.kubectl-verify-tmp-XXXXXX`, and
//! [`remove_stale_temps`] removes such leftovers from a directory before the next write there.
//! A writer holds an exclusive lock on its temporary file until it is renamed, so a concurrent
//! run never removes a file another run is still writing.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What marks a temporary file of [`write_atomic`]: `.NAME` + this + 6 random letters/digits.
pub const TEMP_MARK: &str = ".kubectl-verify-tmp-";
/// How many random characters follow [`TEMP_MARK`].
const TEMP_RANDOM: usize = 6;
/// A temporary file younger than this is never removed, locked or not: it may belong to a
/// writer that has created it and not locked it yet (or to a platform without locks).
pub const STALE_AFTER: Duration = Duration::from_secs(5);
/// Bytes of the target's name kept in the temporary file's name, so the name stays within
/// the usual 255-byte limit.
const NAME_KEPT: usize = 200;

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

/// The directory [`write_atomic`] writes into for `path`: the directory of the file a symlink
/// finally points at.
pub fn target_dir(path: &Path) -> io::Result<PathBuf> {
    let target = std::fs::canonicalize(path)?;
    Ok(target
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf))
}

/// Replaces the contents of `path` atomically: a temporary file in the same directory
/// (`.NAME.kubectl-verify-tmp-XXXXXX`, locked while it exists), written and fsynced, given
/// the original's permission bits, then renamed over it. A symlink is followed and its target
/// replaced, so the link stays a link. Returns the path written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let resolve = |source| WriteError::Resolve {
        path: path.to_owned(),
        source,
    };
    let target = std::fs::canonicalize(path).map_err(resolve)?;
    let permissions = std::fs::metadata(&target).map_err(resolve)?.permissions();
    persist(&target, bytes, Some(permissions), Durability::Synced)?;
    Ok(target)
}

/// Creates or replaces the file `path` atomically, as [`write_atomic`] does, for files this
/// program owns (its cache): the file need not exist, a new one gets the temporary file's
/// owner-only permissions, and a symlink at `path` is replaced, not followed.
pub fn create_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    persist(path, bytes, None, Durability::Synced)
}

/// As [`create_atomic`], but not synced to disk: for files whose loss or truncation in a crash
/// is harmless because every reader checks them and ignores what does not check out (the
/// verification cache's entries carry an integrity digest). A reader still never sees half a
/// file while the system runs. Two `fsync`s per entry were most of a 300-image run's system
/// time, and a cache entry is rewritten by the next run that misses it.
pub fn create_atomic_unsynced(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    persist(path, bytes, None, Durability::Unsynced)
}

/// Whether [`persist`] waits for the data and the rename to reach the disk.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Durability {
    Synced,
    Unsynced,
}

/// Writes `bytes` to a locked temporary file beside `target`, syncs it, and renames it over
/// `target` (with `permissions`, when given).
fn persist(
    target: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
    durability: Durability,
) -> Result<(), WriteError> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp_err = |source| WriteError::Temp {
        dir: dir.clone(),
        source,
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(
            ".{}{TEMP_MARK}",
            crate::text::prefix(&name, NAME_KEPT)
        ))
        .rand_bytes(TEMP_RANDOM)
        .tempfile_in(&dir)
        .map_err(temp_err)?;
    // Tells a concurrent run's sweep that this file is in use. Where locks are unsupported the
    // sweep's age check is what protects it.
    let _ = tmp.as_file().try_lock();
    tmp.write_all(bytes).map_err(temp_err)?;
    if let Some(permissions) = permissions {
        tmp.as_file()
            .set_permissions(permissions)
            .map_err(temp_err)?;
    }
    if durability == Durability::Synced {
        tmp.as_file().sync_all().map_err(temp_err)?;
    }
    tmp.persist(target).map_err(|e| WriteError::Rename {
        path: target.to_owned(),
        source: e.error,
    })?;
    // Make the rename itself durable. Not every platform or filesystem lets a directory be
    // opened and synced; the data is already safe, so a failure here is not an error.
    if durability == Durability::Synced
        && let Ok(d) = std::fs::File::open(&dir)
    {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Whether `name` is a temporary file name [`write_atomic`] makes.
pub fn is_temp_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    rest.rsplit_once(TEMP_MARK).is_some_and(|(target, random)| {
        !target.is_empty()
            && random.len() == TEMP_RANDOM
            && random.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// Removes the temporary files an interrupted [`write_atomic`] left in `dir`, and returns
/// their paths. Only this program's names ([`is_temp_name`]), only regular files (never what a
/// symlink points at), only files older than [`STALE_AFTER`] at `now`, and only files no
/// running writer holds the lock of. Best effort: what cannot be examined or removed is left.
pub fn remove_stale_temps(dir: &Path, now: SystemTime) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        if !entry.file_name().to_str().is_some_and(is_temp_name) {
            continue;
        }
        let path = entry.path();
        // Not followed: a symlink with our name is not our file.
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !meta.is_file() || !old {
            continue;
        }
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        match file.try_lock() {
            // A live writer holds it.
            Err(std::fs::TryLockError::WouldBlock) => continue,
            // Ours now (its writer is gone), or no locks here: the age alone decides.
            Ok(()) | Err(std::fs::TryLockError::Error(_)) => {}
        }
        if std::fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    removed.sort();
    removed
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
            .filter(|e| e.file_name().to_str().is_some_and(is_temp_name))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn create_atomic_makes_and_replaces_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("current.json");
        create_atomic(&path, b"one").unwrap();
        create_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["current.json"]);
        let e = create_atomic(&dir.path().join("missing/x.json"), b"x").unwrap_err();
        assert!(e.to_string().contains("missing"), "{e}");
    }

    #[test]
    fn missing_file_names_the_path() {
        let e = write_atomic(Path::new("/nonexistent-dir/x.yaml"), b"x").unwrap_err();
        assert!(e.to_string().contains("/nonexistent-dir/x.yaml"), "{e}");
    }

    #[test]
    fn temp_names_are_recognisable() {
        let table: &[(&str, bool)] = &[
            (".deploy.yaml.kubectl-verify-tmp-Ab3xZ9", true),
            (".a.kubectl-verify-tmp-000000", true),
            (".x.kubectl-verify-tmp-y.kubectl-verify-tmp-abcdef", true),
            ("deploy.yaml.kubectl-verify-tmp-Ab3xZ9", false),
            (".kubectl-verify-tmp-Ab3xZ9", false),
            (".deploy.yaml.kubectl-verify-tmp-Ab3xZ", false),
            (".deploy.yaml.kubectl-verify-tmp-Ab3xZ99", false),
            (".deploy.yaml.kubectl-verify-tmp-Ab3x.9", false),
            (".deploy.yaml.Ab3xZ9.tmp", false),
            ("deploy.yaml", false),
        ];
        for (name, want) in table {
            assert_eq!(is_temp_name(name), *want, "{name}");
        }
    }

    #[test]
    fn long_names_keep_the_temp_name_short() {
        let dir = tempfile::tempdir().unwrap();
        let name = format!("{}.yaml", "é".repeat(120));
        let path = dir.path().join(&name);
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    fn sweep_removes_only_old_unlocked_temps_of_ours() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let make = |name: &str| {
            let p = d.join(name);
            std::fs::write(&p, "partial").unwrap();
            p
        };
        let stale = make(".a.yaml.kubectl-verify-tmp-aaaaaa");
        let locked = make(".b.yaml.kubectl-verify-tmp-bbbbbb");
        let fresh = make(".c.yaml.kubectl-verify-tmp-cccccc");
        let foreign = make(".d.yaml.Xyz123.tmp");
        let target = make("e.yaml");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&target, d.join(".e.yaml.kubectl-verify-tmp-eeeeee")).unwrap();
        let holder = std::fs::File::open(&locked).unwrap();
        holder.lock().unwrap();
        // Ten seconds from now, everything but `fresh` (touched then) is old.
        let later = SystemTime::now() + Duration::from_secs(10);
        std::fs::File::options()
            .write(true)
            .open(&fresh)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let removed = remove_stale_temps(d, later);
        assert_eq!(removed, vec![stale.clone()]);
        assert!(!stale.exists());
        for kept in [&locked, &fresh, &foreign, &target] {
            assert!(kept.exists(), "{}", kept.display());
        }
        // Once its writer is gone, the locked one goes too.
        drop(holder);
        assert_eq!(remove_stale_temps(d, later), vec![locked]);
    }
}
