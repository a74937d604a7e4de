"""Shared fixtures: the repository's test texts, the `rasid` binary to compare with, one tagger."""

import json
import os
import subprocess
from pathlib import Path

import pytest

import rasid

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def texts():
    """The seed article and every dev text, as (name, path)."""
    paths = [FIXTURES / "article-albukamal-2017.txt"]
    paths += sorted((FIXTURES / "dev" / "texts").glob("*.txt"))
    return paths


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory):
    """Compiled taggers go to a directory of the test run, never the user's cache (the command line
    run by the tests inherits it too)."""
    path = tmp_path_factory.mktemp("cache")
    os.environ["RASID_CACHE_DIR"] = str(path)
    return path


@pytest.fixture(scope="session")
def rasid_bin():
    """The command line built from this checkout (`RASID_BIN` to give another)."""
    given = os.environ.get("RASID_BIN")
    if given:
        return given
    binary = REPO / "target" / "release" / "rasid"
    # Cargo rebuilds only what changed: after `cargo test --release` this is a no-op.
    subprocess.run(
        ["cargo", "build", "--release", "--locked", "--quiet", "--bin", "rasid"],
        cwd=REPO,
        check=True,
    )
    return str(binary)


def run(rasid_bin, *args, stdin=None):
    done = subprocess.run(
        [rasid_bin, *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def run_json(rasid_bin, *args, stdin_text=None):
    return json.loads(run(rasid_bin, *args, stdin=stdin_text))


@pytest.fixture(scope="session")
def tagger():
    return rasid.Tagger()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """The test texts as JSON Lines, with an id and a source to group by; the path and the records."""
    # Dates in the forms `--group-by month` reads (ISO, day-first, epoch seconds), and one missing.
    dates = ["2017-11-07", "21/07/2015", 1437436800, "2015-08-01T10:00:00Z", None]
    records = [
        {"id": path.stem, "source": "seed" if i == 0 else f"dev-{i % 3}", "text": path.read_text(encoding="utf-8")}
        for i, path in enumerate(texts())
    ]
    for i, record in enumerate(records):
        if dates[i % len(dates)] is not None:
            record["date"] = dates[i % len(dates)]
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path, records


def cli_rows(table):
    """`rasid count --format json` rows with every column, null where the CLI leaves one out."""
    columns = ("id", "label", "name", "name_en", "mentions", "documents", "country", "lat", "lon")
    out = []
    for row in table["entities"]:
        full = {c: row.get(c) for c in columns}
        if "group" in row:
            full = {"group": row["group"], **full}
        out.append(full)
    return out
