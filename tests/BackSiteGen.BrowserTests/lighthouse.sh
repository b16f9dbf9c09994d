#!/usr/bin/env bash
# Lighthouse (mobile, its default) over every page of the built site in output/: serves it on 127.0.0.1, runs npm's
# `lighthouse` with Debian's Chromium, prints the four category scores per page and fails if a page scores under 100
# in accessibility, best practices or SEO. Performance is printed, and gated only with LIGHTHOUSE_GATE_PERFORMANCE=1:
# on a shared machine its simulated Total Blocking Time moves with the load, not with the page.
# Usage: tests/BackSiteGen.BrowserTests/lighthouse.sh [output-folder]   (needs node/npm and /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/../.."
site="${1:-output}"
tmp="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
npm install --no-save --no-audit --no-fund --prefix "$tmp" lighthouse@13 >/dev/null 2>&1
sleep 1
status=0
printf '%-40s %5s %5s %5s %5s\n' page perf a11y bp seo
while IFS= read -r file; do
  rel="${file#"$site"/}"
  url="http://127.0.0.1:$port/${rel%index.html}"
  CHROME_PATH=/usr/bin/chromium "$tmp/node_modules/.bin/lighthouse" "$url" --quiet --output=json --output-path="$tmp/report.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync" >/dev/null 2>&1 \
    || { echo "lighthouse failed on $url"; status=1; continue; }
  line="$(python3 - "$tmp/report.json" "${rel%index.html}" "${LIGHTHOUSE_GATE_PERFORMANCE:-0}" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = {k: round(100 * (v["score"] or 0)) for k, v in report["categories"].items()}
gated = ["accessibility", "best-practices", "seo"] + (["performance"] if sys.argv[3] == "1" else [])
failed = [k for k in gated if scores[k] < 100]
print(f'{"/" + sys.argv[2]:<40} {scores["performance"]:5} {scores["accessibility"]:5} {scores["best-practices"]:5} {scores["seo"]:5}' + ("  BELOW 100: " + ", ".join(failed) if failed else ""))
PY
)"
  echo "$line"
  case "$line" in *"BELOW 100"*) status=1 ;; esac
done < <(find "$site" -name '*.html' | sort)
exit "$status"
