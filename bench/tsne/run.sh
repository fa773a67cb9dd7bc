#!/usr/bin/env bash
# t-SNE benchmark, ours against Rtsne (bhtsne) and scikit-learn, in two tables:
#
# 1. End to end, as a user meets it: raw IDX pixels in, PCA to 50, t-SNE, layout CSV out; the wall time of
#    the whole process, JVM start included. Ours is a fresh `java -jar target/image-tsne-live.jar tsne`
#    (plain, no flags: the jar relaunches itself with the Vector API); Rtsne is an Rscript that reads the
#    IDX file and calls Rtsne with its own PCA (rtsne_e2e.R). 10,000 MNIST; 70,000 Fashion-MNIST for ours
#    (Rtsne there only with --peers-at-70k: about ten minutes).
# 2. t-SNE only, on the same PCA-50 CSV for every tool (seconds = the t-SNE call itself, no start-up or
#    reading): MNIST for n <= 10,000, Fashion-MNIST beyond.
#
#   bench/tsne/run.sh                     # both tables: e2e at 10k and 70k; t-SNE only at 1k, 5k, 10k, 20k, 70k
#   bench/tsne/run.sh --runs 3            # ours and Rtsne 3 times each, taking turns; seconds = the median
#   bench/tsne/run.sh --e2e "10000" --no-tsne-only   # just the 10k end-to-end rows
#   bench/tsne/run.sh --sizes "10000" --no-e2e        # just the 10k t-SNE-only rows
#   bench/tsne/run.sh --peers-at-70k      # also run the peers at 70k (slow: many minutes each)
#   bench/tsne/run.sh --no-peers          # ours only
#
# Settings for all tools: perplexity 30, theta/angle 0.5, 1000 iterations, learning rate 200, 2 threads.
# KL = what each tool reports (ours: exact normaliser up to 12k points). 10-NN accuracy of the layout is
# computed by the same code (imagetsne.reduce.tsne.Quality) for everyone, with the labels files as they are.
# Peak MB = max RSS (/usr/bin/time; for ours, of the relaunched JVM). The load average is printed with every
# run: other work on the machine shares the CPU, so compare ratios from the same run.
# Run from anywhere; needs ../shared/datasets next to the project root.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SIZES="1000 5000 10000 20000 70000"
E2E="10000 70000"
TSNE_ONLY=1
PEERS=1
PEERS70=0
RUNS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --e2e) E2E="$2"; shift 2 ;;
    --no-e2e) E2E=""; shift ;;
    --no-tsne-only) TSNE_ONLY=0; shift ;;
    --no-peers) PEERS=0; shift ;;
    --peers-at-70k) PEERS70=1; shift ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PY=/usr/bin/python3   # Debian's python: python3-sklearn lives there, not in a pyenv python on PATH
OUT="$ROOT/target/bench-tsne"
mkdir -p "$OUT"

if [ "$PEERS" = 1 ]; then
  if ! Rscript -e 'library(Rtsne)' >/dev/null 2>&1 || ! $PY -c 'import sklearn' >/dev/null 2>&1; then
    echo "installing peers (r-cran-rtsne python3-sklearn)..." >&2
    { apt-get install -y r-cran-rtsne python3-sklearn || { apt-get update && apt-get install -y r-cran-rtsne python3-sklearn; }; } >/dev/null \
      || { echo "could not install peers: running ours only" >&2; PEERS=0; }
  fi
fi
if ! [ -x /usr/bin/time ]; then apt-get install -y time >/dev/null 2>&1 || true; fi

echo "building..." >&2
nice -n 10 mvn -q -o package -DskipTests   # the jar, its lib/ and the test classes (the harness)
nice -n 10 mvn -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"
# the t-SNE-only harness, with the SIMD kernel (Vector API) on
JAVA="java -Xmx4g --add-modules jdk.incubator.vector -cp $CP imagetsne.bench.TsneBenchmark"

