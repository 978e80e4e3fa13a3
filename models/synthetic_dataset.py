"""Writes a synthetic feature dataset .npz in the layout of the C# FeatureDatasetWriter, for quick training tests.

Device d's bursts are a fixed random pattern P_d plus Gaussian noise (both seeded), so a CNN separates them quickly.
The preprocessing JSON describes a small spectrogram (1 SF7 preamble symbol at 1 MS/s, 64-sample windows, hop 32,
rows 16..47) whose shape, 32 x 31 (stft), matches the arrays.

usage: /usr/bin/python3 models/synthetic_dataset.py OUT.npz [--devices 4] [--bursts 24] [--noise 0.5] [--seed 7]
"""

import argparse
import json
import sys

import numpy as np

SMALL_PREPROCESSING = {
    "schema_version": 1, "sample_rate_hz": 1000000.0, "spreading_factor": 7, "bandwidth_hz": 125000.0,
    "preamble_symbols": 1, "window_length": 64, "hop_length": 32, "fft_size": 64, "bin_crop_start": 16,
    "bin_crop_count": 32, "kind": "stft", "scaling": "log_power", "log_floor": 1e-12,
    "normalization": "rms_amplitude", "compensate_cfo": True,
}
BINS, FRAMES = 32, 31


def make(devices, bursts, noise, seed):
    rng = np.random.RandomState(seed)
    patterns = rng.normal(size=(devices, BINS, FRAMES)).astype(np.float32)
    labels = np.repeat(np.arange(devices, dtype=np.int32), bursts)
    features = patterns[labels] + noise * rng.normal(size=(len(labels), BINS, FRAMES)).astype(np.float32)
    cfo = (np.linspace(-5000, 5000, devices)[labels] + 50 * rng.normal(size=len(labels))).astype(np.float64)
    snr = rng.uniform(10, 30, size=len(labels))
    return features[:, None].astype(np.float32), labels, cfo, snr


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--devices", type=int, default=4)
    p.add_argument("--bursts", type=int, default=24, help="per device")
    p.add_argument("--noise", type=float, default=0.5)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args(argv)
    features, labels, cfo, snr = make(a.devices, a.bursts, a.noise, a.seed)
    names = np.array([f"dev{d}" for d in range(a.devices)])
    with open(a.out, "wb") as f:
        np.savez(f, features=features, labels=labels, cfo_hz=cfo, snr_db=snr, device_names=names,
                 preprocessing=np.array(json.dumps(SMALL_PREPROCESSING, separators=(",", ":"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
