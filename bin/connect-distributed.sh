#!/usr/bin/env bash
# Starts a distributed Tributary worker, exactly like Apache Kafka's script of the same name:
#   bin/connect-distributed.sh [-daemon] [-loggc] [-name NAME] connect-distributed.properties
set -euo pipefail
if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  echo "USAGE: $0 [-daemon] [-loggc] [-name NAME] connect-distributed.properties" >&2
  exit 1
fi
# The real path, so a symbolic link to this script (e.g. in /usr/local/bin) works.
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib/launcher.sh"
tr_run_main io.tributary.connect.cli.ConnectDistributed connectDistributed "$@"
