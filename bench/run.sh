#!/usr/bin/env bash
# Issue 14's whole table in one command: each part runs ours and its peers in the same run and prints
# a markdown table (whole-process wall times, JVM start included).
#   1. t-SNE end to end: a fresh `java -jar ... tsne` on the raw IDX (PCA included) against Rtsne with its
#      PCA, 10,000 MNIST and 70,000 Fashion-MNIST, taking turns (bench/tsne/run.sh);
#   2. grid assignment, 1,000-50,000 points, against scipy and our exact solver (bench/grid/run.sh);
#   3. the sketch at collection scale: 80,000 images analyzed in a 2 GB heap, the window on that layout
#      and on 200,000 sprites (bench/sketch/run.sh);
#   4. feature extraction, images/s per kind (bench/features/run.sh).
# Takes about an hour on 2 cores. Usage: bench/run.sh [--runs R] [--quick]
#   --quick: 10k t-SNE rows only, grid up to 20,000, the sketch without the 80k analysis if its JSON exists.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    *) echo "usage: $0 [--runs R] [--quick]" >&2; exit 2 ;;
  esac
done
echo "# Benchmarks, $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "## t-SNE end to end (fresh JVM, raw IDX in)"
if [ "$quick" = 1 ]; then
  bench/tsne/run.sh --e2e "10000" --no-tsne-only --runs "$runs"
else
  bench/tsne/run.sh --e2e "10000 70000" --no-tsne-only --runs "$runs"
fi
echo
echo "## Grid assignment"
if [ "$quick" = 1 ]; then bench/grid/run.sh --sizes "1000 5000 10000 20000" --big ""; else bench/grid/run.sh; fi
echo
echo "## Sketch at collection scale"
if [ "$quick" = 1 ] && [ -f target/sketch-bench/layout80k.json ]; then bench/sketch/run.sh --skip-analyze; else bench/sketch/run.sh; fi
echo
echo "## Features"
bench/features/run.sh
