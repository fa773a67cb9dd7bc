#!/usr/bin/env bash
# Collects a folder of real photographs and pictures from Debian packages (scikit-image's sample images,
# KDE/MATE/GNOME/UKUI wallpapers): one file per distinct picture, full size, for the feature benchmarks.
# Usage: bench/features/photos.sh DIR
set -euo pipefail
dir=${1:?usage: photos.sh DIR}
pkgs=(python3-skimage plasma-workspace-wallpapers mate-backgrounds gnome-backgrounds ukui-wallpapers lomiri-wallpapers-20.04)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
mkdir -p "$dir"
copy() { [ -f "$1" ] && cp "$1" "$dir/$2"; }
# scikit-image: photographs and microscopy (motorcycle_right is the other half of a stereo pair: left out)
for f in astronaut brick camera cell chelsea coffee coins color grass gravel ihc moon motorcycle_left page text; do
  copy "/usr/lib/python3/dist-packages/skimage/data/$f.png" "skimage-$f.png"
done
for f in hubble_deep_field retina rocket; do copy "/usr/lib/python3/dist-packages/skimage/data/$f.jpg" "skimage-$f.jpg"; done
# KDE wallpapers: the smallest image of each (dark variants and previews left out)
for w in /usr/share/wallpapers/*/contents/images; do
  name=$(basename "$(dirname "$(dirname "$w")")")
  f=$(ls -S "$w" | tail -n 1)
  copy "$w/$f" "kde-$name.${f##*.}"
done
# GNOME / UKUI / Lomiri and MATE backgrounds (one Elephants of three sizes)
for f in /usr/share/backgrounds/*.jpg /usr/share/backgrounds/*.png; do copy "$f" "bg-$(basename "$f")"; done
for f in /usr/share/backgrounds/mate/*/*; do
  case "$(basename "$f")" in Elephants_*) continue ;; esac
  copy "$f" "mate-$(basename "$f")"
done
ls "$dir" | wc -l
