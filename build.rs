//! Embeds the default gazetteers so the binary works from any directory.
//!
//! Every `*.yml` file under `gazetteers/` is embedded twice: as written (for diagnostics, which need
//! its lines) and as JSON converted here at build time. Parsing YAML costs most of a second for the
//! full default set; JSON of the same tree parses an order of magnitude faster, which keeps `rasid
//! tag article.txt` quick. A file that is not valid YAML gets no JSON, so the run falls back to the
//! YAML and reports the problem with its position.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("gazetteers");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=gazetteers");
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let mut code = String::from(
        "/// The default gazetteer files: path relative to `gazetteers/`, YAML text, JSON text.\n",
    );
    code.push_str("pub(crate) static FILES: &[(&str, &str, Option<&str>)] = &[\n");
    for (index, file) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(&dir).expect("file under gazetteers/");
        let relative = relative
            .to_str()
            .expect("gazetteer paths are UTF-8")
            .replace('\\', "/");
        let absolute = file.to_str().expect("gazetteer paths are UTF-8");
        let json = to_json(file).map(|json| {
            let path = out.join(format!("gazetteer-{index}.json"));
            std::fs::write(&path, json).expect("write converted gazetteer");
            format!(
                "Some(include_str!({:?}))",
                path.to_str().expect("OUT_DIR is UTF-8")
            )
        });
        let json = json.unwrap_or_else(|| "None".to_owned());
        writeln!(
            code,
            "    ({relative:?}, include_str!({absolute:?}), {json}),"
        )
        .expect("write to String");
    }
    code.push_str("];\n");
    writeln!(
        code,
        "/// A digest of every file under `gazetteers/` (gazetteers, lexicon, name words): part of the\n\
         /// index cache's key, so an image of other defaults is never trusted.\n\
         pub(crate) const DIGEST: u64 = {:#018x};",
        digest(&dir)
    )
    .expect("write to String");
    std::fs::write(out.join("default_gazetteers.rs"), code).expect("write default_gazetteers.rs");
}

/// FNV-1a over the relative path and bytes of every file below `dir`, in sorted order.
fn digest(dir: &Path) -> u64 {
    let mut files = Vec::new();
    collect_all(dir, &mut files);
    files.sort();
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so that moving bytes between a path and a file changes the digest.
        hash = (hash ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    };
    for file in files {
        let relative = file.strip_prefix(dir).expect("file under gazetteers/");
        feed(relative.to_string_lossy().as_bytes());
        feed(&std::fs::read(&file).expect("read a gazetteer file"));
    }
    hash
}

fn collect_all(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_all(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// The file's YAML tree as JSON, or `None` when it does not parse.
fn to_json(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let tree: serde_yaml::Value = serde_yaml::from_str(&text).ok()?;
    serde_json::to_string(&tree).ok()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "yml") {
            files.push(path);
        }
    }
}
