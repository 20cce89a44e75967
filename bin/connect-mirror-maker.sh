#!/usr/bin/env bash
# Starts a node of a dedicated MirrorMaker 2 cluster, like Apache Kafka's script of the same name:
#   bin/connect-mirror-maker.sh [-daemon] [-loggc] [-name NAME] mm2.properties [--clusters CLUSTER [CLUSTER ...]]
# --clusters limits this node to the flows into those target clusters (all flows without it).
set -euo pipefail
if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  echo "USAGE: $0 [-daemon] [-loggc] [-name NAME] mm2.properties [--clusters CLUSTER [CLUSTER ...]]" >&2
  exit 1
fi
# The real path, so a symbolic link to this script (e.g. in /usr/local/bin) works.
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib/launcher.sh"
tr_run_main io.tributary.connect.mirror.ConnectMirrorMaker mirrorMaker "$@"
