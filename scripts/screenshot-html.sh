#!/usr/bin/env bash
# The browser check of `rasid tag --format html` (issue 5): renders the HTML view of the bundled
# article in headless Chromium, saves a screenshot, and fails when the page logs a console error or
# does not lay out as it should (right to left, every mention highlighted, labels on the left of
# their names, one colour per type).
#
# Needs Debian's chromium and an Arabic font:  apt-get install chromium fonts-noto-core
# Usage: scripts/screenshot-html.sh [OUTPUT.png]      (default: docs/html-view.png in the repository)
#        CHROMIUM=/path/to/chrome scripts/screenshot-html.sh
# Takes a few seconds once rasid is built. Not part of .ci/run: CI machines need not have a browser.
set -euo pipefail

fail() { echo "screenshot-html: $*" >&2; exit 1; }

# A path given by the caller is relative to where they stand; the default to the repository.
case ${1:-} in
    "") output=$(cd "$(dirname "$0")/.." && pwd)/docs/html-view.png ;;
    /*) output=$1 ;;
    *) output=$PWD/$1 ;;
esac
cd "$(dirname "$0")/.."
article=tests/fixtures/article-albukamal-2017.txt
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$chromium" ] || fail "chromium not found (apt-get install chromium, or set CHROMIUM)"
if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=ar family)" ]; then
    fail "no font with Arabic glyphs: Arabic would show as boxes (apt-get install fonts-noto-core)"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$output")"
png=$output

cargo build --release --quiet
./target/release/rasid tag --format html "$article" > "$work/page.html"

# Offline by construction: the page may reference nothing outside itself.
if grep -Eino 'https?:|src=|href=|url\(|@import' "$work/page.html"; then
    fail "the page references something outside itself (above)"
fi

# No network at all: every host name resolves to nothing.
browse() {
    "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$work/profile" \
        --enable-logging=stderr --v=0 --window-size=1200,1600 "$@"
}

# 1. The screenshot, of the page exactly as rasid wrote it.
rm -f "$png"
if ! browse --screenshot="$png" "file://$work/page.html" 2> "$work/screenshot.log" > /dev/null \
    || [ ! -s "$png" ]; then
    tail -20 "$work/screenshot.log" >&2
    fail "chromium wrote no screenshot"
fi

# 2. A layout probe: a copy of the page with a script that measures what Chromium laid out and
#    writes the verdict into the DOM, which --dump-dom prints.
cat > "$work/probe.js" <<'PROBE'
<script>
(() => {
  const problems = [];
  if (getComputedStyle(document.documentElement).direction !== "rtl") problems.push("page is not rtl");
  const marks = [...document.querySelectorAll("mark.ent")];
  if (marks.length === 0) problems.push("no highlighted mention");
  const colours = new Map();
  let measured = 0;
  for (const mark of marks) {
    const label = mark.querySelector("bdi.lbl");
    const name = mark.firstChild;
    if (!label || !name || name.nodeType !== Node.TEXT_NODE) { problems.push("malformed mark"); continue; }
    const background = getComputedStyle(mark).backgroundColor;
    if (background === "rgba(0, 0, 0, 0)") problems.push("mark without background: " + name.data);
    const type = mark.dataset.label;
    if (colours.has(type) && colours.get(type) !== background) problems.push("two colours for " + type);
    colours.set(type, background);
    // A mark that wraps has no single left and right; the others are measured.
    if (mark.getClientRects().length !== 1) continue;
    const range = document.createRange();
    range.selectNodeContents(name);
    const nameBox = range.getBoundingClientRect(), labelBox = label.getBoundingClientRect();
    if (nameBox.width === 0) problems.push("mention not drawn: " + name.data);
    // Right to left: the label, written after the name, sits on its left.
    if (labelBox.right > nameBox.left + 1) problems.push("label not left of " + name.data);
    measured += 1;
  }
  if (new Set(colours.values()).size !== colours.size) problems.push("two types share a colour");
  const verdict = problems.length
    ? "fail: " + problems.join("; ")
    : "ok " + marks.length + " marks, " + measured + " measured, " + colours.size + " colours";
  if (problems.length) console.error("probe " + verdict);
  document.documentElement.dataset.probe = verdict;
})();
</script>
PROBE
awk -v probe="$work/probe.js" '/^<\/body>$/ { while ((getline line < probe) > 0) print line } { print }' \
    "$work/page.html" > "$work/probe.html"
browse --dump-dom "file://$work/probe.html" > "$work/dom.html" 2> "$work/dom.log" \
    || { tail -20 "$work/dom.log" >&2; fail "chromium failed on the probe page"; }

# Console messages come out as INFO:CONSOLE lines; the page has no script, so any is a problem.
if grep -hE 'CONSOLE|Uncaught' "$work/screenshot.log" "$work/dom.log"; then
    fail "console messages while rendering (above)"
fi
verdict=$(grep -o 'data-probe="[^"]*"' "$work/dom.html" || true)
[ -n "$verdict" ] || { tail -20 "$work/dom.log" >&2; fail "the page did not render (no probe verdict in the DOM)"; }
case $verdict in *'"ok '*) ;; *) fail "layout probe: $verdict" ;; esac
marks=$(grep -o '<mark class="ent' "$work/page.html" | wc -l)
case $verdict in *"\"ok $marks marks"*) ;; *) fail "rasid wrote $marks marks, chromium laid out: $verdict" ;; esac

echo "screenshot-html: $png ($(wc -c < "$png") bytes); layout ${verdict#data-probe=}"
