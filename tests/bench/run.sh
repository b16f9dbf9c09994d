#!/usr/bin/env bash
# Whole-process benchmark (issue 9): BackSiteGen against Hugo on the same synthetic corpus.
#
#   tests/bench/run.sh [--pages 10000] [--runs 3]   build: ours vs Hugo; check: ours vs html-proofer
#   tests/bench/run.sh --scale [--runs 3]           1,000, 10,000 and 50,000 pages: both our themes beside Hugo
#   tests/bench/run.sh --scenarios [--pages 2000]   fresh / rebuild / no-change / one-page edit beside Hugo, both themes, native, JIT and ReadyToRun
#                                                   (BENCH_TOOLS="hugo native-default" times only those tools)
#   add --jit to time the JIT-compiled build (what `dotnet run` uses) instead of the native release binary
#
# Whole processes are timed (start-up, reading, writing included) because that is what a writer
# waits for. Runs alternate between the tools so a noisy neighbour slows both alike; compare the
# ratios printed by one run, not absolute times across machines.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# BENCH_WORK puts the binaries, corpora and outputs in another folder: on another file system, for instance an ext4
# with a journal as GitHub's runners have (see settle_outputs), mounted from a sparse file as root (--scale's
# 50,000-page outputs need about 15 GB):
#   truncate -s 40G /tmp/jfs.img && mkfs.ext4 -q -F /tmp/jfs.img && mkdir -p /mnt/jfs && mount -o loop /tmp/jfs.img /mnt/jfs
#   BENCH_WORK=/mnt/jfs/work tests/bench/run.sh --scale --runs 3
WORK="${BENCH_WORK:-$REPO/tests/bench/work}"
CORPUS_BIN="$REPO/tests/BackSiteGen.Corpus/bin/Release/net10.0/backsitegen-corpus"
JIT_BIN="$REPO/generator/BackSiteGen.Cli/bin/Release/net10.0/backsitegen"
NATIVE_DIR="$WORK/native"
OURS_BIN="$NATIVE_DIR/backsitegen"
# The ReadyToRun composite (the csproj makes -p:PublishReadyToRun=true one self-contained composite image): the fastest
# build that needs no clang, timed in --scenarios beside the JIT build.
R2R_DIR="$WORK/r2r"
R2R_BIN="$R2R_DIR/backsitegen"
THEME="$REPO/themes/default"
# html-proofer is slow; the issue compares checks on a 1,000-page site. Both are overridable
# from the environment for a quick try of the script itself.
CHECK_PAGES="${BENCH_CHECK_PAGES:-1000}"
read -r -a SCALE_SIZES <<< "${BENCH_SCALE_SIZES:-1000 10000 50000}"

pages=10000
runs=3
mode=compare
have_ours=1
native=1

usage() {
    sed -n '3,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

parse_args() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --pages) pages="$2"; shift 2 ;;
            --runs) runs="$2"; shift 2 ;;
            --scale) mode=scale; shift ;;
            --scenarios) mode=scenarios; shift ;;
            --jit) native=0; shift ;;
            -h|--help) usage; exit 0 ;;
            *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
        esac
    done
}

require_gnu_time() {
    if [[ ! -x /usr/bin/time ]]; then
        echo "GNU time is needed for peak memory. Install it with:  apt-get install -y time" >&2
        exit 1
    fi
}

print_machine() {
    echo "== machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -sr)"
    echo "== dotnet $(dotnet --version)$(command -v hugo >/dev/null && echo ", $(hugo version | cut -d' ' -f1-2)")$(command -v htmlproofer >/dev/null && echo ", $(htmlproofer --version)")"
    echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), pages=$pages runs=$runs"
    mkdir -p "$WORK"
    echo "== work folder: $WORK, on $(work_file_system)"
}