dataset() { if [ "$1" -le 10000 ]; then echo ../shared/datasets/mnist-10k; else echo ../shared/datasets/fashion-mnist-70k; fi; }
peak_mb() { awk -F: '/Maximum resident set size/ {printf "%d", $2/1024}' "$1"; }
wall_s() { awk '/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$1"; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" "$2" | tail -1; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
all_runs() { tr '\n' ' ' | sed 's/ *$//; s/ /, /g'; }
load() { cut -d' ' -f1 /proc/loadavg; }
score() { $JAVA score --coords "$1" --labels "$2" 2>/dev/null | sed -n 's/.*knn10=//p'; }
ratio_table() {  # rows: tool n seconds KL 10-NN peakMB [runs] [loads]; ratio = seconds / ours' seconds at the same n
  awk -F'\t' -v key="$2" 'BEGIN { printf "%-34s %6s %9s %8s %7s %7s %8s\n", "tool", "n", "seconds", "x ours", "KL", "10-NN", "peak MB" }
    { rows[NR] = $0; if ($1 == key) ours[$2] = $3 }
    END { for (i = 1; i <= NR; i++) { split(rows[i], f, "\t");
            ratio = (ours[f[2]] > 0 && f[3] != "") ? sprintf("%.2f", f[3] / ours[f[2]]) : "-";
            printf "%-34s %6s %9s %8s %7s %7s %8s\n", f[1], f[2], f[3], ratio, f[4], f[5], f[6] } }' "$1"
}

# ---------------------------------------------------------------- 1. end to end
E2E_ROWS="$OUT/e2e_rows.tsv"; : > "$E2E_ROWS"
E2E_LOG="$OUT/e2e_runs.txt"; : > "$E2E_LOG"
if [ -n "$E2E" ]; then
  JAR="java -jar target/image-tsne-live.jar"
  # what the relaunch (a second JVM, with the Vector API and a class archive) adds to the start: the grid of
  # 20 points, which is all start, with and without it (help and the version are answered without one;
  # a t-SNE would also time its kernels' warm-up, which only the relaunched JVM runs)
  awk 'BEGIN { srand(7); print "x,y"; for (i = 0; i < 20; i++) printf "%.4f,%.4f\n", rand(), rand() }' > "$OUT/tiny_xy.csv"
  START_R=""; START_D=""
  for RUN in 1 2 3 4 5 6; do
    /usr/bin/time -f %e -o "$OUT/start.txt" $JAR grid "$OUT/tiny_xy.csv" -o "$OUT/tiny_cells.csv" >/dev/null 2>&1
    [ "$RUN" = 1 ] || START_R="$START_R $(cat "$OUT/start.txt")"   # the first may write the class archive
    /usr/bin/time -f %e -o "$OUT/start.txt" java -Dimagetsne.relaunch=false -jar target/image-tsne-live.jar grid "$OUT/tiny_xy.csv" -o "$OUT/tiny_cells.csv" >/dev/null 2>&1
    [ "$RUN" = 1 ] || START_D="$START_D $(cat "$OUT/start.txt")"
  done
  for N in $E2E; do
    DS=$(dataset "$N")
    OURS_S=""; RTSNE_S=""; LOADS=""
    for RUN in $(seq "$RUNS"); do
      echo "e2e n=$N: ours (run $RUN of $RUNS, load $(load))" >&2
      LOADS="$LOADS $(load)"
      /usr/bin/time -v -o "$OUT/e2e_time_ours_$N.txt" $JAR tsne "$DS/images-idx3-ubyte.gz" -n "$N" -o "$OUT/e2e_y_ours_$N.csv" -q \
        > "$OUT/e2e_ours_$N.txt" 2> "$OUT/e2e_ours_$N.err"
      OURS_S="$OURS_S $(wall_s "$OUT/e2e_time_ours_$N.txt")"
      if [ "$PEERS" = 1 ] && { [ "$N" -lt 70000 ] || [ "$PEERS70" = 1 ]; }; then
        echo "e2e n=$N: Rtsne (run $RUN of $RUNS, load $(load))" >&2
        LOADS="$LOADS $(load)"
        /usr/bin/time -v -o "$OUT/e2e_time_rtsne_$N.txt" Rscript bench/tsne/rtsne_e2e.R "$DS/images-idx3-ubyte.gz" "$OUT/e2e_y_rtsne_$N.csv" "$N" \
          > "$OUT/e2e_rtsne_$N.txt" 2>&1
        RTSNE_S="$RTSNE_S $(wall_s "$OUT/e2e_time_rtsne_$N.txt")"
      fi
    done
    printf "ours: java -jar (fresh JVM)\t%s\t%s\t%s\t%s\t%s\n" "$N" "$(echo $OURS_S | median)" "$(field kl "$OUT/e2e_ours_$N.txt")" \
      "$(score "$OUT/e2e_y_ours_$N.csv" "$DS/labels-idx1-ubyte.gz")" "$(peak_mb "$OUT/e2e_time_ours_$N.txt")" >> "$E2E_ROWS"
    echo "ours $N: $(echo $OURS_S | all_runs)" >> "$E2E_LOG"
    if [ -n "$RTSNE_S" ]; then
      printf "Rtsne: Rscript, PCA inside\t%s\t%s\t%s\t%s\t%s\n" "$N" "$(echo $RTSNE_S | median)" "$(field kl "$OUT/e2e_rtsne_$N.txt")" \
        "$(score "$OUT/e2e_y_rtsne_$N.csv" "$DS/labels-idx1-ubyte.gz")" "$(peak_mb "$OUT/e2e_time_rtsne_$N.txt")" >> "$E2E_ROWS"
      echo "Rtsne $N: $(echo $RTSNE_S | all_runs)" >> "$E2E_LOG"
    fi
    echo "load average (1 min) at the start of each run, n=$N: $(echo $LOADS | all_runs)" >> "$E2E_LOG"
  done
fi

# ---------------------------------------------------------------- 2. t-SNE only
ROWS="$OUT/rows.tsv"; : > "$ROWS"
RUNS_LOG="$OUT/runs.txt"; : > "$RUNS_LOG"

run_rtsne() {
  /usr/bin/time -v -o "$OUT/time_rtsne_$N.txt" Rscript -e "
    suppressMessages(library(Rtsne)); X <- as.matrix(read.csv('$X', header=FALSE)); set.seed(42)
    t <- system.time(r <- Rtsne(X, dims=2, pca=FALSE, perplexity=30, theta=0.5, max_iter=1000, eta=200,
                                num_threads=2, check_duplicates=FALSE))[['elapsed']]
    write.table(r\$Y, '$OUT/y_rtsne_$N.csv', sep=',', row.names=FALSE, col.names=FALSE)
    cat(sprintf('seconds=%.2f kl=%.4f\n', t, tail(r\$itercosts, 1)))" > "$OUT/rtsne_$N.txt" 2>&1
}

[ "$TSNE_ONLY" = 1 ] || SIZES=""
for N in $SIZES; do
  DS=$(dataset "$N")
  X="$OUT/x_$N.csv"; L="$OUT/labels_$N.csv"
  # the PCA-50 input, made again when our PCA has changed since
  if ! [ -s "$X" ] || [ target/classes/imagetsne/reduce/Pca.class -nt "$X" ]; then
    $JAVA export --images "$DS/images-idx3-ubyte.gz" --labels "$DS/labels-idx1-ubyte.gz" -n "$N" --pca 50 \
      --out "$X" --out-labels "$L" 2>/dev/null | grep exported >&2
  fi
  OURS_S=""; RTSNE_S=""; LOADS=""
  for RUN in $(seq "$RUNS"); do
    echo "n=$N: ours (run $RUN of $RUNS, load $(load))" >&2
    LOADS="$LOADS $(load)"
    /usr/bin/time -v -o "$OUT/time_ours_$N.txt" $JAVA run --csv "$X" --labels "$L" --lr 200 --threads 2 \
      --coords "$OUT/y_ours_$N.csv" > "$OUT/ours_$N.txt" 2> "$OUT/ours_$N.err"
    OURS_S="$OURS_S $(field tsne_seconds "$OUT/ours_$N.txt")"
    if [ "$PEERS" = 1 ] && { [ "$N" -lt 70000 ] || [ "$PEERS70" = 1 ]; }; then
      echo "n=$N: Rtsne (run $RUN of $RUNS, load $(load))" >&2
      LOADS="$LOADS $(load)"
      run_rtsne
      RTSNE_S="$RTSNE_S $(field seconds "$OUT/rtsne_$N.txt")"
    fi
  done
  printf "ours\t%s\t%s\t%s\t%s\t%s\n" "$N" "$(echo $OURS_S | median)" "$(field kl "$OUT/ours_$N.txt")" \
    "$(field knn10 "$OUT/ours_$N.txt")" "$(peak_mb "$OUT/time_ours_$N.txt")" >> "$ROWS"
  [ "$RUNS" -gt 1 ] && echo "ours $N: $(echo $OURS_S | all_runs)" >> "$RUNS_LOG"
  if [ "$PEERS" = 1 ] && { [ "$N" -lt 70000 ] || [ "$PEERS70" = 1 ]; }; then
    printf "Rtsne\t%s\t%s\t%s\t%s\t%s\n" "$N" "$(echo $RTSNE_S | median)" "$(field kl "$OUT/rtsne_$N.txt")" \
      "$(score "$OUT/y_rtsne_$N.csv" "$L")" "$(peak_mb "$OUT/time_rtsne_$N.txt")" >> "$ROWS"
    [ "$RUNS" -gt 1 ] && echo "Rtsne $N: $(echo $RTSNE_S | all_runs)" >> "$RUNS_LOG"

    echo "n=$N: sklearn" >&2
    /usr/bin/time -v -o "$OUT/time_sklearn_$N.txt" $PY -c "
import time, numpy as np, inspect
from sklearn.manifold import TSNE
X = np.loadtxt('$X', delimiter=',')
iters = 'max_iter' if 'max_iter' in inspect.signature(TSNE).parameters else 'n_iter'
t = TSNE(n_components=2, perplexity=30.0, method='barnes_hut', angle=0.5, init='pca', learning_rate=200.0,
         n_jobs=2, random_state=42, **{iters: 1000})
s = time.perf_counter(); Y = t.fit_transform(X); s = time.perf_counter() - s
np.savetxt('$OUT/y_sklearn_$N.csv', Y, delimiter=',')
print('seconds=%.2f kl=%.4f' % (s, t.kl_divergence_))" > "$OUT/sklearn_$N.txt" 2>&1
    printf "sklearn\t%s\t%s\t%s\t%s\t%s\n" "$N" "$(field seconds "$OUT/sklearn_$N.txt")" "$(field kl "$OUT/sklearn_$N.txt")" \
      "$(score "$OUT/y_sklearn_$N.csv" "$L")" "$(peak_mb "$OUT/time_sklearn_$N.txt")" >> "$ROWS"
  fi
  echo "load average (1 min) at the start of each run, n=$N: $(echo $LOADS | all_runs)" >> "$RUNS_LOG"
done

{
  if [ -s "$E2E_ROWS" ]; then
    echo; echo "End to end (raw IDX -> PCA 50 -> t-SNE -> CSV), wall seconds of the whole process:"
    ratio_table "$E2E_ROWS" "ours: java -jar (fresh JVM)"
    echo "seconds of every run (the table shows the median):"; cat "$E2E_LOG"
    echo "JVM start, java -jar ... grid TINY.csv -o cells.csv (20 points): $(echo $START_R | median) s with the relaunch, $(echo $START_D | median) s without (medians of 5)"
  fi
  if [ -s "$ROWS" ]; then
    echo; echo "t-SNE only (same PCA-50 input for every tool), seconds of the t-SNE call:"
    ratio_table "$ROWS" ours
    echo "seconds of every run (the table shows the median):"; cat "$RUNS_LOG"
  fi
} | tee "$OUT/table.txt"
