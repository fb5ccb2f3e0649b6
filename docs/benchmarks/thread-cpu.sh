#!/bin/bash
# CPU of the runner's threads (per cent of a core) from /proc over 20 s, 30 s into a 60 s SQLite booking load
# (see sqlite-fourteenth-thread-cpu.txt). usage, from the repository's root: docs/benchmarks/thread-cpu.sh RUNNER_JAR SHELL_JAR LABEL
J25=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
( $J25/bin/java -jar benchmarks/target/seatline-benchmarks.jar --scenarios book --clients 64 --duration 40s --warmup 20s --runs 1 --runner-jar $1 --shell-jar $2 --output /tmp/tc-$3 --name tc > /tmp/tc-$3.log 2>&1 & )
sleep 30
PID=$(pgrep -f 'AOTCache=.*seatline-run' | head -1)
snap() { python3 - $PID <<'PY'
import os,sys,re,collections
pid=sys.argv[1]; c=collections.Counter()
for t in os.listdir(f'/proc/{pid}/task'):
    try:
        name=open(f'/proc/{pid}/task/{t}/comm').read().strip()
        f=open(f'/proc/{pid}/task/{t}/stat').read().rsplit(')',1)[1].split()
    except Exception: continue
    name=re.sub(r'\d+$','',name); c[name]+=int(f[11])+int(f[12])
print(repr(dict(c)))
PY
}
A=$(snap); sleep 20; B=$(snap)
python3 - "$A" "$B" $3 <<'PY'
import sys,ast
a=ast.literal_eval(sys.argv[1]); b=ast.literal_eval(sys.argv[2])
d={k:(b[k]-a.get(k,0))/20 for k in b}
tot=sum(d.values())
print(sys.argv[3], 'total %.0f%%' % tot, ' '.join(f'{k}={v:.0f}%' for k,v in sorted(d.items(), key=lambda x:-x[1])[:7]))
PY
sleep 35
grep -E '^  book' /tmp/tc-$3.log | head -1
