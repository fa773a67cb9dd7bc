#!/usr/bin/env bash
# Sprites at collection scale (issue 14): the 80,000-image folder (all of Fashion-MNIST and MNIST-10k,
# written by the jar's export-dataset) analyzed with hog in a 2 GB heap, its JSON opened in the sketch
# (first frames, fps at fit-to-window and while dragging, heap, RSS), and 200,000 emoji sprites at
# the t-SNE points of that layout (repeated, jittered) in the same 2 GB heap.
#
#   bench/sketch/run.sh [--work DIR] [--folder DIR] [--skip-analyze]
#
# --folder: the 80,000 images (exported into WORK/images80k when it has no mnist/ subfolder).
#
# Timings are wall clock on a shared 2-core machine: each line is printed with the load average.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
WORK=target/sketch-bench; ANALYZE=1; FOLDER=
while [ $# -gt 0 ]; do
  case "$1" in
    --work) WORK="$2"; shift 2 ;;
    --folder) FOLDER="$2"; shift 2 ;;
    --skip-analyze) ANALYZE=0; shift ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
DATA="$ROOT/../shared/datasets"; [ -d "$DATA" ] || DATA=/work/shared/datasets
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "needs a display or xvfb-run" >&2; exit 1; }
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" --work "$WORK" ${FOLDER:+--folder "$FOLDER"} $([ $ANALYZE = 0 ] && echo --skip-analyze)
fi
mkdir -p "$WORK"
[ -s target/image-tsne-live.jar ] || mvn -q -o package -DskipTests
mvn -q -o test-compile
CPFILE="$WORK/classpath.txt"
[ -s "$CPFILE" ] || mvn -q -o dependency:build-classpath -Dmdep.outputFile="$CPFILE" >/dev/null
CP="target/test-classes:target/classes:$(cat "$CPFILE")"
JAR="java -Xmx2g -jar target/image-tsne-live.jar"
VIEW="java -Xmx2g --add-modules jdk.incubator.vector -cp $CP imagetsne.bench.SketchFps"
load() { cut -d' ' -f1-3 /proc/loadavg; }

FOLDER="${FOLDER:-$WORK/images80k}"
if [ ! -d "$FOLDER/mnist" ]; then
  $JAR export-dataset "$DATA/fashion-mnist-70k/images-idx3-ubyte.gz" --labels "$DATA/fashion-mnist-70k/labels-idx1-ubyte.gz" \
       --classes "$DATA/fashion-mnist-70k/classes.txt" -o "$FOLDER/fashion"
  $JAR export-dataset "$DATA/mnist-10k/images-idx3-ubyte.gz" --labels "$DATA/mnist-10k/labels-idx1-ubyte.gz" \
       --classes "$DATA/mnist-10k/classes.txt" -o "$FOLDER/mnist"
fi
echo "folder: $(find "$FOLDER" -name '*.png' | wc -l) png files"

LAYOUT="$WORK/layout80k.json"
if [ $ANALYZE = 1 ] || [ ! -s "$LAYOUT" ]; then
  echo "analyze (load before: $(load))"
  /usr/bin/time -f "analyze wall_s=%e peak_rss_kb=%M exit=%x" $JAR analyze "$FOLDER" -o "$LAYOUT" --features hog 2>&1 \
    | grep -E '^(analyze|features:)' || true
  echo "  load after: $(load)"
fi

echo "view 80k (load before: $(load))"
$VIEW "$LAYOUT" 2>/dev/null | grep RESULT
echo "  load after: $(load)"

# the 80k t-SNE points as a CSV, for 200,000 emoji sprites repeating them
python3 -c 'import json,sys; [print("%s,%s" % tuple(it["point"][:2])) for it in json.load(open(sys.argv[1]))]' "$LAYOUT" > "$WORK/points80k.csv"
echo "view 200k (load before: $(load))"
$VIEW "$WORK/points80k.csv" 200000 2>/dev/null | grep RESULT
echo "  load after: $(load)"
