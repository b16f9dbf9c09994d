#!/usr/bin/env bash
# Linear time on bad sites (issue 18): how build and check scale when every page is broken.
#
#   tests/bench/pathological.sh [--sizes "5000 10000 20000"] [--bin PATH]
#
# For each size it writes, into tests/bench/work/pathological/:
#   - a content folder whose every page has a broken link (with a near miss, so did-you-mean has work) and a broken
#     anchor, and times `build` over it (the build fails, as it must; its time is what a writer waits for the errors);
#   - a built-looking HTML folder whose every page has the same id 50 times, and times `check` over it.
# Compare the time per 1,000 pages across sizes: it must not grow with the site.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$REPO/tests/bench/work/pathological"
BIN="$REPO/generator/BackSiteGen.Cli/bin/Release/net10.0/backsitegen"
read -r -a SIZES <<< "5000 10000 20000"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) read -r -a SIZES <<< "$2"; shift 2 ;;
        --bin) BIN="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

if [[ ! -x "$BIN" ]]; then
    dotnet build "$REPO/generator/BackSiteGen.Cli" -c Release -nologo -v q >/dev/null
fi

seconds() { local start=$1 end=$2; awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }'; }

echo "| pages | build, a broken link and anchor on every page | per 1,000 | errors | check, 50 duplicate ids on every page | per 1,000 | errors |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
    site="$WORK/site-$n"
    html="$WORK/html-$n"
    rm -rf "$site" "$html"
    mkdir -p "$site/content" "$html"
    printf 'title: Broken\ndescription: Every page is broken.\npublisher: { name: Bench }\neditorial_team: Bench team\nreview: { enabled: false }\nreadability: { enabled: false }\n' > "$site/content/site.yml"
    printf -- '---\ntitle: Home\ndescription: Home\n---\nHome.\n' > "$site/content/index.md"
    for ((i = 0; i < n; i++)); do
        # 50 sections whatever the size, as a real site grows its sections far slower than its pages: the default
        # theme's menu lists every section on every page, so sections that grew with the site would time the menu.
        per=$(( n / 50 ))
        s=$(( i / per ))
        section="$site/content/section-$(printf %03d "$s")"
        if (( i % per == 0 )); then
            mkdir -p "$section"
            printf -- '---\ntitle: Section %d\ndescription: Section %d\n---\nThe section.\n' "$s" "$s" > "$section/index.md"
        fi
        printf -- '---\ntitle: Page %d\ndescription: Page %d\n---\n## Part\nSee [the next page](page-%05dx.md) and [a part](page-%05d.md#nowhere).\n' "$i" "$i" "$(( s * per + (i + 1) % per ))" "$(( s * per + (i + 2) % per ))" > "$section/page-$(printf %05d "$i").md"
        {
            printf '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%d</title></head><body>' "$i"
            for ((d = 0; d < 50; d++)); do printf '<p id="same">%d</p>' "$d"; done
            printf '<a href="page-%05d.html#same">next</a></body></html>\n' "$(( (i + 1) % n ))"
        } > "$html/page-$(printf %05d "$i").html"
    done

    start=$(date +%s%N)
    build_errors=$("$BIN" build --content "$site/content" --theme "$REPO/themes/default" --output "$site/output" 2>/dev/null | grep -c ': error ' || true)
    end=$(date +%s%N)
    build_s=$(seconds "$start" "$end")

    start=$(date +%s%N)
    check_errors=$("$BIN" check --site "$html" --base-url / 2>/dev/null | grep -c ': error ' || true)
    end=$(date +%s%N)
    check_s=$(seconds "$start" "$end")

    echo "| $n | $build_s s | $(awk -v t="$build_s" -v n="$n" 'BEGIN { printf "%.2f s", t * 1000 / n }') | $build_errors | $check_s s | $(awk -v t="$check_s" -v n="$n" 'BEGIN { printf "%.2f s", t * 1000 / n }') | $check_errors |"
    rm -rf "$site" "$html"
done