# work_file_system: the device and type of the file system $WORK is on, and for ext4 whether it has a journal (the kernel
# lists a journaled one in /proc/fs/jbd2; see settle_outputs for why that matters).
work_file_system() {
    local source type
    read -r source type < <(findmnt -no SOURCE,FSTYPE -T "$WORK" 2>/dev/null) || { echo "an unknown file system"; return; }
    if [[ $type == ext4 ]]; then
        compgen -G "/proc/fs/jbd2/${source##*/}-*" > /dev/null && type="ext4 with a journal" || type="ext4 without a journal"
    fi
    echo "$source ($type)"
}

# Our tool is timed as it is released: compiled ahead of time to a native binary (README, Performance), which
# needs clang; as root the script installs it, otherwise it falls back to the JIT build and says so.
# Build failures of our tool are reported and skipped, keeping Hugo's figures.
build_tools() {
    mkdir -p "$WORK"
    # BENCH_REUSE_BUILD=1 times the binaries a previous run of this script built (for a second mode right after a
    # first, from the same commit), when they are all there.
    if [[ ${BENCH_REUSE_BUILD:-0} == 1 && -x $CORPUS_BIN && -x $JIT_BIN && ( $native == 0 || -x $OURS_BIN ) ]]; then
        ((native)) || OURS_BIN="$JIT_BIN"
        echo "== reusing the binaries of the previous run: $OURS_BIN"
        return
    fi
    echo "== building the corpus generator and BackSiteGen (Release)"
    dotnet build -c Release --disable-build-servers -nologo -v q "$REPO/tests/BackSiteGen.Corpus" > "$WORK/build-corpus.log" 2>&1 \
        || { cat "$WORK/build-corpus.log"; exit 1; }
    if ((native)) && ! command -v clang > /dev/null; then
        if [[ $(id -u) == 0 ]] && command -v apt-get > /dev/null; then
            echo "== installing clang for the native build (apt-get install -y clang)"
            apt-get install -y -q clang > "$WORK/apt-clang.log" 2>&1 || { tail -n 5 "$WORK/apt-clang.log"; native=0; }
        else
            echo "!! clang is missing (apt-get install -y clang): timing the JIT build instead of the native one"
            native=0
        fi
    fi
    if ((native)); then
        rm -rf "$NATIVE_DIR"
        clean_rid_build
        if ! dotnet publish -c Release -r linux-x64 -p:PublishAot=true --disable-build-servers -nologo -v q \
                "$REPO/generator/BackSiteGen.Cli" -o "$NATIVE_DIR" > "$WORK/build-cli.log" 2>&1 || [[ ! -x "$OURS_BIN" ]]; then
            echo "!! the native build failed (see $WORK/build-cli.log); timing the JIT build instead"
            native=0
        fi
    fi
    if ((!native)) || [[ $mode == scenarios ]]; then
        ((native)) || OURS_BIN="$JIT_BIN"
        if ! dotnet build -c Release --disable-build-servers -nologo -v q "$REPO/generator/BackSiteGen.Cli" > "$WORK/build-cli.log" 2>&1 \
            || [[ ! -x "$OURS_BIN" ]]; then
            echo "!! BackSiteGen did not build; skipping our tool (see $WORK/build-cli.log)"
            have_ours=0
        fi
    fi
    if [[ $mode == scenarios ]] && ((have_ours)); then
        echo "== publishing the ReadyToRun composite (dotnet publish -r linux-x64 -p:PublishReadyToRun=true)"
        rm -rf "$R2R_DIR"
        clean_rid_build
        dotnet publish -c Release -r linux-x64 -p:PublishReadyToRun=true --disable-build-servers -nologo -v q \
            "$REPO/generator/BackSiteGen.Cli" -o "$R2R_DIR" > "$WORK/build-r2r.log" 2>&1 \
            || echo "!! the ReadyToRun publish failed (see $WORK/build-r2r.log); not timing it"
    fi
    echo "== BackSiteGen binary: $OURS_BIN ($( ((native)) && echo "native, ahead-of-time" || echo "JIT"))"
}

have() { command -v "$1" > /dev/null; }

