"""`Tagger.tag` and `Tagger.tag_many` give exactly the entities of `rasid tag --format json`."""

import threading

import pytest

import rasid

from conftest import FIXTURES, run_json, texts


@pytest.fixture(scope="module")
def cli_entities(rasid_bin):
    """The CLI's entities per text, from one run over all of them."""
    paths = texts()
    documents = run_json(rasid_bin, "tag", "--format", "json", *paths)
    assert [d["path"] for d in documents] == [str(p) for p in paths]
    return {d["path"]: d["entities"] for d in documents}


@pytest.fixture(scope="module")
def cli_explained(rasid_bin):
    paths = texts()
    documents = run_json(rasid_bin, "tag", "--format", "json", "--explain", *paths)
    return {d["path"]: d["entities"] for d in documents}


@pytest.mark.parametrize("path", texts(), ids=lambda p: p.name)
def test_tag_equals_cli_json(tagger, cli_entities, path):
    got = tagger.tag(path.read_text(encoding="utf-8"))
    want = cli_entities[str(path)]
    assert want, "every test text names something"
    assert got == want
    # Same keys in the same order, as a JSON dump of either would show.
    assert [list(m) for m in got] == [list(m) for m in want]


@pytest.mark.parametrize("path", texts()[:4], ids=lambda p: p.name)
def test_explain_equals_cli_explain(tagger, cli_explained, path):
    assert tagger.tag(path.read_text(encoding="utf-8"), explain=True) == cli_explained[str(path)]


def test_offsets_are_python_string_indices(tagger):
    text = texts()[0].read_text(encoding="utf-8")
    encoded = text.encode("utf-8")
    for m in tagger.tag(text):
        assert text[m["start"] : m["end"]] == m["text"]
        assert encoded[m["byte_start"] : m["byte_end"]].decode("utf-8") == m["text"]


@pytest.mark.parametrize("threads", [1, 2, 4], ids=lambda n: f"threads={n}")
def test_tag_many_in_input_order(tagger, threads):
    all_texts = [p.read_text(encoding="utf-8") for p in texts()]
    # Repeated and interleaved with empty texts, over several batches.
    inputs = [t for t in all_texts for _ in range(3)] + ["", "لا شيء هنا"] * 5
    got = list(tagger.tag_many(iter(inputs), threads=threads, batch_size=7))
    assert got == [tagger.tag(t) for t in inputs]


def test_tag_many_releases_the_gil(tagger):
    """Another Python thread runs while tag_many tags: the interpreter is released."""
    text = texts()[0].read_text(encoding="utf-8")
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    thread = threading.Thread(target=tick)
    thread.start()
    try:
        results = list(tagger.tag_many([text * 20] * 64, threads=2, batch_size=64))
    finally:
        stop.set()
        thread.join()
    assert len(results) == 64
    assert len(ticks) > 1


def test_tag_many_takes_strings_only(tagger):
    with pytest.raises(TypeError, match="item 1 is a int"):
        list(tagger.tag_many(["حلب", 5]))


def test_threads_out_of_range(tagger):
    with pytest.raises(ValueError, match="threads must be from 1 to 256, not 0"):
        tagger.tag_many(["حلب"], threads=0)


def test_document_too_large_is_the_cli_message(tagger):
    text = "ح" * (33 << 20)  # 66 MiB of two-byte letters
    with pytest.raises(rasid.DocumentTooLargeError, match=r"^document of \d+ bytes is too large: at most 64 MiB"):
        tagger.tag(text)
    with pytest.raises(rasid.DocumentTooLargeError, match=r"^text 1: document of \d+ bytes is too large"):
        list(tagger.tag_many(["حلب", text]))


