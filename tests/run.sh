#!/usr/bin/env bash
# Runs every test in the solution: installs the Debian packages the tests need if they are missing
# (.ci/test-packages.sh), makes sure PostgreSQL is up on loopback (.ci/postgres.sh; stop it with
# `bash .ci/postgres.sh stop`), runs `dotnet test` on the whole solution and ends with one summary line
# "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash .ci/test-packages.sh

if [[ -f .ci/postgres.sh ]]; then
  # shellcheck source=/dev/null
  source .ci/postgres.sh start
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test RfFingerprint.sln --nologo -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One line for humans and CI: the per-assembly lines of `dotnet test` added up.
awk '/(Passed|Failed)! +- Failed: /{
       gsub(",", ""); for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
