#!/usr/bin/env bash
# ctest wrapper: the observability checks. promtool checks the alerting
# rules (and runs their unit tests, alerts_test.yml) and the Prometheus config in deploy/prometheus, then metrics.test.js
# runs a real Prometheus against a real `f5tts serve` (test model). Missing
# tools are a failure with a message, never a silent skip.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
for t in node promtool prometheus; do
  command -v "$t" >/dev/null || { echo "FAIL: $t is not installed (scripts/install-deps.sh)"; exit 1; }
done
[ -d "$here/node_modules/playwright-core" ] || { echo "FAIL: run scripts/install-deps.sh (npm install in tests/service)"; exit 1; }
promtool check rules "$root/deploy/prometheus/alerts.yml" || { echo "FAIL: promtool check rules"; exit 1; }
promtool test rules "$root/deploy/prometheus/alerts_test.yml" || { echo "FAIL: promtool test rules (an alert does not fire as specified)"; exit 1; }
promtool check config "$root/deploy/prometheus/prometheus.yml" || { echo "FAIL: promtool check config"; exit 1; }
# every PromQL expression of the Grafana dashboard must parse: as recording rules for promtool
dash_rules="$(mktemp --suffix=.yml)"
trap 'rm -f "$dash_rules"' EXIT
node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const out = ["groups:", "  - name: dashboard", "    rules:"];
  d.panels.forEach((p, i) => p.targets.forEach((t) =>
    out.push(`      - record: dashboard:p${i}:${t.refId}`, `        expr: ${JSON.stringify(t.expr)}`)));
  if (d.panels.length < 8) throw new Error("dashboard has too few panels");
  console.log(out.join("\n"));' "$root/deploy/grafana/dashboard.json" > "$dash_rules" || { echo "FAIL: deploy/grafana/dashboard.json unreadable"; exit 1; }
promtool check rules "$dash_rules" || { echo "FAIL: a dashboard expression does not parse"; exit 1; }
export F5_BIN="${F5_BIN:-$root/build/f5tts}"
cd "$here" && node --test --test-reporter=spec metrics.test.js
