"""Writes a synthetic feature dataset .npz in the layout of the C# FeatureDatasetWriter, for quick training tests.

Device d's bursts are a fixed random pattern P_d plus Gaussian noise (both seeded), so a CNN separates them quickly.
The preprocessing JSON describes a small spectrogram (1 SF7 preamble symbol at 1 MS/s, 64-sample windows, hop 32,
rows 16..47) whose shape, 32 x 31 (stft), matches the arrays.

usage: /usr/bin/python3 models/synthetic_dataset.py OUT.npz [--devices 4] [--bursts 24] [--noise 0.5] [--seed 7]
       [--preset small|reference]
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

# The reference spectrogram (C# PreprocessingParameters defaults): 8 SF7 symbols, window 256, hop 128, 102 x 62.
REFERENCE_PREPROCESSING = {
    "schema_version": 1, "sample_rate_hz": 1000000.0, "spreading_factor": 7, "bandwidth_hz": 125000.0,
    "preamble_symbols": 8, "window_length": 256, "hop_length": 128, "fft_size": 256, "bin_crop_start": 77,
    "bin_crop_count": 102, "kind": "channel_independent", "scaling": "log_power", "log_floor": 1e-12,
    "normalization": "rms_amplitude", "compensate_cfo": True,
}
PRESETS = {"small": (SMALL_PREPROCESSING, 32, 31), "reference": (REFERENCE_PREPROCESSING, 102, 62)}


def make(devices, bursts, noise, seed, bins=BINS, frames=FRAMES):
    rng = np.random.RandomState(seed)
    patterns = rng.normal(size=(devices, bins, frames)).astype(np.float32)
    labels = np.repeat(np.arange(devices, dtype=np.int32), bursts)
    features = patterns[labels] + noise * rng.normal(size=(len(labels), bins, frames)).astype(np.float32)
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
    p.add_argument("--preset", choices=sorted(PRESETS), default="small",
                   help="small: 32 x 31 features; reference: the default 102 x 62 channel-independent spectrogram")
    a = p.parse_args(argv)
    preprocessing, bins, frames = PRESETS[a.preset]
    features, labels, cfo, snr = make(a.devices, a.bursts, a.noise, a.seed, bins, frames)
    names = np.array([f"dev{d}" for d in range(a.devices)])
    with open(a.out, "wb") as f:
        np.savez(f, features=features, labels=labels, cfo_hz=cfo, snr_db=snr, device_names=names,
                 preprocessing=np.array(json.dumps(preprocessing, separators=(",", ":"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
