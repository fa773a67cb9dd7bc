#!/usr/bin/env bash
# t-SNE benchmark: ours (Java) vs Rtsne (bhtsne) vs scikit-learn, same PCA-50 input for every tool.
#
#   bench/tsne/run.sh                     # n = 1k, 5k, 10k (MNIST) and 20k (Fashion); 70k ours only
#   bench/tsne/run.sh --sizes "10000"     # only some sizes (1000 5000 10000 -> MNIST, 20000 70000 -> Fashion)
#   bench/tsne/run.sh --peers-at-70k      # also run the peers at 70k (slow: many minutes each)
#   bench/tsne/run.sh --no-peers          # ours only
#   bench/tsne/run.sh --runs 3            # ours and Rtsne 3 times each, interleaved; seconds = the median
#
# Settings for all tools: perplexity 30, theta/angle 0.5, 1000 iterations, learning rate 200, 2 threads.
# Seconds = the t-SNE call itself (kNN + affinities + optimisation), without JVM/R/Python start-up or
# CSV reading. KL = what each tool reports (ours: exact normaliser up to 12k points). 10-NN accuracy is
# computed by the same code (imagetsne.reduce.Quality) for everyone. Peak MB = max RSS of the process
# (/usr/bin/time -v). An extra row "ours-e2e" at 70k times raw IDX -> PCA -> kNN -> t-SNE in one JVM.
# Run from anywhere; needs ../shared/datasets next to the project root. Other work on the machine
# shares the CPU: numbers are noisy, compare ratios from the same run.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SIZES="1000 5000 10000 20000 70000"  # fashion-mnist-70k holds 70,000 images (its header says 70,002: see realign_labels.py)
PEERS=1
PEERS70=0
RUNS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
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
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"
# the SIMD t-SNE kernel (Vector API) on, as README runs the app
JAVA="java -Xmx4g --add-modules jdk.incubator.vector -cp $CP imagetsne.bench.TsneBenchmark"

