//! Embeds the default gazetteers: lists every `*.yml` file under `gazetteers/` in a generated Rust file
//! of `(relative path, include_str!(…))` pairs, so the binary works from any directory.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("gazetteers");
    println!("cargo:rerun-if-changed=gazetteers");
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let mut code =
        String::from("/// The default gazetteer files: path relative to `gazetteers/`, text.\n");
    code.push_str("pub(crate) static FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(&dir).expect("file under gazetteers/");
        let relative = relative
            .to_str()
            .expect("gazetteer paths are UTF-8")
            .replace('\\', "/");
        let absolute = file.to_str().expect("gazetteer paths are UTF-8");
        writeln!(code, "    ({relative:?}, include_str!({absolute:?})),").expect("write to String");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("default_gazetteers.rs"), code).expect("write default_gazetteers.rs");
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
