#!/usr/bin/env bash
# Feature extraction benchmarks, on 2 threads:
#  1. images/s of each feature kind (decoding alone, the extractor alone, and the analysis's feature stage
#     with both overlapped, as a user runs it) on the Noto emoji of ../shared and on a folder of photos;
#  2. the whole `analyze` command, a fresh `java -jar`, default settings, no feature cache, wall time;
#  3. with --layers: which layer / pooling / input range lays images out best (slow: ~30 min).
# Usage: bench/features/run.sh [--photos DIR] [--layers]
set -euo pipefail
cd "$(dirname "$0")/../.."
photos=/tmp/image-tsne-photos
layers=0
while [ $# -gt 0 ]; do
  case "$1" in
    --photos) photos=$2; shift 2 ;;
    --layers) layers=1; shift ;;
    *) echo "usage: $0 [--photos DIR] [--layers]" >&2; exit 2 ;;
  esac
done
[ -d "$photos" ] || bench/features/photos.sh "$photos" >/dev/null
tgz="${XDG_CACHE_HOME:-$HOME/.cache}/image-tsne-live/models/nsfwjs-4.4.0.tgz"
[ -f "$tgz" ] || { mkdir -p "$(dirname "$tgz")"; npm pack nsfwjs@4.4.0 --pack-destination "$(dirname "$tgz")" --silent; }
mvn -q -o package -DskipTests 2>/dev/null || mvn -q package -DskipTests
mvn -q dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test >/dev/null
cp="target/test-classes:target/classes:$(cat target/test-cp.txt)"
run() { java --add-modules jdk.incubator.vector -Xmx8g -cp "$cp" "$@" 2>/dev/null; }

echo "## Images per second"
run imagetsne.bench.FeatureBenchmark ../shared/images/noto-emoji-64 0 2
echo
run imagetsne.bench.FeatureBenchmark "$photos" 0 2
echo
echo "## analyze, end to end (fresh JVM, --no-cache, wall seconds)"
echo "| input | features | seconds | images/s |"
echo "|---|---|---:|---:|"
for dir in ../shared/images/noto-emoji-64 "$photos"; do
  n=$(find "$dir" -type f | wc -l)
  for f in cnn hog; do
    t0=$(date +%s.%N)
    java -jar target/image-tsne-live.jar analyze "$dir" -o /tmp/bench-features.json --features "$f" --no-cache -q >/dev/null
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v n="$n" -v d="$(basename "$dir")" -v f="$f" 'BEGIN { printf "| %s (%d) | %s | %.1f | %.1f |\n", d, n, f, b - a, n / (b - a) }'
  done
done
if [ "$layers" = 1 ]; then
  echo
  echo "## Layers (10-NN accuracy of the 2-D t-SNE layout)"
  run imagetsne.bench.CnnLayerBenchmark "$tgz" mobilenet_v2 "$photos" \
    block_5_add,block_6_expand_relu,block_6_project_BN,block_8_add,block_9_add,block_10_project_BN,block_11_add,block_12_add,block_13_expand_relu,block_13_depthwise_relu,block_14_add,block_15_add,block_16_project_BN,out_relu,dense_1
  run imagetsne.bench.CnnLayerBenchmark "$tgz" inception_v3 "$photos" mixed2,mixed3,mixed4,mixed5,mixed6,mixed7,mixed8,mixed10 0 8 0..1
fi
