#!/usr/bin/env python3
"""Per-core throughput of the Python binding against the command line, on the same documents.

    python3 scripts/bench-python.py --rasid target/release/rasid --corpus ../shared/bench/corpus/news.jsonl.gz \
        --documents 20000 --threads 1 --runs 5

Needs `pip install ./python`. Takes the first --documents lines of a JSON Lines corpus (gzip or
not), then in turn, after a warm-up: `rasid tag -j N --format jsonl` on them (output to /dev/null),
and `rasid.Tagger().tag_many(texts, threads=N)` (every mention becomes a dict). Both are measured in
CPU seconds (user + system, every thread), so the figure is per core and holds on a busy machine;
building the tagger is left out of both (for the command line, by subtracting a run over an empty
file). Prints each pair and the median ratio of throughputs, Python over the command line.
"""

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import tempfile
import time

import rasid


def cpu_of_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rasid", default="target/release/rasid")
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    opener = gzip.open if args.corpus.endswith(".gz") else open
    lines = []
    with opener(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            if len(lines) == args.documents:
                break
            lines.append(line)
    texts = [json.loads(line)["text"] for line in lines]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    work = tempfile.mkdtemp()
    corpus, empty = os.path.join(work, "corpus.jsonl"), os.path.join(work, "empty.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        f.writelines(lines)
    open(empty, "w").close()

    def cli(path: str) -> float:
        before = cpu_of_children()
        command = [args.rasid, "tag", "-j", str(args.threads), "--format", "jsonl", path]
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        return cpu_of_children() - before

    started = time.process_time()
    tagger = rasid.Tagger()
    build = time.process_time() - started

    def python() -> tuple:
        before = time.process_time()
        mentions = sum(len(m) for m in tagger.tag_many(texts, threads=args.threads))
        return time.process_time() - before, mentions

    cli(corpus), python()  # warm-up
    pairs = []
    for _ in range(args.runs):
        c = cli(corpus) - cli(empty)
        p, mentions = python()
        pairs.append((c, p))
        print(f"rasid tag {c:.2f} cpu-s, tag_many {p:.2f} cpu-s, ratio {c / p:.3f}, {mentions} mentions", flush=True)
    ratio = statistics.median(c / p for c, p in pairs)
    c, p = statistics.median(c for c, _ in pairs), statistics.median(p for _, p in pairs)
    print(
        f"{len(texts)} documents, {megabytes:.1f} MB, threads={args.threads}: rasid tag {megabytes / c:.1f} MB/s "
        f"per core, tag_many {megabytes / p:.1f} MB/s per core, tag_many/rasid tag {ratio:.3f} "
        f"(median of {args.runs}); Tagger() {build:.2f} cpu-s"
    )


if __name__ == "__main__":
    main()
