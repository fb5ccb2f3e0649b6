package io.seatline.shell;

/**
 * The jar's entry point. {@code invoke ... --url URL} (or with {@code SEATLINE_URL} set) calls a running runner and
 * exits, with nothing but the JDK's HTTP client: no Spring context, no engine, no database, so it starts in well
 * under a second. Everything else starts {@link SeatlineShell}. This class refers to no Spring type, so that loading
 * it opens none of the jars of Spring.
 */
public final class ShellMain {

	private ShellMain() {
	}

	public static void main(String[] args) {
		var remote = RemoteInvoke.runArguments(args, System.getenv());
		if (remote != null) {
			System.exit(remote);
		}
		SeatlineShell.main(args);
	}
}
