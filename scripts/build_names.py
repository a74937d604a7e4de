#!/usr/bin/env python3
"""Build the given-name lists of rasid's person-name grammar.

    python3 scripts/build_names.py --data ../shared/data --out gazetteers/names

Writes `given_arabic.yml` (Arabic, Kurdish, Turkish, Iranian, Afghan and Pakistani given names) and
`given_foreign.yml` (other given names as the Arabic press writes them). Standard library only.

Sources
  * hand lists in scripts/names_hand.py (the rasid authors): always kept, whatever their frequency;
  * arabnamer-names 0.1.3 `en_ar_person_names.json` (CC BY 4.0): English → Arabic name parts. It also
    holds surnames, places and function words (لا، كان، خلال), so only two kinds of entries are used:
    the X of a patronymic `بن X` / `ابن X` (X is a father's given name), and the Arabic form of a
    romanised given name from the hand list FOREIGN_ROMAN (`george` → جورج);
  * the first token of every name and alias of two tokens or more in `gazetteers/curated/people_*.yml`
    (a compound with عبد, الله or الدين as one name). The person's `country` decides the file: the Arab
    states, Iran, Turkey, Afghanistan and Pakistan give Arabic names, every other country foreign ones;
  * wordfreq 3.1.1 Arabic frequencies (CC BY-SA 4.0), `wordfreq-ar/ar_word_zipf_ge2.5.tsv`, folded as
    rasid folds, for the frequency rules below. Only build-time decisions are taken from it.

Rules, in order
  1. Shape: a name is one or two words of Arabic letters; a word has at least two letters after folding
     and, outside the hand lists and `عبد` compounds, does not start with ال.
  2. Every candidate, hand-listed or not, is dropped when it folds to a word of `roles.yml` (a title,
     nationality, speech verb, kunya, link, excluded head or stop word: آن folds to أن, راي to رأى).
     So is every candidate in DROP (names_hand.py), the final word of the hand curation.
     Data-source candidates are also dropped when they are: a single word of
     fewer than three letters; a country or world city name of `gazetteers/generated/`; or a very
     frequent word, Zipf ≥ MAX_ZIPF.
  3. Compounds are written with a space (`عبد الله`, `نور الدين`). The press writes every `عبد` compound
     joined as well (`عبدالله`), so both forms are listed; a `الدين` or `الله` compound is listed joined
     (`نورالدين`) only when wordfreq holds the joined form with Zipf ≥ JOINED_ZIPF.
  4. Names fold as rasid normalises (أ إ آ → ا, ى → ي, ة → ه, harakat, tatweel): one spelling per folded
     form, the hand list's first, then the gazetteer's, then arabnamer's; a name that two sources put in
     different files goes where the hand lists put it, else to the Arabic file.
  5. `common: true` marks a name that is also an everyday word: in COMMON (names_hand.py), or with
     Zipf ≥ COMMON_ZIPF unless it is in NAME_FIRST (names frequent because they are names: محمد) or a
     compound (`عبدالرحمن`, `نور الدين`: no everyday word has that shape).
  6. Lists are sorted by code point, one name per line.
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import names_hand  # noqa: E402  (the hand lists live beside this script)

# Zipf 5 is one word in 10,000: every name this frequent is either hand-listed or a function word,
# a month or a country (كان، خلال، يناير، سوريا).
MAX_ZIPF = 5.0
# Zipf 4.3 is about one word in 50,000. Above it a candidate is, read by hand, an everyday word more
# often than not (سعيد، كريم، جميل، أمين); the names frequent only because they are names (محمد،
# خالد، مارك) are hand-listed in NAME_FIRST.
COMMON_ZIPF = 4.3
# A joined compound seen at least once in a million words is a form the press really writes.
JOINED_ZIPF = 3.0

DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0640\u0610-\u061A\u06D6-\u06ED]")
FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})
ARABIC_WORD = re.compile("^[\u0621-\u064A]+$")

# ISO codes whose people's given names go to given_arabic.yml.
ARABIC_COUNTRIES = set(
    "AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE EH IR TR AF PK".split()
)

# Sources ranked for the spelling kept among forms that fold alike.
RANK_HAND, RANK_GAZETTEER, RANK_ARABNAMER = 0, 1, 2


def fold(text):
    return DIACRITICS.sub("", text).translate(FOLDS)


def words(block):
    """The names of a whitespace-separated hand list, `_` joining the words of one name."""
    return [w.replace("_", " ") for w in block.split()]


def read_zipf(data):
    zipf = {}
    path = os.path.join(data, "wordfreq-ar", "ar_word_zipf_ge2.5.tsv")
    with open(path, encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            word, value = line.rstrip("\n").split("\t")
            key = fold(word)
            zipf[key] = max(zipf.get(key, 0.0), float(value))
    return zipf


def read_yaml_words(path):
    """Every list item of a simple YAML file (`- word`, `- text: word`), comments stripped."""
    found = set()
    if not os.path.exists(path):
        return found
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line.startswith("- "):
                item = line[2:].strip()
                if item.startswith("text:"):
                    item = item[5:].strip()
                found.add(fold(item.strip("\"'")))
    return found


def read_people(repo):
    """(first token or عبد compound, country) of every multi-word name and alias of the people files."""
    pairs = []
    folder = os.path.join(repo, "gazetteers", "curated")
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("people_") and name.endswith(".yml")):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            entity_names, country = [], None
            for line in f.read().split("\n") + ["- id: end"]:
                stripped = line.split("#", 1)[0].rstrip()
                if stripped.startswith("- id:"):
                    pairs += [(n, country) for n in entity_names]
                    entity_names, country = [], None
                elif stripped.startswith("  name:"):
                    entity_names.append(stripped.split(":", 1)[1].strip())
                elif stripped.startswith("    - "):
                    alias = stripped[6:].strip()
                    if alias.startswith("text:"):
                        alias = alias[5:].strip()
                    entity_names.append(alias)
                elif stripped.startswith("  country:"):
                    country = stripped.split(":", 1)[1].strip().strip("\"'")
    firsts = []
    for full, country in pairs:
        tokens = full.split()
        if len(tokens) < 2:
            continue
        if tokens[0] == "عبد" or tokens[1] in ("الله", "الدين"):
            # A compound is one given name: `عبد الله`, `روح الله`, `صلاح الدين`.
            firsts.append((tokens[0] + " " + tokens[1], country))
        else:
            firsts.append((tokens[0], country))
    return firsts


def read_places(repo):
    """Folded names and aliases of countries and world cities."""
    found = set()
    for name in ("countries.yml", "places_world.yml"):
        path = os.path.join(repo, "gazetteers", "generated", name)
        with open(path, encoding="utf-8") as f:
            for line in f:
                s = line.split("#", 1)[0].strip()
                if s.startswith("name:"):
                    found.add(fold(s[5:].strip()))
                elif s.startswith("- ") and not s.startswith("- id:"):
                    item = s[2:].strip()
                    if item.startswith("text:"):
                        item = item[5:].strip()
                    found.add(fold(item))
    return found


def good_shape(name, hand):
    parts = name.split(" ")
    if len(parts) > 2:
        return False
    for part in parts:
        key = fold(part)
        if not ARABIC_WORD.match(key) or len(key) < 2:
            return False
    if not hand and fold(parts[0]).startswith("ال"):
        return False
    return True


def spelling_score(text):
    """Fewer is better: prefer the form with its hamza and ة written."""
    return -sum(text.count(c) for c in "أإآةىؤئء")


class Names:
    """Candidates keyed by folded form: (rank, score, text, file, hand)."""

    def __init__(self):
        self.items = {}

    def add(self, text, file, rank, hand=False):
        key = fold(text)
        item = (rank, spelling_score(text), text, file, hand)
        old = self.items.get(key)
        if old is None:
            self.items[key] = item
            return
        # The hand list decides the file; otherwise a name in both files stays Arabic.
        if old[4] != hand:
            file = file if hand else old[3]
        elif old[3] != file:
            file = "arabic"
        best = min(item, old)
        self.items[key] = (best[0], best[1], best[2], file, hand or old[4])


def build(data, repo):
    zipf = read_zipf(data)
    roles = read_yaml_words(os.path.join(repo, "gazetteers", "names", "roles.yml"))
    places = read_places(repo)
    drop = {fold(w) for w in words(names_hand.DROP)}
    names = Names()
    stats = {}

    def candidate(text, file, rank, hand=False):
        text = " ".join(text.split())
        if not good_shape(text, hand):
            stats["bad shape"] = stats.get("bad shape", 0) + 1
            return
        key = fold(text)
        if key in roles:
            # Even a hand-listed name gives way: folded, آن is أن and راي is رأى.
            stats["a roles.yml word"] = stats.get("a roles.yml word", 0) + 1
            return
        if key in drop:
            stats["hand DROP list"] = stats.get("hand DROP list", 0) + 1
            return
        if not hand:
            reason = None
            if len(key) < 3 and " " not in key:
                reason = "shorter than 3 letters"
            elif key in places:
                reason = "a country or world city"
            elif zipf.get(key, 0.0) >= MAX_ZIPF:
                reason = f"Zipf >= {MAX_ZIPF}"
            if reason:
                stats[reason] = stats.get(reason, 0) + 1
                return
        names.add(text, file, rank, hand)

    # Hand lists.
    for block in (names_hand.ARABIC_MALE, names_hand.ARABIC_MALE_REGIONAL, names_hand.ARABIC_FEMALE,
                  names_hand.ARABIC_MORE, names_hand.ARABIC_MORE_2,
                  names_hand.REGION_GIVEN):
        for name in words(block):
            candidate(name, "arabic", RANK_HAND, hand=True)
    for divine in words(names_hand.ABD_COMPOUNDS):
        candidate("عبد " + divine, "arabic", RANK_HAND, hand=True)
    for name in words(names_hand.FOREIGN_GIVEN) + words(names_hand.FOREIGN_MORE):
        candidate(name, "foreign", RANK_HAND, hand=True)

    # arabnamer: patronymics and romanised foreign given names.
    with open(os.path.join(data, "arabnamer-names", "en_ar_person_names.json"), encoding="utf-8") as f:
        lexicon = json.load(f)
    for value in lexicon.values():
        m = re.match(r"^(?:بن|ابن|إبن)\s+(\S+)$", value.strip())
        if m:
            candidate(m.group(1), "arabic", RANK_ARABNAMER)
    for roman in names_hand.FOREIGN_ROMAN.split():
        if roman in lexicon and " " not in lexicon[roman].strip():
            candidate(lexicon[roman], "foreign", RANK_ARABNAMER)
        else:
            stats["romanised name not in arabnamer"] = stats.get("romanised name not in arabnamer", 0) + 1

    # First tokens of the people gazetteers.
    for text, country in read_people(repo):
        file = "arabic" if country is None or country in ARABIC_COUNTRIES else "foreign"
        candidate(text, file, RANK_GAZETTEER)

    # Joined forms of compounds the press writes joined.
    for key, (rank, _, text, file, hand) in list(names.items.items()):
        parts = text.split(" ")
        if len(parts) == 2 and (parts[0] == "عبد" or parts[1] in ("الدين", "الله")):
            joined = "".join(parts)
            press = parts[0] == "عبد" or zipf.get(fold(joined), 0.0) >= JOINED_ZIPF
            if press and fold(joined) not in names.items:
                names.items[fold(joined)] = (rank, 0, joined, file, hand)
                stats["joined compound added"] = stats.get("joined compound added", 0) + 1

    common_hand = {fold(w) for w in words(names_hand.COMMON)}
    name_first = {fold(w) for w in words(names_hand.NAME_FIRST)}
    out = {"arabic": [], "foreign": []}
    for key, (_, _, text, file, _) in names.items.items():
        compound = key.startswith("عبد") or " " in key or key.endswith(("الدين", "الله"))
        frequent = zipf.get(key, 0.0) >= COMMON_ZIPF and key not in name_first and not compound
        common = key in common_hand or frequent
        out[file].append((text, common))
    for file in out:
        out[file].sort()
    return out, stats


HEADER = """\
# {title}
#
# Given names for rasid's person-name grammar: a given name followed by a second name token (or after a
# title, nationality adjective, speech verb or kunya from roles.yml) starts a PERSON mention. A name
# marked `common: true` is also an everyday word ({examples}):
# it needs a second name token or a cue.
# Names are written in their usual spelling; rasid folds أ إ آ → ا, ى → ي, ة → ه, harakat, tatweel and
# proclitics, so variants that differ only by those are not listed. Compounds are written with a space
# (`عبد الله`) and, when the press also writes them joined, joined as well (`عبدالله`).
#
# GENERATED FILE: regenerate from the repository root with
#   python3 scripts/build_names.py --data ../shared/data --out gazetteers/names
# To extend it, add names to the hand lists in scripts/names_hand.py and rebuild: a name written here by
# hand is lost at the next build (see gazetteers/names/README.md).
# Sources:
#   hand curation by the rasid authors (scripts/names_hand.py)
#   arabnamer 0.1.3 person-name parts, en_ar_person_names.json (CC BY 4.0):
#   {arabnamer}
#   first tokens of the people in gazetteers/curated/people_*.yml (by the person's country)
#   wordfreq 3.1.1 Arabic frequencies (data CC BY-SA 4.0), at build time only: drops candidates with
#   Zipf >= {max_zipf} that are not hand-listed and marks `common` at Zipf >= {common_zipf} unless
#   hand-listed as a name first; no frequency data is in this file
# Attribution: name parts from arabnamer (CC BY 4.0); see gazetteers/NOTICE.md.
# {count} names, {common} of them common words.
"""


def write(path, title, examples, arabnamer, names):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER.format(
            title=title, examples=examples, arabnamer=arabnamer, max_zipf=MAX_ZIPF,
            common_zipf=COMMON_ZIPF, count=len(names), common=sum(c for _, c in names)))
        out.write("\nnames:\n  given:\n")
        for text, common in names:
            if common:
                out.write(f"    - text: {text}\n      common: true\n")
            else:
                out.write(f"    - {text}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data", help="the staged source data folder")
    parser.add_argument("--out", default="gazetteers/names", help="the folder to write")
    args = parser.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out, stats = build(args.data, repo)
    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, "given_arabic.yml"),
          "Arabic given names, male and female, with Kurdish, Turkish, Iranian, Afghan and Pakistani ones",
          "جميل، سعيد، أمين، طالب، فريد", "the X of patronymics `بن X`", out["arabic"])
    write(os.path.join(args.out, "given_foreign.yml"),
          "Foreign given names as the Arabic press writes them (جون، ديفيد، سيرغي، أنجيلا)",
          "بول، جو، دان، راي", "the Arabic form of romanised given names", out["foreign"])
    for file, names in out.items():
        print(f"given_{file}.yml: {len(names)} names, {sum(c for _, c in names)} common", file=sys.stderr)
    for reason, n in sorted(stats.items()):
        print(f"  {reason}: {n}", file=sys.stderr)


if __name__ == "__main__":
    main()
