#!/usr/bin/env python3
"""Realigns labels with images when the image file has lost some images (the labels file has not).

../shared/datasets/fashion-mnist-70k: the image header says 70,002 images, the file holds 70,000, the
labels file holds 70,002 labels. Somewhere two images are missing, so from there on every image sits
one (then two) labels early. This finds where: a 10-NN classifier trained on the first images (before
any gap) predicts every image's label; a dynamic programme then picks the non-decreasing label offset
(0 .. missing) per image that agrees with the predictions most often. Only the scoring of the 70k rows
uses the result, for every tool alike.

usage: realign_labels.py FEATURES.csv LABELS-idx1-ubyte.gz OUT.csv [--train 15000]
"""
import gzip
import struct
import sys

import numpy as np
from sklearn.neighbors import KNeighborsClassifier


def main():
    feats, labels_gz, out = sys.argv[1:4]
    train = int(sys.argv[sys.argv.index("--train") + 1]) if "--train" in sys.argv else 15000
    x = np.loadtxt(feats, delimiter=",")
    with gzip.open(labels_gz) as f:
        _, count = struct.unpack(">II", f.read(8))
        labels = np.frombuffer(f.read(), dtype=np.uint8).astype(int)[:count]
    n, missing = len(x), len(labels) - len(x)
    if missing <= 0:
        np.savetxt(out, labels[:n], fmt="%d")
        print(f"realign: {n} images, {len(labels)} labels: nothing to do")
        return
    pred = KNeighborsClassifier(n_neighbors=10).fit(x[:train], labels[:train]).predict(x)
    # agree[o][i]: image i's prediction equals label i + o
    agree = np.array([(pred == labels[o:o + n]).astype(np.int64) for o in range(missing + 1)])
    # best[o]: most agreements over the images so far, ending at offset o; offsets never decrease
    best = np.full(missing + 1, -10**12, dtype=np.int64)
    best[0] = 0
    came = np.zeros((n, missing + 1), dtype=np.int8)
    for i in range(n):
        nxt = best.copy()
        for o in range(1, missing + 1):
            if best[o - 1] > nxt[o]:
                nxt[o] = best[o - 1]
                came[i, o] = 1
        best = nxt + agree[:, i]
    offset = np.zeros(n, dtype=int)
    o = missing
    for i in range(n - 1, -1, -1):
        offset[i] = o
        if came[i, o]:
            o -= 1
    gaps = [int(i) for i in range(1, n) if offset[i] != offset[i - 1]] + ([0] if offset[0] else [])
    fixed = labels[np.arange(n) + offset]
    np.savetxt(out, fixed, fmt="%d")
    print(f"realign: {n} images, {len(labels)} labels; images go missing before image(s) {sorted(gaps)}; "
          f"classifier agreement {np.mean(pred == labels[:n]):.3f} as given, {np.mean(pred == fixed):.3f} realigned")


if __name__ == "__main__":
    main()
