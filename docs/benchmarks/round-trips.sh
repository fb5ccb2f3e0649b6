#!/bin/bash
# Counts the round trips to PostgreSQL per request of the runner given (see pg-round-trips-per-booking.txt).
# usage: docs/benchmarks/round-trips.sh RUNNER_JAR SHELL_JAR LABEL
cd "$(dirname "$0")/../.."
J25=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
( $J25/bin/java -jar benchmarks/target/seatline-benchmarks.jar --postgres-embedded --scenarios book --clients 64 --duration 20s --warmup 15s --runs 1 --runner-jar $1 --shell-jar $2 --output /tmp/rt-$3 --name rt > /tmp/rt-$3.log 2>&1 & )
sleep 30
PID=$(pgrep -f 'AOTCache=.*seatline-run' | head -1)
for t in $(ls /proc/$PID/task); do echo "$t $(cat /proc/$PID/task/$t/comm)"; done > /tmp/tids-$3.txt
timeout 4 strace -f -p $PID -e trace=write -s 40 -o /tmp/rt-$3.strace 2>/dev/null
sleep 25
python3 - $3 <<'PY'
import sys,re,collections
l=sys.argv[1]
names={}
for line in open(f'/tmp/tids-{l}.txt'):
    t,n=line.split(' ',1); names[t]=n.strip()
kind=collections.Counter(); units=0; emails=0
for line in open(f'/tmp/rt-{l}.strace'):
    m=re.match(r'(\d+)\s+write\((\d+), "(.{0,12})',line)
    if not m: continue
    t,fd,data=m.groups(); n=names.get(t,'?')
    if data.startswith('Date: '): emails+=1; continue
    if fd in ('1','2'): continue
    if n=='seatline-writer':
        kind['writer']+=1
        if 'SAVEPOINT' in line and 'RELEASE' not in line: units+=1
    elif n.startswith('db-scheduler'): kind['email worker + scheduler']+=1
    elif n.startswith('http'): kind['request threads']+=1
    else: kind['other '+n]+=1
print(l, 'requests through the writer', units, 'emails', emails)
for k,v in kind.most_common(): print(f'  {k}: {v} writes, {v/max(units,1):.1f} per request' + (f', {v/max(emails,1):.1f} per email' if 'email' in k else ''))
PY
