#!/usr/bin/env bash
# Grid assignment benchmark: ours (EXACT dense JV, FAST auction) vs scipy linear_sum_assignment.
# usage: bench/grid/run.sh [--points FILE.csv] [--sizes "1000 2000 8000 20000 50000"]
#                          [--scipy-max N] [--exact-max N] [--repeats R]
#   --points     a CSV of x,y (header allowed), e.g. a real t-SNE layout; replaces the generated sizes
#   --scipy-max  largest n given to scipy (default 2000; 8000 takes minutes here)
#   --exact-max  largest n given to our dense EXACT solver (default 8000)
# Generated points: seeded clustered stand-in for a t-SNE layout (imagetsne.grid.ClusteredPoints).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES="1000 2000 8000 20000 50000"; SCIPY_MAX=2000; EXACT_MAX=8000; REPEATS=1; POINTS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --points) POINTS="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --scipy-max) SCIPY_MAX="$2"; shift 2 ;;
    --exact-max) EXACT_MAX="$2"; shift 2 ;;
    --repeats) REPEATS="$2"; shift 2 ;;
    -h|--help) sed -n 2,8p "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
PY=/usr/bin/python3  # Debian's python: the one apt's python3-scipy installs into
if ! "$PY" -c 'import scipy' 2>/dev/null; then
  echo "installing python3-scipy" >&2
  apt-get install -y python3-scipy >/dev/null
fi
mvn -q -o test-compile
CPFILE=target/grid-bench.cp
[ -s "$CPFILE" ] || mvn -q -o dependency:build-classpath -Dmdep.outputFile="$CPFILE" >/dev/null
WORK=target/grid-bench; mkdir -p "$WORK"
# snapshot the compiled classes so a rebuild during a long run does not change what is measured
rm -rf "$WORK/classes" "$WORK/test-classes"; cp -r target/classes target/test-classes "$WORK/"
CP="$WORK/test-classes:$WORK/classes:$(cat "$CPFILE")"
JAVA=(java -Xmx4g -cp "$CP" imagetsne.bench.GridBenchmark)
OUT="$WORK/results.txt"; : > "$OUT"

declare -a FILES
if [ -n "$POINTS" ]; then FILES=("$POINTS")
else
  for n in $SIZES; do f="$WORK/points-$n.csv"; [ -s "$f" ] || "${JAVA[@]}" gen "$n" 42 "$f"; FILES+=("$f"); done
fi
for f in "${FILES[@]}"; do
  n=$(($(grep -c . "$f") - 1))
  read -r _ cols rows < <("${JAVA[@]}" shape "$n")
  echo "n=$n grid ${cols}x${rows} ($f)" >&2
  if [ "$n" -le "$SCIPY_MAX" ]; then "$PY" bench/grid/scipy_lsa.py "$f" "$cols" "$rows" | tee -a "$OUT" >&2; fi
  if [ "$n" -le "$EXACT_MAX" ]; then "${JAVA[@]}" solve "$f" exact "$REPEATS" | tee -a "$OUT" >&2; fi
  "${JAVA[@]}" solve "$f" fast "$REPEATS" | tee -a "$OUT" >&2
done

echo "CPU: $(nproc) cores, shared with other jobs: timings are noisy"
awk '
  { n=$3; tool=$2; sec[n,tool]=$6; cost[n,tool]=$7; if (!(n in seen)) { seen[n]=1; order[++k]=n }
    if (tool=="scipy"||tool=="exact") if (!((n) in opt) || $7 < opt[n]) opt[n]=$7 }
  END {
    printf "%8s  %-6s %10s %16s %14s %12s\n", "n", "tool", "seconds", "cost", "vs optimum %", "speed/scipy"
    for (i=1;i<=k;i++) { n=order[i]
      split("scipy exact fast", tools, " ")
      for (t=1;t<=3;t++) { tool=tools[t]; if (!((n,tool) in sec)) continue
        gap = (n in opt) ? sprintf("%.4f", 100*(cost[n,tool]-opt[n])/opt[n]) : "n/a"
        ratio = ((n,"scipy") in sec && sec[n,tool] > 0) ? sprintf("%.2fx", sec[n,"scipy"]/sec[n,tool]) : "-"
        printf "%8d  %-6s %10.3f %16.6f %14s %12s\n", n, tool, sec[n,tool], cost[n,tool], gap, ratio } } }' "$OUT"
