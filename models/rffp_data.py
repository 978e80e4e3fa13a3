"""Dataset I/O shared by the training scripts.

Feature datasets are written by the C# library (RfFingerprint.Fingerprinting.Datasets.FeatureDatasetWriter):
an .npz with features float32 [N, 1, F, T], labels int32 [N], cfo_hz / snr_db float64 [N],
device_names unicode [D] and preprocessing (0-d unicode, JSON). Everything loads with allow_pickle=False.

The public LoRa RFFI dataset (IEEE DataPort) ships HDF5 files with `data` (N x 16384: 8192 I values then
8192 Q values per packet) and `label` (1-based device index stored as a 1 x N row vector).
"""

import hashlib
import json

import numpy as np

LORA_RFFI_SAMPLES = 8192


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_features(path):
    """Loads a feature dataset .npz into a dict (arrays, device_names list, preprocessing dict, sha256)."""
    with np.load(path, allow_pickle=False) as z:
        missing = [k for k in ("features", "labels", "device_names", "preprocessing") if k not in z.files]
        if missing:
            raise ValueError(f"{path} lacks {', '.join(missing)}")
        features = np.ascontiguousarray(z["features"], dtype=np.float32)
        if features.ndim != 4 or features.shape[1] != 1:
            raise ValueError(f"{path}: features must be [N, 1, F, T], got {features.shape}")
        n = features.shape[0]
        labels = z["labels"].astype(np.int64)
        if labels.shape != (n,):
            raise ValueError(f"{path}: labels must be [{n}], got {labels.shape}")
        names = [str(s) for s in z["device_names"]]
        if n and (labels.min() < 0 or labels.max() >= len(names)):
            raise ValueError(f"{path}: a label is outside the {len(names)} device names")
        return {
            "features": features,
            "labels": labels,
            "cfo_hz": z["cfo_hz"].astype(np.float64) if "cfo_hz" in z.files else np.full(n, np.nan),
            "snr_db": z["snr_db"].astype(np.float64) if "snr_db" in z.files else np.full(n, np.nan),
            "device_names": names,
            "preprocessing_json": str(z["preprocessing"]),
            "preprocessing": json.loads(str(z["preprocessing"])),
            "sha256": sha256_file(path),
        }


def read_lora_rffi_h5(path, start=0, stop=None):
    """Reads packets [start, stop) of a LoRa RFFI dataset HDF5 file.

    Returns (iq complex64 [N, 8192], labels int32 [N] as the file's 1-based device numbers).
    """
    import h5py  # only this reader needs HDF5

    with h5py.File(path, "r") as f:
        if "data" not in f or "label" not in f:
            raise ValueError(f"{path} has no 'data' and 'label' datasets")
        data = np.asarray(f["data"][start:stop], dtype=np.float64)
        label = np.asarray(f["label"][:]).reshape(-1)[start:stop]
    if data.ndim != 2 or data.shape[1] != 2 * LORA_RFFI_SAMPLES:
        raise ValueError(f"{path}: data must be N x {2 * LORA_RFFI_SAMPLES}, got {data.shape}")
    if label.shape[0] != data.shape[0]:
        raise ValueError(f"{path}: {label.shape[0]} labels for {data.shape[0]} packets")
    iq = (data[:, :LORA_RFFI_SAMPLES] + 1j * data[:, LORA_RFFI_SAMPLES:]).astype(np.complex64)
    return iq, np.rint(label).astype(np.int32)


def write_iq_npz(path, iq, device_numbers, sample_rate_hz):
    """Writes raw preambles for the C# export (RfFingerprint.Fingerprinting.Datasets.IqDataset).

    Labels are made 0-based and compact; device_names[i] = "device_NN" with the file's 1-based number NN.
    """
    numbers = sorted(set(int(d) for d in device_numbers))
    index = {d: i for i, d in enumerate(numbers)}
    labels = np.array([index[int(d)] for d in device_numbers], dtype=np.int32)
    names = np.array([f"device_{d:02d}" for d in numbers])
    with open(path, "wb") as f:
        np.savez(f, iq=np.ascontiguousarray(iq, dtype=np.complex64), labels=labels,
                 device_names=names, sample_rate_hz=np.float64(sample_rate_hz))