# The native and the ReadyToRun publish share the linux-x64 build folders; one publish on the other's leftovers gave a
# binary that aborted at start, so each publish starts from none.
clean_rid_build() {
    rm -rf "$REPO"/generator/*/obj/Release/net10.0/linux-x64 "$REPO"/generator/*/bin/Release/net10.0/linux-x64
}

# generate_corpus PAGES: writes $WORK/corpus-PAGES/{backsitegen,hugo} and prints nothing else.
generate_corpus() {
    local n=$1
    echo "== generating a $n-page corpus"
    "$CORPUS_BIN" --pages "$n" --out "$WORK/corpus-$n" > /dev/null
}

# measure LOG COMMAND...: runs COMMAND once under GNU time and sets MEASURED="wall_s peak_MB cpu_s sys_s" (cpu_s is
# user + system time; sys_s, the system part, shows the file system's share: see settle_outputs).
# CPU seconds (user + system) are printed too: on a shared, busy machine they move far less than
# wall time, so they show whether a slow run was the tool or its neighbours.
# Returns non-zero (and shows the tail of the output) when the command fails.
# Each run starts after `sync`, untimed, so it does not pay for writing back what the run before it wrote: on this
# machine a one-page edit straight after three swapping rebuilds took 0.34-0.35 s, and 0.22-0.24 s after `sync` and 3 s
# (native, 2,000 pages, an ext4 with a journal on a loop device). BENCH_SYNC=0 times without it.
measure() {
    local log=$1; shift
    local stats="$WORK/time.txt"
    [[ ${BENCH_SYNC:-1} == 0 ]] || sync
    if ! /usr/bin/time -f "%e %M %U %S" -o "$stats" "$@" > "$log" 2>&1; then
        echo "!! failed: $*" >&2
        tail -n 15 "$log" >&2
        return 1
    fi
    # %M is the peak resident set size in KiB.
    MEASURED="$(awk 'END { printf "%s %.0f %.2f %.2f", $1, $2 / 1024, $3 + $4, $4 }' "$stats")"
}

# record PREFIX TOOL RUN: appends $MEASURED to the arrays PREFIX_s, PREFIX_mb, PREFIX_cpu and prints it.
record() {
    local -n wall=${1}_s mem=${1}_mb cpus=${1}_cpu
    local s mb cpu
    read -r s mb cpu _ <<< "$MEASURED"
    wall+=("$s"); mem+=("$mb"); cpus+=("$cpu")
    row "$3" "$2" "$s" "$mb" "$cpu"
}

median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# row RUN TOOL WALL MB CPU [SYS]: one aligned row; the scenarios also print system time.
row() { printf '%-8s %-26s %10s %10s %10s %10s\n' "$1" "$2" "$3" "$4" "$5" "${6:-}"; }

# Every timed build writes into a folder that has never existed, and old outputs are deleted only between
# sequences (clear_outputs). On this machine, deleting a 10,000-page output right before a timed run put up to
# 7 s of the kernel's clean-up into that run's system time, whichever tool ran it (same binary: 1.3 s of system
# time into a fresh folder, 8.4 s after `rm -rf` + `sync` + 3 s of sleep).
RUN_OUTPUTS="$WORK/outputs"
fresh_output() { mkdir -p "$RUN_OUTPUTS"; mktemp -u "$RUN_OUTPUTS/$1-XXXXXX"; }
clear_outputs() { rm -rf "$RUN_OUTPUTS"; sync; }
# settle_outputs: clear_outputs, then wait out the file system's memory of what it removed. On this machine's ext4,
# perf showed a build's mkdir calls scanning past every inode freed in the last minute (the kernel's recently_deleted
# check: 27 % of a rebuild's CPU samples were in mkdir), so whichever tool ran first after a clear was the only one
# timed without that cost. The kernel makes that check only on ext4 without a journal (fs/ext4/ialloc.c,
# find_inode_bit: check_recently_deleted = s_journal == NULL), as this machine's root file system is mounted
# (dmesg: "mounted filesystem ... without journal"); for 60 s after a removal, 300 s while the inode table's block is
# unwritten. Within a scenario nothing settles: a rebuild that swaps removes the previous tree, so the next rebuild
# pays for it in mkdir and create (sys_s). BENCH_SETTLE_S overrides the 65 s.
settle_outputs() {
    local settle=${BENCH_SETTLE_S:-65}
    echo "== letting the file system settle after removing the previous outputs ($settle s)"
    clear_outputs
    sleep "$settle"
}

