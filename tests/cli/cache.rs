//! The index cache from the outside: the first run writes it, the next read it, `--no-cache`
//! bypasses it, and first runs at once leave a whole image.

use crate::util::*;

fn tag_args(article: &str) -> Vec<&str> {
    vec!["tag", "--format", "jsonl", article]
}

#[test]
fn cached_runs_tag_as_an_uncached_one() {
    let cache = TempDir::new();
    let article = fixture("article-albukamal-2017.txt");
    let article = article.to_str().expect("UTF-8 path");
    let mut uncached = tag_args(article);
    uncached.push("--no-cache");
    let expected = run_in_with_cache(&root(), &uncached, b"", cache.path()).expect_code(0);
    let cache_files = || std::fs::read_dir(cache.path()).map_or(0, |d| d.count());
    assert_eq!(cache_files(), 0, "--no-cache writes no image");
    let first = run_in_with_cache(&root(), &tag_args(article), b"", cache.path()).expect_code(0);
    assert_eq!(cache_files(), 1, "the first run writes the image");
    let second = run_in_with_cache(&root(), &tag_args(article), b"", cache.path()).expect_code(0);
    assert!(expected.stdout.contains("group:sdf"), "{}", expected.stdout);
    assert_eq!(first.stdout, expected.stdout);
    assert_eq!(second.stdout, expected.stdout);
}

#[test]
fn a_corrupt_image_is_rebuilt_by_the_next_run() {
    let cache = TempDir::new();
    let article = fixture("article-albukamal-2017.txt");
    let article = article.to_str().expect("UTF-8 path");
    let expected = run_in_with_cache(&root(), &tag_args(article), b"", cache.path()).expect_code(0);
    for entry in std::fs::read_dir(cache.path()).expect("the cache directory") {
        let path = entry.expect("entry").path();
        let mut bytes = std::fs::read(&path).expect("the image");
        let middle = bytes.len() / 3;
        bytes[middle] ^= 0x10;
        bytes.truncate(bytes.len() - 5);
        std::fs::write(&path, bytes).expect("damage the image");
    }
    let again = run_in_with_cache(&root(), &tag_args(article), b"", cache.path()).expect_code(0);
    assert_eq!(again.stdout, expected.stdout);
    assert_eq!(again.stderr, "");
}

#[test]
fn concurrent_first_runs_with_a_user_gazetteer() {
    let cache = TempDir::new();
    let dir = TempDir::new();
    let gazetteer = dir.write("mine.yml", SMALL_GAZETTEER);
    let gazetteer = gazetteer.to_str().expect("UTF-8 path").to_owned();
    let text = "قالت قسد إن البوكمال";
    let args = [
        "tag",
        "--format",
        "jsonl",
        "--no-default-gazetteers",
        "-g",
        &gazetteer,
    ];
    let runs: Vec<Output> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..3)
            .map(|_| {
                scope.spawn(|| run_in_with_cache(dir.path(), &args, text.as_bytes(), cache.path()))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic"))
            .collect()
    });
    let mut uncached = args.to_vec();
    uncached.push("--no-cache");
    let expected = run_in_with_cache(dir.path(), &uncached, text.as_bytes(), cache.path());
    assert!(expected.stdout.contains("group:sdf"), "{}", expected.stdout);
    for run in runs {
        assert_eq!(run.expect_code(0).stdout, expected.stdout);
    }
    let after = run_in_with_cache(dir.path(), &args, text.as_bytes(), cache.path()).expect_code(0);
    assert_eq!(after.stdout, expected.stdout);
    let files = std::fs::read_dir(cache.path()).expect("cache").count();
    assert_eq!(files, 1, "one image, no temporary file left behind");
}
