package io.seatline.engine.account;

/**
 * Published inside the transaction in which an admin changed another account: who, whose, what, and how many of its
 * sessions that ended.
 */
public record AccountAdministered(String admin, String username, Change change, int sessionsEnded) {

	/** What the admin did, named as the function that does it. */
	public enum Change {

		DISABLED("disableAccount"), ENABLED("enableAccount"), PASSWORD_RESET("resetPassword");

		private final String action;

		Change(String action) {
			this.action = action;
		}

		/** The function's name: {@code disableAccount}, {@code enableAccount} or {@code resetPassword}. */
		public String action() {
			return this.action;
		}
	}
}
