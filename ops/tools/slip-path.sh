#!/usr/bin/env bash
# Which production files one slip runs through: the HTTP command, its event, the projection, and the two
# reads that show it (the saving, its programme's summary), after a warm-up of the same requests, as the
# JaCoCo agent sees them run. docs/architecture.md ("The path of one slip") is drawn from its list.
# Usage, after the README's build: ops/tools/slip-path.sh [ops/target/savings-ledger.jar] [work dir]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$(realpath "${1:-$ROOT/ops/target/savings-ledger.jar}"); DIR=${2:-$(mktemp -d)}; PORT=18181; LABEL=slip-path
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" dependency:copy -Dartifact=org.jacoco:org.jacoco.agent:0.8.15:jar:runtime -DoutputDirectory="$DIR/jacoco"
"$ROOT/mvnw" -q -f "$ROOT/pom.xml" dependency:copy -Dartifact=org.jacoco:org.jacoco.cli:0.8.15:jar:nodeps -DoutputDirectory="$DIR/jacoco"
AGENT=$DIR/jacoco/org.jacoco.agent-0.8.15-runtime.jar
CLI=$DIR/jacoco/org.jacoco.cli-0.8.15-nodeps.jar
rm -rf $DIR/classes $DIR/data; mkdir -p $DIR/classes; cp "$JAR" $DIR/app.jar
cd $DIR
java -javaagent:$AGENT=output=tcpserver,port=6301,includes=org.savingsledger.*:db.migration.* -jar app.jar \
  --server.port=$PORT --ledger.data-dir=$DIR/data > app.log 2>&1 &
APP=$!
trap "kill $APP 2>/dev/null" EXIT
for i in $(seq 1 180); do grep -q "Started" app.log && break; sleep 1; done
PW=$(grep -o "Generated password for the administrator 'admin': [^ ]*" app.log | awk '{print $NF}')
H=localhost:$PORT
c() { curl -s -u admin:"$PW" "$@"; echo; }
c -X POST $H/api/programmes -H 'Content-Type: application/json' -d '{"id":"p1","organisation":"nottinghamshire","name":"P","savingsTarget":17981000,"firstYear":"2018/19","lastYear":"2021/22"}'
c -X POST $H/api/programmes/p1/savings -H 'Content-Type: application/json' -d '{"id":"s1","title":"S","confidence":"CONFIDENT","stage":"IN_DELIVERY","profile":{"2018/19":5379000,"2019/20":3461000,"2020/21":1696000},"effectiveDate":"2018-02-26"}'
slip() { c -X POST $H/api/savings/s1/slips -H 'Content-Type: application/json' -d "{\"fromYear\":\"2018/19\",\"toYear\":\"2020/21\",\"amount\":$1,\"reason\":\"r$1\",\"decisionRef\":\"d\",\"effectiveDate\":\"2018-03-12\"}"; }
# warm-up: the same requests once, so that first-use code (caches, lazy init) is not counted
T=$(slip 1000 | grep -o '"consistencyToken":"[0-9]*"' | grep -o '[0-9]*')
c "$H/api/savings/s1?consistencyToken=$T" > /dev/null; c "$H/api/programmes/p1?consistencyToken=$T" > /dev/null
sleep 3
java -jar $CLI dump --port 6301 --reset --destfile warm.exec > /dev/null
sleep 5   # idle, measured alone: what runs with no request
java -jar $CLI dump --port 6301 --reset --destfile idle.exec > /dev/null
T=$(slip 2000 | grep -o '"consistencyToken":"[0-9]*"' | grep -o '[0-9]*')
c "$H/api/savings/s1?consistencyToken=$T" > saving.json
c "$H/api/programmes/p1?consistencyToken=$T" > programme.json
sleep 2
java -jar $CLI dump --port 6301 --reset --destfile slip.exec > /dev/null
cd classes && unzip -q ../app.jar 'BOOT-INF/lib/*' && for j in BOOT-INF/lib/{shared-events,command-side,query-side,ledger-web,ops}*.jar; do [ -f "$j" ] && unzip -qo "$j" 'org/*' 'db/*' 2>/dev/null || true; done; unzip -qo ../app.jar 'BOOT-INF/classes/*'; cp -r BOOT-INF/classes/org . ; rm -rf BOOT-INF; cd ..
for e in idle slip; do
  java -jar $CLI report $e.exec --classfiles classes --csv $e.csv > /dev/null
  # a file is on the path when any of its classes ran a line; nested classes belong to their outer file
  awk -F, 'NR>1 && $9>0 {split($3,a,"."); print $2"."a[1]}' $e.csv | sort -u > $e.files
done
cat slip.files
echo "$LABEL: files executed during one slip + its two queries: $(wc -l < slip.files); while idle: $(wc -l < idle.files); on both: $(comm -12 slip.files idle.files | wc -l)"
