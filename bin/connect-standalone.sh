#!/usr/bin/env bash
# Starts a standalone Tributary worker, exactly like Apache Kafka's script of the same name:
#   bin/connect-standalone.sh [-daemon] [-loggc] [-name NAME] worker.properties [connector.properties|connector.json ...]
set -euo pipefail
if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  echo "USAGE: $0 [-daemon] [-loggc] [-name NAME] connect-standalone.properties [connector1.properties connector2.json ...]" >&2
  exit 1
fi
# The real path, so a symbolic link to this script (e.g. in /usr/local/bin) works.
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib/launcher.sh"
tr_run_main io.tributary.connect.cli.ConnectStandalone connectStandalone "$@"
