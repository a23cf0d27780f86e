#!/usr/bin/env bash
# keyhound's hook for the pre-commit framework (language: script, run from pre-commit's clone of this
# repository). The first run installs runtime dependencies only, once (scripts/install-runtime.sh);
# every run then scans what is staged with the committed bundle.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ready="$root/node_modules/.keyhound-runtime"
if [ ! -e "$ready" ]; then
  lock="$root/.keyhound-install.lock"
  for _ in $(seq 1 900); do mkdir "$lock" 2>/dev/null && break; sleep 1; done
  [ -d "$lock" ] || { echo "keyhound: error: $lock is held by another install; remove it if none runs" >&2; exit 2; }
  trap 'rmdir "$lock" 2>/dev/null || true' EXIT
  if [ ! -e "$ready" ]; then
    echo "keyhound: first run: installing runtime dependencies (once, about a minute)" >&2
    if ! bash "$root/scripts/install-runtime.sh" >&2; then
      echo "keyhound: error: installing keyhound's dependencies failed (see above)" >&2
      exit 2
    fi
    : >"$ready"
  fi
fi
KEYHOUND_HOOK=pre-commit exec node "$root/dist-bundle/keyhound.mjs" staged "$@"
