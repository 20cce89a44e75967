#!/usr/bin/env bash
# Drives the reference worker through the lifecycle; each step logged with a millisecond timestamp.
U=http://localhost:38083
step() { echo; echo "### $(date +%s%3N) $*"; }
call() { local m=$1 p=$2; shift 2; echo ">>> $m $p $*"; curl -s -X "$m" -H 'Content-Type: application/json' "$U$p" "$@" -w '\n<<< %{http_code}\n'; }
wait_for() { for i in $(seq 1 60); do curl -s "$U$1" | grep -q "$2" && return 0; sleep 1; done; echo "TIMEOUT waiting $1 $2"; }
printf 'a1\na2\na3\n' > /tmp/obs/in-a.txt
step create src-a
call POST /connectors -d '{"name":"src-a","config":{"connector.class":"FileStreamSource","tasks.max":"1","file":"/tmp/obs/in-a.txt","topic":"obs-ks-data"}}'
wait_for /connectors/src-a/status '"tasks":\[{"id":0,"state":"RUNNING"'
sleep 3
step create sink-b tasks.max=2
call POST /connectors -d '{"name":"sink-b","config":{"connector.class":"FileStreamSink","tasks.max":"2","file":"/tmp/obs/out-b.txt","topics":"obs-ks-data"}}'
wait_for /connectors/sink-b/status '"id":1,"state":"RUNNING"'
sleep 3
step topics src-a
call GET /connectors/src-a/topics
step pause src-a
call PUT /connectors/src-a/pause
wait_for /connectors/src-a/status 'PAUSED'
step resume src-a
call PUT /connectors/src-a/resume
wait_for /connectors/src-a/status '"tasks":\[{"id":0,"state":"RUNNING"'
step put config src-a
call PUT /connectors/src-a/config -d '{"connector.class":"FileStreamSource","tasks.max":"1","file":"/tmp/obs/in-a.txt","topic":"obs-ks-data","batch.size":"100"}'
sleep 3
step patch config src-a
call PATCH /connectors/src-a/config -d '{"batch.size":"200"}'
sleep 3
step restart src-a includeTasks
call POST '/connectors/src-a/restart?includeTasks=true&onlyFailed=false'
sleep 3
step restart task sink-b/1
call POST /connectors/sink-b/tasks/1/restart
sleep 3
step restart src-a plain
call POST '/connectors/src-a/restart'
sleep 3
step stop src-a
call PUT /connectors/src-a/stop
wait_for /connectors/src-a/status '"state":"STOPPED"'
sleep 2
step offsets get src-a
call GET /connectors/src-a/offsets
step offsets patch src-a
call PATCH /connectors/src-a/offsets -d '{"offsets":[{"partition":{"filename":"/tmp/obs/in-a.txt"},"offset":{"position":3}}]}'
step offsets delete src-a
call DELETE /connectors/src-a/offsets
step topics reset src-a
call PUT /connectors/src-a/topics/reset
step resume src-a after stop
call PUT /connectors/src-a/resume
wait_for /connectors/src-a/status '"tasks":\[{"id":0,"state":"RUNNING"'
sleep 3
step stop sink-b + offsets alter
call PUT /connectors/sink-b/stop
wait_for /connectors/sink-b/status '"state":"STOPPED"'
call GET /connectors/sink-b/offsets
call PATCH /connectors/sink-b/offsets -d '{"offsets":[{"partition":{"kafka_topic":"obs-ks-data","kafka_partition":0},"offset":{"kafka_offset":1}}]}'
step failing sink
call POST /connectors -d '{"name":"sink-fail","config":{"connector.class":"FileStreamSink","tasks.max":"1","file":"/nonexistent/dir/out.txt","topics":"obs-ks-data"}}'
wait_for /connectors/sink-fail/status 'FAILED'
sleep 2
call GET /connectors/sink-fail/status
step restart failed onlyFailed
call POST '/connectors/sink-fail/restart?includeTasks=true&onlyFailed=true'
sleep 3
step initial paused
call POST /connectors -d '{"name":"src-paused","config":{"connector.class":"FileStreamSource","tasks.max":"1","file":"/tmp/obs/in-a.txt","topic":"obs-ks-data2"},"initial_state":"PAUSED"}'
sleep 3
step initial stopped
call POST /connectors -d '{"name":"src-stopped","config":{"connector.class":"FileStreamSource","tasks.max":"1","file":"/tmp/obs/in-a.txt","topic":"obs-ks-data3"},"initial_state":"STOPPED"}'
sleep 3
step delete src-paused, sink-fail
call DELETE /connectors/src-paused
call DELETE /connectors/sink-fail
sleep 3
step status all
call GET '/connectors?expand=status'