dataset() { if [ "$1" -le 10000 ]; then echo ../shared/datasets/mnist-10k; else echo ../shared/datasets/fashion-mnist-70k; fi; }
peak_mb() { awk -F: '/Maximum resident set size/ {printf "%d", $2/1024}' "$1"; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" "$2" | tail -1; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
all_runs() { tr '\n' ' ' | sed 's/ *$//; s/ /, /g'; }

ROWS="$OUT/rows.tsv"
: > "$ROWS"
RUNS_LOG="$OUT/runs.txt"
: > "$RUNS_LOG"

run_rtsne() {
  /usr/bin/time -v -o "$OUT/time_rtsne_$N.txt" Rscript -e "
    suppressMessages(library(Rtsne)); X <- as.matrix(read.csv('$X', header=FALSE)); set.seed(42)
    t <- system.time(r <- Rtsne(X, dims=2, pca=FALSE, perplexity=30, theta=0.5, max_iter=1000, eta=200,
                                num_threads=2, check_duplicates=FALSE))[['elapsed']]
    write.table(r\$Y, '$OUT/y_rtsne_$N.csv', sep=',', row.names=FALSE, col.names=FALSE)
    cat(sprintf('seconds=%.2f kl=%.4f\n', t, tail(r\$itercosts, 1)))" > "$OUT/rtsne_$N.txt" 2>&1
}


for N in $SIZES; do
  DS=$(dataset "$N")
  X="$OUT/x_$N.csv"; L="$OUT/labels_$N.csv"
  if ! [ -s "$X" ]; then
    $JAVA export --images "$DS/images-idx3-ubyte.gz" --labels "$DS/labels-idx1-ubyte.gz" -n "$N" --pca 50 \
      --out "$X" --out-labels "$L" 2>/dev/null | grep exported >&2
  fi
  if [ "$N" -ge 70000 ] && ! [ "$OUT/realigned_$N.txt" -nt "$X" ]; then
    # the 70k image file lost 2 images its labels file still has: realign the labels for scoring (~1 min)
    $PY bench/tsne/realign_labels.py "$X" "$DS/labels-idx1-ubyte.gz" "$L" | tee "$OUT/realigned_$N.txt" >&2
  fi
  OURS_S=""; RTSNE_S=""
  for RUN in $(seq "$RUNS"); do
    echo "n=$N: ours (run $RUN of $RUNS)" >&2
    /usr/bin/time -v -o "$OUT/time_ours_$N.txt" $JAVA run --csv "$X" --labels "$L" --lr 200 --threads 2 \
      --coords "$OUT/y_ours_$N.csv" > "$OUT/ours_$N.txt" 2> "$OUT/ours_$N.err"
    OURS_S="$OURS_S $(field tsne_seconds "$OUT/ours_$N.txt")"
    if [ "$PEERS" = 1 ] && { [ "$N" -lt 70000 ] || [ "$PEERS70" = 1 ]; }; then
      echo "n=$N: Rtsne (run $RUN of $RUNS)" >&2
      run_rtsne
      RTSNE_S="$RTSNE_S $(field seconds "$OUT/rtsne_$N.txt")"
    fi
  done
  printf "ours\t%s\t%s\t%s\t%s\t%s\n" "$N" "$(echo $OURS_S | median)" "$(field kl "$OUT/ours_$N.txt")" \
    "$(field knn10 "$OUT/ours_$N.txt")" "$(peak_mb "$OUT/time_ours_$N.txt")" >> "$ROWS"
  [ "$RUNS" -gt 1 ] && echo "ours $N: $(echo $OURS_S | all_runs)" >> "$RUNS_LOG"
  if [ "$N" -ge 70000 ]; then
    echo "n=$N: ours end to end (IDX -> PCA -> t-SNE)" >&2
    /usr/bin/time -v -o "$OUT/time_e2e_$N.txt" $JAVA run --images "$DS/images-idx3-ubyte.gz" \
      --labels "$L" -n "$N" --pca 50 --lr 200 --threads 2 > "$OUT/e2e_$N.txt" 2> "$OUT/e2e_$N.err"
    printf "ours-e2e\t%s\t%s\t%s\t%s\t%s\n" "$N" "$(field total_seconds "$OUT/e2e_$N.txt")" "$(field kl "$OUT/e2e_$N.txt")" \
      "$(field knn10 "$OUT/e2e_$N.txt")" "$(peak_mb "$OUT/time_e2e_$N.txt")" >> "$ROWS"
  fi
  if [ "$PEERS" = 1 ] && { [ "$N" -lt 70000 ] || [ "$PEERS70" = 1 ]; }; then
    $JAVA score --coords "$OUT/y_rtsne_$N.csv" --labels "$L" 2>/dev/null > "$OUT/rtsne_score_$N.txt"
    printf "Rtsne\t%s\t%s\t%s\t%s\t%s\n" "$N" "$(echo $RTSNE_S | median)" "$(field kl "$OUT/rtsne_$N.txt")" \
      "$(field knn10 "$OUT/rtsne_score_$N.txt")" "$(peak_mb "$OUT/time_rtsne_$N.txt")" >> "$ROWS"
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
    $JAVA score --coords "$OUT/y_sklearn_$N.csv" --labels "$L" 2>/dev/null > "$OUT/sklearn_score_$N.txt"
    printf "sklearn\t%s\t%s\t%s\t%s\t%s\n" "$N" "$(field seconds "$OUT/sklearn_$N.txt")" "$(field kl "$OUT/sklearn_$N.txt")" \
      "$(field knn10 "$OUT/sklearn_score_$N.txt")" "$(peak_mb "$OUT/time_sklearn_$N.txt")" >> "$ROWS"
  fi
done

echo
awk -F'\t' 'BEGIN { printf "%-9s %7s %9s %8s %7s %8s %8s\n", "tool", "n", "seconds", "x ours", "KL", "10-NN", "peak MB" }
  { rows[NR] = $0; if ($1 == "ours") ours[$2] = $3 }
  END { for (i = 1; i <= NR; i++) { split(rows[i], f, "\t");
          ratio = (ours[f[2]] > 0 && f[3] != "") ? sprintf("%.2f", f[3] / ours[f[2]]) : "-";
          printf "%-9s %7s %9s %8s %7s %8s %8s\n", f[1], f[2], f[3], ratio, f[4], f[5], f[6] } }' "$ROWS" | tee "$OUT/table.txt"
if [ -s "$RUNS_LOG" ]; then echo; echo "seconds of every run (the table shows the median):"; cat "$RUNS_LOG"; fi | tee -a "$OUT/table.txt"
