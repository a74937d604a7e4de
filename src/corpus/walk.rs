//! The one directory walk behind every directory rasid takes: the inputs of `count`, `coverage` and
//! `suggest`, and `-g DIR` / `check DIR` for gazetteers.
//!
//! `walkdir` does the walking: symbolic links are followed (a linked folder of articles is read) but a
//! link back to a folder being walked is reported once and not entered, so `ln -s . d/self` cannot
//! make a file count 41 times, nor two such links make the walk exponential. Only regular files are
//! opened: a FIFO, socket or device named like an input (`x.txt`, `x.yml`) is skipped with a warning
//! instead of blocking the run forever. Entries come sorted by name, so runs are reproducible.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::Problem;

/// What a walk found below one directory.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct Found {
    /// Regular files the caller wants, in sorted order.
    pub files: Vec<PathBuf>,
    /// Regular files of other kinds, left alone.
    pub other_kinds: Vec<PathBuf>,
    /// Entries that could not be used: unreadable, not regular files, loops. Each was warned about.
    pub problems: usize,
}

/// Walks `dir` recursively and sorts its regular files by `wanted`; every problem goes to `warn`,
/// naming the path.
pub fn walk(dir: &Path, wanted: &dyn Fn(&Path) -> bool, warn: &mut dyn FnMut(Problem)) -> Found {
    let mut found = Found::default();
    let walker = WalkDir::new(dir).follow_links(true).sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_owned();
                match e.loop_ancestor() {
                    Some(ancestor) => warn(Problem::LinkLoop {
                        ancestor: ancestor.to_owned(),
                        path,
                    }),
                    None => warn(Problem::Walk { path, source: e }),
                }
                found.problems += 1;
                continue;
            }
        };
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        let path = entry.into_path();
        if !file_type.is_file() {
            if wanted(&path) {
                warn(Problem::NotRegularFile { path: path.clone() });
                found.problems += 1;
            }
            continue;
        }
        if wanted(&path) {
            found.files.push(path);
        } else {
            found.other_kinds.push(path);
        }
    }
    found
}

/// `a.pdf, b.doc and 3 more`: the first few paths, for a warning that stays one line.
pub fn some_paths(paths: &[PathBuf]) -> String {
    const SHOWN: usize = 3;
    let mut text = paths
        .iter()
        .take(SHOWN)
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if paths.len() > SHOWN {
        text.push_str(&format!(" and {} more", paths.len() - SHOWN));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_txt(path: &Path) -> bool {
        path.extension().is_some_and(|e| e == "txt")
    }

    // Issue 13, defect 2: `ln -s . d/self` made a file count 41 times, and two such links made the
    // walk exponential.
    #[test]
    fn regression_walk_links_back_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("d");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("a.txt"), "حلب").unwrap();
        std::fs::write(d.join("sub/b.txt"), "إدلب").unwrap();
        std::fs::write(d.join("c.pdf"), "").unwrap();
        std::os::unix::fs::symlink(".", d.join("self")).unwrap();
        std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
        let mut warnings = Vec::new();
        let found = walk(&d, &is_txt, &mut |w| warnings.push(w));
        assert_eq!(found.files, [d.join("a.txt"), d.join("sub/b.txt")]);
        assert_eq!(found.other_kinds, [d.join("c.pdf")]);
        assert_eq!(found.problems, 2, "{warnings:?}");
        assert!(
            warnings
                .iter()
                .all(|w| w.to_string().contains("a link back to")),
            "{warnings:?}"
        );
    }

    #[test]
    fn some_paths_stay_one_line() {
        let paths: Vec<PathBuf> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(some_paths(&paths[..2]), "a, b");
        assert_eq!(some_paths(&paths), "a, b, c and 2 more");
    }
}
