#!/usr/bin/env python3
"""Build rasid's compact Arabic word-frequency list from the wordfreq data.

    python3 scripts/build_lexicon.py --data ../shared/data --out gazetteers/lexicon/arabic_words.tsv

Reads `wordfreq-ar/ar_word_zipf_ge2.5.tsv` (wordfreq 3.1.1, data CC BY-SA 4.0), folds each word the way
rasid's normaliser does (harakat and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ی ک → ي ك),
keeps words made only of Arabic letters with a Zipf frequency of at least MIN_ZIPF, takes the highest
Zipf among words that fold alike, and writes `folded<TAB>zipf` sorted by word.

rasid uses the list to decide whether a word that starts with و ف ب ل ك is a proclitic plus a name
(`وحلب`) or a word of its own (`وزارة`, `لجنة`): a clitic reading is taken only when the whole word is
not more frequent than its remainder. The output is a derived work of wordfreq's data and carries its
licence (CC BY-SA 4.0); see gazetteers/NOTICE.md.

Beside it, `he_words.tsv` lists the words written with a final ه that are words of their own, not a
careless spelling of a word in ة: `حديثه` "his talk" beside `حديثة` "modern", `قوله` "his saying" beside
`قولة` (Kavala). A word is listed when its ه spelling has a Zipf of at least HE_MIN_ZIPF and is at most
HE_MAX_GAP below its ة spelling: careless spellings of a ة word are far rarer than the word (`الرقه`
for `الرقة`, `غزه` 3.56 for `غزة` 5.12, `حماه` 3.36 for `حماة` 4.27). rasid's matcher does not let such
a word, written with ه, match an alias written with ة.
"""
import argparse
import os
import re
import sys

# Below Zipf 3 (about one in a million words) a word is rare enough that treating it as absent changes
# no clitic decision: the remainder of a real clitic word is then rarer still. The cut keeps the list
# small enough to embed.
MIN_ZIPF = 3.0

DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0640\u0610-\u061A\u06D6-\u06ED]")
FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})
HE_MIN_ZIPF = 3.0
HE_MAX_GAP = 0.5
# The folds above except ة → ه: here the two spellings are told apart.
FOLDS_KEEP_TEH = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك"})
ARABIC_WORD = re.compile("^[\u0621-\u064A]+$")


def fold(word):
    return DIACRITICS.sub("", word).translate(FOLDS)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="the staged source data folder")
    parser.add_argument("--out", required=True, help="the TSV to write")
    args = parser.parse_args()
    best = {}
    he, teh = {}, {}
    with open(os.path.join(args.data, "wordfreq-ar", "ar_word_zipf_ge2.5.tsv"), encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            word, zipf = line.rstrip("\n").split("\t")
            zipf = float(zipf)
            key = fold(word)
            if zipf >= MIN_ZIPF and ARABIC_WORD.match(key):
                best[key] = max(best.get(key, 0.0), zipf)
            exact = DIACRITICS.sub("", word).translate(FOLDS_KEEP_TEH)
            if exact.endswith("ه"):
                he[key] = max(he.get(key, 0.0), zipf)
            elif exact.endswith("ة"):
                teh[key] = max(teh.get(key, 0.0), zipf)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Arabic word frequencies (Zipf), folded as rasid normalises. Derived from wordfreq 3.1.1\n")
        out.write("# data (CC BY-SA 4.0) by scripts/build_lexicon.py; see gazetteers/NOTICE.md.\n")
        for key in sorted(best):
            out.write(f"{key}\t{best[key]:.2f}\n")
    print(f"{len(best)} words written to {args.out}", file=sys.stderr)
    words = sorted(k for k, z in he.items() if z >= HE_MIN_ZIPF and z >= teh.get(k, 0.0) - HE_MAX_GAP)
    he_out = os.path.join(os.path.dirname(args.out), "he_words.tsv")
    with open(he_out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Words written with a final ه that are words of their own, not a spelling of a word in ة\n")
        out.write("# (folded as rasid normalises). Derived from wordfreq 3.1.1 data (CC BY-SA 4.0) by\n")
        out.write("# scripts/build_lexicon.py; see gazetteers/NOTICE.md.\n")
        for key in words:
            out.write(f"{key}\n")
    print(f"{len(words)} words written to {he_out}", file=sys.stderr)


if __name__ == "__main__":
    main()