def test_own_gazetteer_without_defaults(tmp_path):
    yml = tmp_path / "mine.yml"
    yml.write_text(
        "- {id: g:example, type: ARMED_GROUP, name: لواء المثال, name_en: Example Brigade, aliases: [كتيبة المثال]}\n",
        encoding="utf-8",
    )
    tagger = rasid.Tagger(gazetteers=[yml], defaults=False, person_grammar=False)
    assert len(tagger) == 1
    got = tagger.tag("هاجمت وكتيبة المثال مواقع")
    assert [(m["id"], m["text"], m["proclitics"]) for m in got] == [("g:example", "كتيبة المثال", "و")]


def test_gazetteer_directory(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yml").write_text(
        "- {id: g:a, type: ARMED_GROUP, name: لواء الأول, name_en: First}\n", encoding="utf-8"
    )
    (tmp_path / "notes.txt").write_text("not a gazetteer", encoding="utf-8")
    tagger = rasid.Tagger(gazetteers=[tmp_path], defaults=False)
    assert len(tagger) == 1


def test_defaults_off_needs_a_gazetteer():
    with pytest.raises(ValueError, match="defaults=False needs at least one gazetteer"):
        rasid.Tagger(defaults=False)


def test_gazetteer_errors_are_the_cli_lines(rasid_bin, tmp_path):
    yml = tmp_path / "bad.yml"
    yml.write_text("- {id: g:x, type: ARMED_GROUP, name: س}\n- {id: g:x, type: ARMED_GROUP, name: ص, name_en: Y}\n", encoding="utf-8")
    import subprocess

    cli = subprocess.run([rasid_bin, "tag", "--gazetteer", str(yml)], input="", capture_output=True, text=True)
    assert cli.returncode == 2
    with pytest.raises(rasid.GazetteerError) as raised:
        rasid.Tagger(gazetteers=[yml])
    lines = [f"rasid: {line}" for line in str(raised.value).splitlines()]
    assert lines == cli.stderr.splitlines()


def test_missing_file_is_the_cli_line(rasid_bin, tmp_path):
    import subprocess

    missing = tmp_path / "missing.yml"
    cli = subprocess.run([rasid_bin, "tag", "--gazetteer", str(missing)], input="", capture_output=True, text=True)
    with pytest.raises(rasid.RasidError) as raised:
        rasid.Tagger(gazetteers=[missing])
    assert f"rasid: {raised.value}" == cli.stderr.strip()


def test_tagger_is_not_pickled(tagger):
    import pickle

    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(tagger)


def test_cached_tagger_equals_compiled_one(cache_dir):
    """A cached tagger leaves its image in the cache, the next one reads it back: both tag as a
    tagger compiled without the cache does."""
    text = (FIXTURES / "article-albukamal-2017.txt").read_text(encoding="utf-8")
    compiled = rasid.Tagger(cache=False).tag(text)
    first = rasid.Tagger(cache=True)
    assert any(cache_dir.iterdir()), "the first cached tagger wrote no image"
    second = rasid.Tagger(cache=True)
    assert first.tag(text) == compiled
    assert second.tag(text) == compiled


FACILITY_TEXT = "نقل الجرحى إلى مستشفى العدوي، ثم إلى المستشفى الميداني قرب قاعدة العند الجوية."


def test_unlisted_facilities_equal_cli(rasid_bin, tagger):
    """A facility no gazetteer lists (`مستشفى العدوي`) is a PLACE with a `place:auto:` id, as the CLI says."""
    want = run_json(rasid_bin, "tag", "--format", "json", "--explain", "-", stdin_text=FACILITY_TEXT)["entities"]
    got = tagger.tag(FACILITY_TEXT, explain=True)
    assert got == want
    autos = [(m["text"], m["id"], m["label"], m["explain"]["via"]) for m in got if m["id"].startswith("place:auto:")]
    assert autos == [
        ("مستشفى العدوي", "place:auto:مستشفي-العدوي", "PLACE", "facility"),
        ("قاعدة العند الجوية", "place:auto:قاعده-العند-الجويه", "PLACE", "facility"),
    ]
