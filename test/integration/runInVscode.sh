#!/usr/bin/env bash
# The real-editor suites (npm run test:vscode): package the extension, then in VS Code 1.100
# (code-server + Chromium, ../shared/vscode-harness):
#   1. activation suite in an empty window (no workspaceContains event to hide a bad activation),
#   2. the integration suites in the extension host, on a scratch copy of test/fixtures/workspace,
#   3. the UI script against the installed .vsix, whose screenshots are copied to docs/images/.
# Prints mocha-style "N passing" / "N failing" lines per suite; exits non-zero if anything failed.
# Expects `npm run build` to have run (the npm script does it).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
HARNESS="$ROOT/../shared/vscode-harness"
VSIX="$ROOT/minimal-viable-prompt.vsix"
export VSH_TIMEOUT="${VSH_TIMEOUT:-300}"
failed=0

# The README links docs/images/ relatively and the repository has no public URL yet, and there is
# no LICENSE file at the top level: tell vsce so instead of letting it prompt.
echo "== package"
if ! npm run --silent package -- --no-dependencies --skip-license --allow-missing-repository --no-rewrite-relative-links; then
  echo "packaging failed"; exit 1
fi
ls -l "$VSIX"

echo "== harness setup"
bash "$HARNESS/setup.sh" || { echo "harness setup failed"; exit 1; }
# The production build replaced the bundles; the test bundles (out/) come from the normal build.
[ -f "$ROOT/out/test/integration/index.js" ] || node esbuild.mjs

scratch() { local d; d="$(mktemp -d)"; cp -r "$ROOT/test/fixtures/workspace" "$d/ws"; echo "$d/ws"; }

run_suite() { # run_suite NAME LOG command…
  local name="$1" log="$2"; shift 2
  echo "== $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || { echo "$name: FAILED (exit $rc)"; failed=1; }
}

LOGS="$(mktemp -d)"
run_suite "activation (empty window)" "$LOGS/activation.log" \
  env MVP_SUITE=activation MVP_FIXTURE_WORKSPACE="$ROOT/test/fixtures/workspace" \
  bash "$HARNESS/run.sh" test "$ROOT" "$ROOT/out/test/integration/index.js"

WS="$(scratch)"
run_suite "integration (fixture workspace)" "$LOGS/integration.log" \
  bash "$HARNESS/run.sh" test "$ROOT" "$ROOT/out/test/integration/index.js" "$WS"
rm -rf "$(dirname "$WS")"

WS="$(scratch)"
SHOTS="$LOGS/ui"
run_suite "ui (installed .vsix)" "$LOGS/ui.log" \
  env VSH_OUT="$SHOTS" bash "$HARNESS/run.sh" ui "$VSIX" "$WS" "$ROOT/test/ui/editor.ui.js"
rm -rf "$(dirname "$WS")"
ui_pass=$(grep -c '^ *PASS ' "$LOGS/ui.log" || true)
ui_fail=$(grep -c '^ *FAIL ' "$LOGS/ui.log" || true)
echo "  ${ui_pass} passing"
echo "  ${ui_fail} failing"
mkdir -p "$ROOT/docs/images"
for shot in "$SHOTS"/editor-*.png; do
  [ -f "$shot" ] && cp "$shot" "$ROOT/docs/images/"
done

echo "== real-editor suites: $([ "$failed" -eq 0 ] && echo PASS || echo FAIL) (mocha counts above: activation, integration, ui steps)"
if [ "$failed" -eq 0 ]; then rm -rf "$LOGS"; else echo "logs and screenshots kept in $LOGS"; fi
exit "$failed"