# our_build PAGES OUT [THEME]: by default the corpus's own theme, which renders what the Hugo layout renders.
our_build() {
    local n=$1 out=$2 theme=${3:-$WORK/corpus-$1/backsitegen/theme}
    measure "$WORK/ours-build.log" "$OURS_BIN" build --content "$WORK/corpus-$n/backsitegen/content" --theme "$theme" --output "$out"
}

hugo_build() {
    local n=$1 out=$2
    measure "$WORK/hugo-build.log" hugo --minify=false -s "$WORK/corpus-$n/hugo" -d "$out"
}

# compare_builds: alternating runs of both builds; prints each run, the medians and the ratios.
# "backsitegen" uses the corpus theme (the same page parts as Hugo's layout); "bsg-default" uses our full default
# theme, which also writes a site menu of every section, the inlined stylesheet, JSON-LD and the review footer.
compare_builds() {
    # shellcheck disable=SC2034  # filled by record and read by summarise, through namerefs
    local ours_s=() ours_mb=() ours_cpu=() hugo_s=() hugo_mb=() hugo_cpu=() full_s=() full_mb=() full_cpu=()
    local run_hugo=0 i
    have hugo && run_hugo=1 || echo "!! hugo is not installed (apt-get install -y hugo); timing BackSiteGen only"
    generate_corpus "$pages"
    clear_outputs
    echo
    echo "== build of $pages pages (wall seconds, peak resident memory)"
    row run tool wall_s peak_MB cpu_s
    for ((i = 1; i <= runs; i++)); do
        if ((have_ours)); then
            if our_build "$pages" "$(fresh_output ours)"; then
                record ours backsitegen "$i"
            else
                echo "!! BackSiteGen build failed; skipping it from here on"; have_ours=0
            fi
        fi
        if ((run_hugo)) && hugo_build "$pages" "$(fresh_output hugo)"; then
            record hugo hugo "$i"
        fi
        if ((have_ours)) && our_build "$pages" "$(fresh_output default)" "$THEME"; then
            record full bsg-default "$i"
        fi
    done
    clear_outputs
    summarise "build" hugo hugo
    if ((${#full_s[@]} && ${#hugo_s[@]})); then
        row "" bsg-default "$(median "${full_s[@]}")" "$(median "${full_mb[@]}")" "$(median "${full_cpu[@]}")"
        echo "build ratio bsg-default/hugo (medians): wall $(ratio "$(median "${full_s[@]}")" "$(median "${hugo_s[@]}")")x," \
            "peak memory $(ratio "$(median "${full_mb[@]}")" "$(median "${hugo_mb[@]}")")x"
    fi
}

# summarise WHAT THEIR_NAME THEIR_PREFIX: medians of ours_* and PREFIX_* (see record), and ratios.
summarise() {
    local what=$1 theirs=$2
    local -n os=ours_s om=ours_mb oc=ours_cpu ts=${3}_s tm=${3}_mb tc=${3}_cpu
    echo
    row median tool wall_s peak_MB cpu_s
    ((${#os[@]})) && row "" backsitegen "$(median "${os[@]}")" "$(median "${om[@]}")" "$(median "${oc[@]}")"
    ((${#ts[@]})) && row "" "$theirs" "$(median "${ts[@]}")" "$(median "${tm[@]}")" "$(median "${tc[@]}")"
    if ((${#os[@]} && ${#ts[@]})); then
        echo "$what ratio ours/$theirs (medians): wall $(ratio "$(median "${os[@]}")" "$(median "${ts[@]}")")x," \
            "peak memory $(ratio "$(median "${om[@]}")" "$(median "${tm[@]}")")x," \
            "cpu $(ratio "$(median "${oc[@]}")" "$(median "${tc[@]}")")x"
    fi
}

# compare_checks: our `check` against html-proofer on the same Hugo-built site.
compare_checks() {
    echo
    if ! have hugo; then echo "!! no hugo: skipping the check comparison (it checks a Hugo-built site)"; return; fi
    local site="$WORK/checked-site-$CHECK_PAGES"
    generate_corpus "$CHECK_PAGES"
    rm -rf "$site"
    hugo_build "$CHECK_PAGES" "$site" || return
    # shellcheck disable=SC2034  # filled by record and read by summarise, through namerefs
    local ours_s=() ours_mb=() ours_cpu=() proofer_s=() proofer_mb=() proofer_cpu=()
    local run_proofer=0 i
    have htmlproofer && run_proofer=1 || echo "!! htmlproofer is not installed (apt-get install -y ruby-html-proofer)"
    echo "== link check of a Hugo-built $CHECK_PAGES-page site ($(find "$site" -name '*.html' | wc -l) HTML files)"
    row run tool wall_s peak_MB cpu_s
    for ((i = 1; i <= runs; i++)); do
        if ((have_ours)); then
            if measure "$WORK/ours-check.log" "$OURS_BIN" check --site "$site" --base-url /; then
                record ours backsitegen "$i"
            else
                echo "!! backsitegen check failed or does not exist yet; skipping it"; have_ours=0
            fi
        fi
        if ((run_proofer)) && measure "$WORK/proofer.log" htmlproofer "$site" --disable-external; then
            record proofer html-proofer "$i"
        fi
    done
    summarise "check" html-proofer proofer
}

# startup: a one-page site, so the time is the process starting and the pipeline's fixed cost, not the pages.
startup() {
    if ((!have_ours)); then return; fi
    local tiny="$WORK/tiny" secs=() i s mb cpu
    rm -rf "$tiny" && mkdir -p "$tiny/content"
    printf -- '---\ntitle: Home\ndescription: One page.\nlast_reviewed: 2026-01-10\nnext_review: 2028-01-10\n---\nHello.\n' > "$tiny/content/index.md"
    echo
    echo "== build of a one-page site (startup; target under 0.3 s)"
    row run tool wall_s peak_MB cpu_s
    for ((i = 1; i <= runs; i++)); do
        measure "$WORK/ours-tiny.log" "$OURS_BIN" build --content "$tiny/content" --theme "$THEME" --output "$tiny/output" || return
        read -r s mb cpu _ <<< "$MEASURED"; secs+=("$s")
        row "$i" backsitegen "$s" "$mb" "$cpu"
    done
    echo "startup median: $(median "${secs[@]}") s"
}

# scale: how the build's cost grows with the page count, with the corpus theme and with our default theme, beside
# Hugo on the same pages (alternating runs); wall and CPU seconds per 1,000 pages should stay flat.
scale() {
    if ((!have_ours)); then echo "!! BackSiteGen is not built: nothing to scale"; return; fi
    local lines=() n i s mb cpu tool
    local tools=(lean default)
    have hugo && tools+=(hugo) || echo "!! hugo is not installed (apt-get install -y hugo); timing BackSiteGen only"
    for n in "${SCALE_SIZES[@]}"; do
        generate_corpus "$n"
        declare -A secs=() mbs=() cpus=()
        for ((i = 1; i <= runs; i++)); do
            for tool in "${tools[@]}"; do
                case $tool in
                    lean) our_build "$n" "$(fresh_output lean)" || return ;;
                    default) our_build "$n" "$(fresh_output default)" "$THEME" || return ;;
                    hugo) hugo_build "$n" "$(fresh_output hugo)" || return ;;
                esac
                read -r s mb cpu _ <<< "$MEASURED"
                secs[$tool]+="$s "; mbs[$tool]+="$mb "; cpus[$tool]+="$cpu "
                row "$i" "$tool $n" "$s" "$mb" "$cpu"
            done
        done
        local hugo_s=""
        # shellcheck disable=SC2086  # the lists are space-separated numbers
        [[ -n ${secs[hugo]:-} ]] && hugo_s="$(median ${secs[hugo]})"
        for tool in "${tools[@]}"; do
            # shellcheck disable=SC2086
            s="$(median ${secs[$tool]})"; mb="$(median ${mbs[$tool]})"; cpu="$(median ${cpus[$tool]})"
            lines+=("$(printf '%-8s %-8s %10s %10s %10s %12s %12s %10s' "$n" "$tool" "$s" "$mb" "$cpu" \
                "$(awk -v s="$s" -v n="$n" 'BEGIN { printf "%.3f", s / n * 1000 }')" \
                "$(awk -v s="$cpu" -v n="$n" 'BEGIN { printf "%.3f", s / n * 1000 }')" \
                "$([[ -n $hugo_s ]] && echo "$(ratio "$s" "$hugo_s")x" || echo -)")")
        done
        unset secs mbs cpus
        rm -rf "$WORK/corpus-$n"; clear_outputs   # 50,000 pages take gigabytes on disk
    done
    echo
    echo "== build cost by size (medians of $runs; lean = the corpus theme, default = our default theme)"
    printf '%-8s %-8s %10s %10s %10s %12s %12s %10s\n' pages tool wall_s peak_MB cpu_s wall_s/1k cpu_s/1k vs_hugo
    printf '%s\n' "${lines[@]}"
}

# scenarios: what a writer waits for on each build, beside Hugo, medians of $runs, with our default theme and the lean
# corpus theme, native and JIT:
#   fresh      into a folder that never existed
#   rebuild    into the output of the previous build, with every page changed (the site title differs)
#   no-change  into the output of the previous build of the very same site
#   one-edit   into the output of the previous build, with one page's text edited
# Hugo writes into its output in place; we build beside it and swap (README, Publishing), so these are the cases where
# keeping unchanged files and removing the previous tree cost or save.
scenarios() {
    local n=$pages corpus="$WORK/corpus-$pages" i tool scenario
    local tools=()
    have hugo && tools+=(hugo) || echo "!! hugo is not installed (apt-get install -y hugo); timing BackSiteGen only"
    if ((have_ours)); then
        ((native)) && tools+=(native-default native-lean)
        [[ -x $JIT_BIN ]] && tools+=(jit-default jit-lean)
        [[ -x $R2R_BIN ]] && tools+=(r2r-default)
    fi
    # BENCH_TOOLS="hugo native-default" times only those (a 10,000-page run of every tool takes long).
    if [[ -n ${BENCH_TOOLS:-} ]]; then
        local wanted=() t
        for t in "${tools[@]}"; do [[ " $BENCH_TOOLS " == *" $t "* ]] && wanted+=("$t"); done
        for t in $BENCH_TOOLS; do
            [[ " ${tools[*]} " == *" $t "* ]] || echo "!! BENCH_TOOLS names '$t', which is not one of the tools this run has: ${tools[*]}" >&2
        done
        ((${#wanted[@]})) || { echo "!! BENCH_TOOLS='$BENCH_TOOLS' leaves no tool to time" >&2; exit 2; }
        tools=("${wanted[@]}")
    fi
    generate_corpus "$n"
    settle_outputs
    local edited_page
    edited_page="$(cd "$corpus/backsitegen/content" && find . -name 'page-*.md' | sort | sed -n '2p')"
    declare -A wall mem kernel
    # one_build TOOL OUT: one build of the corpus as it is now, under GNU time.
    one_build() {
        local tool=$1 out=$2
        case $tool in
            hugo) measure "$WORK/hugo-build.log" hugo --minify=false -s "$corpus/hugo" -d "$out" ;;
            native-*|jit-*|r2r-*)
                local bin=$OURS_BIN theme=$THEME
                [[ $tool == jit-* ]] && bin=$JIT_BIN
                [[ $tool == r2r-* ]] && bin=$R2R_BIN
                [[ $tool == *-lean ]] && theme="$corpus/backsitegen/theme"
                measure "$WORK/ours-build.log" "$bin" build --content "$corpus/backsitegen/content" --theme "$theme" --output "$out" ;;
        esac
    }
    # The site title is on every page for both tools: changing it changes every page.
    set_title() {
        sed -i "s/^title: .*/title: $1/" "$corpus/backsitegen/content/site.yml"
        sed -i "s/^title = .*/title = \"$1\"/" "$corpus/hugo/config.toml"
    }
    # The same sentence at the end of the same page in both corpora (Hugo's mirrors ours path for path).
    edit_page() {
        local f
        for f in "$corpus/backsitegen/content/$edited_page" "$corpus/hugo/content/$edited_page"; do
            [[ -f $f ]] && printf '\nEdited in run %s.\n' "$1" >> "$f"
        done
    }
    echo
    echo "== scenarios on $n pages, medians of $runs ($(uptime | sed 's/.*load/load/'))"
    row run tool wall_s peak_MB cpu_s sys_s
    for tool in "${tools[@]}"; do
        local s mb cpu sys kept="$RUN_OUTPUTS/kept-$tool"
        for scenario in fresh rebuild no-change one-edit; do
            local secs=() mbs=() syss=()
            for ((i = 1; i <= runs; i++)); do
                case $scenario in
                    fresh) one_build "$tool" "$(fresh_output "$tool")" || continue ;;
                    rebuild)
                        # The output of the previous build exists; every page changes.
                        if ((i == 1)); then one_build "$tool" "$kept" || continue; fi
                        set_title "Corpus $i"; one_build "$tool" "$kept" || continue ;;
                    no-change) one_build "$tool" "$kept" || continue ;;
                    one-edit) edit_page "$i"; one_build "$tool" "$kept" || continue ;;
                esac
                read -r s mb cpu sys <<< "$MEASURED"; secs+=("$s"); mbs+=("$mb"); syss+=("$sys")
                row "$i" "$tool $scenario" "$s" "$mb" "$cpu" "$sys"
            done
            ((${#secs[@]})) && wall[$tool,$scenario]="$(median "${secs[@]}")" && mem[$tool,$scenario]="$(median "${mbs[@]}")" \
                && kernel[$tool,$scenario]="$(median "${syss[@]}")"
        done
        # Outputs stay until every tool has run: removing them here would put their inodes in the next tool's way.
        set_title Corpus
    done
    clear_outputs
    echo
    echo "== medians, and ratios to Hugo in the same run ($(uptime | sed 's/.*load/load/'))"
    printf '%-16s %-10s %8s %8s %8s %10s %10s\n' tool scenario wall_s peak_MB sys_s wall_ratio mem_ratio
    for tool in "${tools[@]}"; do
        for scenario in fresh rebuild no-change one-edit; do
            [[ -n ${wall[$tool,$scenario]:-} ]] || continue
            local wr="-" mr="-"
            if [[ -n ${wall[hugo,$scenario]:-} ]]; then
                wr="$(ratio "${wall[$tool,$scenario]}" "${wall[hugo,$scenario]}")x"
                mr="$(ratio "${mem[$tool,$scenario]}" "${mem[hugo,$scenario]}")x"
            fi
            printf '%-16s %-10s %8s %8s %8s %10s %10s\n' "$tool" "$scenario" "${wall[$tool,$scenario]}" "${mem[$tool,$scenario]}" "${kernel[$tool,$scenario]}" "$wr" "$mr"
        done
    done
}

main() {
    parse_args "$@"
    require_gnu_time
    print_machine
    build_tools
    if [[ $mode == scale ]]; then
        scale
    elif [[ $mode == scenarios ]]; then
        scenarios
    else
        startup
        compare_builds
        compare_checks
    fi
}

main "$@"
