package io.seatline.engine.account;

/** The command to open a user account; the compact constructor applies the password policy. */
public record RegisterAccount(String username, String email, String password) {

	public RegisterAccount {
		username = PasswordPolicy.username(username);
		email = PasswordPolicy.email(email);
		password = PasswordPolicy.newPassword(password, username, "password");
	}

	@Override
	public String toString() {
		return "RegisterAccount[username=" + this.username + ", email=" + this.email + "]";
	}
}
