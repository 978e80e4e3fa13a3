"""How separable a simulated population is (numbers quoted in sdr/README.md).

Usage: /usr/bin/python3 separability.py TRAIN_DIR TEST_DIR
TRAIN_DIR and TEST_DIR hold devNN.sigmf-meta/-data written by SimulationRunner (cf32_le).
Prints: CFO ranges per device and a CFO-only nearest-mean classifier (true CFO, first half of the
training bursts against the second half); then spectrogram classifiers trained on TRAIN_DIR and tested on
TEST_DIR (nearest centroid and softmax regression; plain and channel-independent spectrograms as in
SIGNALS.md). Preambles are CFO-compensated with the ground-truth rffp:true_cfo_hz.
"""
import glob
import json
import os
import sys

import numpy as np
import torch


def load(directory, compensate=True):
    samples, labels, cfos = [], [], []
    for meta_path in sorted(glob.glob(os.path.join(directory, "dev*.sigmf-meta"))):
        meta = json.load(open(meta_path))
        data = np.memmap(meta_path.replace(".sigmf-meta", ".sigmf-data"), dtype=np.complex64, mode="r")
        fs = meta["global"]["core:sample_rate"]
        for a in meta["annotations"]:
            start, n = a["core:sample_start"], a["rffp:preamble_samples"]
            x = np.array(data[start:start + n])
            if compensate:
                x = x * np.exp(-2j * np.pi * a["rffp:true_cfo_hz"] * np.arange(n) / fs)
            samples.append(x)
            labels.append(a["rffp:device_index"])
            cfos.append(a["rffp:true_cfo_hz"])
    return np.array(samples), np.array(labels), np.array(cfos)


def spectrogram(x, channel_independent):
    x = x / np.sqrt(np.mean(np.abs(x) ** 2, axis=1, keepdims=True))
    window, hop = 256, 128
    frames = (x.shape[1] - window) // hop + 1
    index = np.arange(window)[None, :] + hop * np.arange(frames)[:, None]
    s = np.fft.fftshift(np.fft.fft(x[:, index], axis=2), axes=2)[:, :, 77:179]
    if channel_independent:
        s = s[:, 1:, :] / s[:, :-1, :]
    return np.log10(np.abs(s) ** 2 + 1e-12).astype(np.float32).reshape(len(x), -1)


def cfo_report(directory):
    _, y, cfo = load(directory, compensate=False)
    ranges = sorted((cfo[y == d].min(), cfo[y == d].max(), d) for d in sorted(set(y)))
    for low, high, d in ranges:
        print(f"dev{d:02d}: CFO {low:9.1f} .. {high:9.1f} Hz (span {high - low:6.1f})")
    print("adjacent overlapping CFO ranges:", sum(1 for a, b in zip(ranges, ranges[1:]) if b[0] <= a[1]))
    train = np.zeros(len(y), bool)
    for d in set(y):
        idx = np.where(y == d)[0]
        train[idx[: len(idx) // 2]] = True
    devices = np.array(sorted(set(y)))
    means = np.array([cfo[train & (y == d)].mean() for d in devices])
    predicted = devices[np.argmin(np.abs(cfo[~train, None] - means[None, :]), axis=1)]
    print(f"CFO-only nearest-mean accuracy: {(predicted == y[~train]).mean():.3f}")


def spectrogram_report(train_dir, test_dir, channel_independent):
    torch.manual_seed(0)
    xa, ya, _ = load(train_dir)
    xb, yb, _ = load(test_dir)
    sa, sb = spectrogram(xa, channel_independent), spectrogram(xb, channel_independent)
    mu, sd = sa.mean(0), sa.std(0) + 1e-6
    sa, sb = (sa - mu) / sd, (sb - mu) / sd
    classes = int(ya.max()) + 1
    centroids = np.stack([sa[ya == d].mean(0) for d in range(classes)])
    nearest = np.argmin(((sb[:, None, :] - centroids[None]) ** 2).sum(-1), axis=1)
    model = torch.nn.Linear(sa.shape[1], classes)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    xt, yt = torch.tensor(sa), torch.tensor(ya)
    for _ in range(300):
        optimiser.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(xt), yt)
        loss.backward()
        optimiser.step()
    with torch.no_grad():
        linear = model(torch.tensor(sb)).argmax(1).numpy()
    kind = "channel-independent" if channel_independent else "plain"
    print(f"{kind} spectrogram: nearest centroid {(nearest == yb).mean():.3f}, softmax regression {(linear == yb).mean():.3f}")


if __name__ == "__main__":
    torch.set_num_threads(2)
    cfo_report(sys.argv[1])
    spectrogram_report(sys.argv[1], sys.argv[2], False)
    spectrogram_report(sys.argv[1], sys.argv[2], True)
