#!/usr/bin/env bash
# Makes this checkout runnable from its committed bundle (dist-bundle/): runtime dependencies only — no
# devDependency, no TypeScript build. Used by the GitHub Action and the pre-commit hook. re2, a native
# module, fetches its prebuilt binary; only where none exists for the platform does it build from source.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/check-node.cjs
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline
npm rebuild re2 --no-audit --no-fund --prefer-offline
