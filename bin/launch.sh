# Shared by bin/seatline and bin/seatline-runner (sourced, not run): starts one of the packaged apps with the JVM
# options it is measured with, from the ahead-of-time class cache the build leaves beside it when the JVM is 25 or
# newer (docs/start-time.md). Without that cache (Java 17 to 24, or a build that skipped it) the same app starts from
# its jar, only slower.
#
# Callers set app (the module folder), name (the jar's name without .jar) and jvm_options, source this file, define
# train_run (the training run) and light (true for arguments that start only a few classes of the app), and call
# launch "$@".
# SEATLINE_AOT=train: instead of serving, make the cache (the build does this; see the module's pom.xml).

root=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
target="$root/$app/target"
jar="$target/$name.jar"
extracted="$target/aot/$name.jar"
cache="$target/aot/$name.aot"
# on every JVM from 17 on: sqlite-jdbc loads its native library (Java 24 and later warn of that unless told), and
# Java 25.0's cache of adapter stubs warns at every start that it cannot link one of its own entries (harmless)
jvm_options="$jvm_options --enable-native-access=ALL-UNNAMED -XX:+IgnoreUnrecognizedVMOptions \
-XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching"
if [ -n "${JAVA_HOME:-}" ]; then
	java="$JAVA_HOME/bin/java"
else
	java=java
fi

launch() {
	if [ ! -f "$jar" ]; then
		echo "No $jar: build it first with ./mvnw -q -DskipTests package" >&2
		exit 1
	fi
	if [ "${SEATLINE_AOT:-}" = train ]; then
		train "$@"
		return
	fi
	# the cache only counts for the extracted copy of the jar it was made from, and only on the JVM that made it:
	# any other JVM says so in one warning line and starts without it, which the next line avoids asking for
	if [ -f "$cache" ] && [ "$cache" -nt "$jar" ]; then
		if light "$@"; then
			# the cache loads every class it holds as the JVM starts: worth it for the app, not for a few classes
			# shellcheck disable=SC2086
			exec "$java" $jvm_options ${JAVA_OPTS:-} -jar "$extracted" "$@"
		fi
		if [ "$(cat "$cache.java" 2>/dev/null)" = "$(java_version)" ]; then
			# shellcheck disable=SC2086 # the options are words on purpose
			exec "$java" $jvm_options -XX:AOTCache="$cache" ${JAVA_OPTS:-} -jar "$extracted" "$@"
		fi
	fi
	# shellcheck disable=SC2086
	exec "$java" $jvm_options ${JAVA_OPTS:-} -jar "$jar" "$@"
}

# the exact build of the JVM, from its release file (no second JVM started to ask it)
java_version() {
	home=$(dirname -- "$(dirname -- "$(readlink -f -- "$(command -v -- "$java")")")")
	sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$home/release" 2>/dev/null
}

# Extracts the jar (Spring Boot's tools mode: the app's classes in one jar, its libraries beside it, the layout the
# JVM's cache can record) and runs the app once with -XX:AOTCacheOutput, which records the classes it loads and links
# (and their profiles) into the cache as the JVM exits. The training run is the caller's train_run.
train() {
	rm -rf "$target/aot"
	"$java" -Djarmode=tools -jar "$jar" extract --destination "$target/aot" > /dev/null
	log="$target/aot/training.log"
	if ! train_run "$@" > "$log" 2>&1 || [ ! -f "$cache" ]; then
		tail -n 40 "$log" >&2
		echo "The training run of $name failed (its whole output: $log); the app still starts, without the cache" >&2
		exit 1
	fi
	java_version > "$cache.java"
	echo "Made the class cache $cache ($(du -m "$cache" | cut -f1) MB) from a training run (its output: $log)"
}
