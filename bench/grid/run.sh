#!/usr/bin/env bash
# Grid assignment benchmark on real t-SNE layouts, ours against scipy.optimize.linear_sum_assignment in
# the same run: the grid command as a user runs it (fresh JVM, `java -jar ... grid points.csv -o out.csv`,
# default mode auto), then in one JVM each our FAST and EXACT, then scipy.
# usage: bench/grid/run.sh [--sizes "1000 2000 5000 10000 20000 50000"] [--big "500000 2650000"]
#                          [--scipy-max N] [--exact-max N]
#   --sizes      first n points of a real layout: t-SNE of MNIST-10k up to 10,000, of Fashion-MNIST-70k beyond
#   --big        n points drawn from the Fashion-MNIST layout, each moved by 0.4% of its span (no real set is that big)
#   --scipy-max  largest n given to scipy (default 10000, minutes: it builds the dense n x m matrix)
#   --exact-max  largest n given to our EXACT (default 50000, its limit)
# Beyond 500,000 points FAST is approximate (no certificate); a certified FAST run of the same points
# (the threshold moved by -Dimagetsne.grid.approxAbove) then supplies the lower bound.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES="1000 2000 5000 10000 20000 50000"; BIG="500000 2650000"; SCIPY_MAX=10000; EXACT_MAX=50000
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --big) BIG="$2"; shift 2 ;;
    --scipy-max) SCIPY_MAX="$2"; shift 2 ;;
    --exact-max) EXACT_MAX="$2"; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
PY=/usr/bin/python3  # Debian's python: the one apt's python3-scipy installs into
if ! "$PY" -c 'import scipy' 2>/dev/null; then
  echo "installing python3-scipy" >&2
  apt-get install -y python3-scipy >/dev/null
fi
JAR=target/image-tsne-live.jar
nice -n 10 mvn -q -o package -DskipTests
CPFILE=target/grid-bench.cp
[ -s "$CPFILE" ] || mvn -q -o dependency:build-classpath -Dmdep.outputFile="$CPFILE" >/dev/null
WORK=target/grid-bench; mkdir -p "$WORK"
# snapshot what is measured so a rebuild during a long run does not change it
rm -rf "$WORK/classes" "$WORK/test-classes"; cp -r target/classes target/test-classes "$WORK/"; cp "$JAR" "$WORK/grid.jar"
ln -sfn ../lib "$WORK/lib"  # the jar's Class-Path: dependencies do not change during a run
CP="$WORK/test-classes:$WORK/classes:$(cat "$CPFILE")"
JAVA=(java -Xmx6g -cp "$CP" imagetsne.bench.GridBenchmark)
OUT="$WORK/results.txt"; : > "$OUT"

# real layouts, made once by our own t-SNE (defaults: PCA 50, perplexity 30, 1,000 iterations)
L10K="$WORK/layout-mnist-10k.csv"; L70K="$WORK/layout-fashion-70k.csv"
[ -s "$L10K" ] || java -jar "$JAR" tsne ../shared/datasets/mnist-10k/images-idx3-ubyte.gz -o "$L10K" -q
[ -s "$L70K" ] || java -Xmx4g -jar "$JAR" tsne ../shared/datasets/fashion-mnist-70k/images-idx3-ubyte.gz -o "$L70K" -q

declare -a FILES
for n in $SIZES; do
  f="$WORK/points-$n.csv"; src="$L10K"; [ "$n" -le 10000 ] || src="$L70K"
  head -n $((n + 1)) "$src" > "$f"; FILES+=("$f")
done
for n in $BIG; do
  f="$WORK/points-$n.csv"; [ -s "$f" ] || "${JAVA[@]}" jitter "$L70K" "$n" 1 "$f"; FILES+=("$f")
done

for f in "${FILES[@]}"; do
  n=$(($(grep -c . "$f") - 1))
  read -r _ cols rows < <("${JAVA[@]}" shape "$n")
  echo "n=$n grid ${cols}x${rows} ($f)" >&2
  # as a user runs it: wall time and peak memory of the whole process, the command's own seconds= and cost=
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" java -jar "$WORK/grid.jar" grid "$f" -o "$WORK/cells.csv" -q > "$WORK/cli.txt"
  read -r wall kb < "$WORK/time.txt"
  line=$(tail -n 1 "$WORK/cli.txt")
  cost=$(sed -E 's/.*cost=([0-9.]+).*/\1/' <<< "$line"); sec=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<< "$line")
  echo "result cli $n $cols $rows $wall $cost $sec $((kb / 1024))" | tee -a "$OUT" >&2
  "${JAVA[@]}" solve "$f" fast | tee -a "$OUT" >&2
  # beyond GridAssigner.APPROX_ABOVE FAST certifies nothing: a certified run of the same points gives the bound
  if [ "$n" -gt 500000 ]; then
    java -Dimagetsne.grid.approxAbove=2147483647 -Xmx6g -cp "$CP" imagetsne.bench.GridBenchmark solve "$f" fast 1 certified | tee -a "$OUT" >&2
  fi
  if [ "$n" -le "$EXACT_MAX" ]; then "${JAVA[@]}" solve "$f" exact | tee -a "$OUT" >&2; fi
  if [ "$n" -le "$SCIPY_MAX" ]; then "$PY" bench/grid/scipy_lsa.py "$f" "$cols" "$rows" | tee -a "$OUT" >&2; fi
done

echo "CPU: $(nproc) cores, shared with other jobs: timings are noisy"
awk '
  { n=$3; t=$2; sec[n,t]=$6; cost[n,t]=$7; if (!(n in seen)) { seen[n]=1; order[++k]=n; grid[n]=$4 "x" $5 }
    if (t=="cli") { injvm[n]=$8; mb[n]=$9 }
    if ((t=="fast"||t=="certified") && $8!="NaN") { if (t=="fast") lb[n]=$8; if (!(n in best) || $8 > best[n]) best[n]=$8 }
    if (t=="scipy"||t=="exact") if (!(n in opt) || $7 < opt[n]) opt[n]=$7 }
  # exact when the optimum is known, else an upper bound from the best certified lower bound
  function above(n, t) {
    if (n in opt) { v = 100*(cost[n,t]-opt[n])/opt[n]; return sprintf("%.4f", v < 0.00005 ? 0 : v) }
    if (n in best) return sprintf("<= %.3f", 100*(cost[n,t]-best[n])/cost[n,t])
    return "n/a" }
  function s(n, t) { return ((n,t) in sec) ? sprintf("%.2f", sec[n,t]) : "-" }
  END {
    print "| n | grid | ours whole process s | ours in-JVM s | peak MB | ours above optimum % | FAST in-JVM s | FAST above optimum % | FAST certified within % | EXACT s | scipy s |"
    print "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for (i=1;i<=k;i++) { n=order[i]
      cert = (n in lb) ? sprintf("%.3f", 100*(cost[n,"fast"]-lb[n])/cost[n,"fast"]) : "none"
      printf "| %d | %s | %s | %.2f | %d | %s | %s | %s | %s | %s | %s |\n", n, grid[n], s(n,"cli"), injvm[n], mb[n], above(n,"cli"),
        s(n,"fast"), above(n,"fast"), cert, s(n,"exact"), s(n,"scipy") }
    for (i=1;i<=k;i++) { n=order[i]; if ((n,"certified") in sec)
      printf "\ncertified reference at n=%d: %.2f s, cost %.6f, lower bound %.6f\n", n, sec[n,"certified"], cost[n,"certified"], best[n] } }' "$OUT"
