#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing (idempotent; needs root for apt-get):
# PostgreSQL for the registry and service tests, libuhd 4.3 for the UHD binding tests, Python with NumPy, h5py,
# PyTorch and ONNX for the training scripts and the HDF5 dataset reader, Chromium for the dashboard's browser tests.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(postgresql libuhd4.3.0 python3-numpy python3-h5py python3-torch python3-onnx chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test-packages: missing ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "test-packages: installing ${missing[*]}" >&2
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
