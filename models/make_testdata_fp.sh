#!/bin/sh
# Regenerates models/testdata-fp/: tiny models trained on a synthetic dataset, with PyTorch reference outputs,
# used by the C# FingerprintModel tests. Deterministic: rerunning gives the same .onnx bytes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/synthetic_dataset.py" "$work/synthetic.npz" --devices 3 --bursts 12 --seed 7
for kind in classifier extractor; do
  /usr/bin/python3 "$here/train.py" --data "$work/synthetic.npz" --kind "$kind" --out "$here/testdata-fp/tiny_$kind.onnx" \
    --epochs 10 --batch-size 16 --widths 4,4,8 --embedding-dim 8 --seed 5 --reference-count 3 --model-version "tiny-$kind"
done
