package io.seatline.engine.notification;

import java.util.Properties;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import io.seatline.engine.jobs.JobSettings;

/**
 * Chooses where mail goes from the contract's settings: SMTP when {@code MAIL_SERVER} is set (with
 * {@code MAIL_PORT}, {@code MAIL_USERNAME}, {@code MAIL_PASSWORD}, {@code MAIL_USE_TLS}), else the outbox folder.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final Log logger = LogFactory.getLog(MailConfiguration.class);

	// Jakarta Mail looks its stream provider up on every message it writes: from this property when it names a class
	// it can load, else with a ServiceLoader scan of the class path, which in a packaged jar was two thirds of the
	// CPU an email cost. Angus Mail is the implementation the engine ships with.
	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	@Bean
	MailTransport mailTransport(Environment environment, JobSettings settings) {
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
		var server = environment.getProperty("MAIL_SERVER", "").strip();
		MailTransport transport;
		if (server.isEmpty()) {
			transport = new OutboxTransport(settings.outboxDir());
		}
		else {
			var tls = Boolean.parseBoolean(environment.getProperty("MAIL_USE_TLS", "false").strip());
			var port = Integer.parseInt(environment.getProperty("MAIL_PORT", tls ? "587" : "25").strip());
			var sender = new JavaMailSenderImpl();
			sender.setHost(server);
			sender.setPort(port);
			var username = environment.getProperty("MAIL_USERNAME", "");
			if (!username.isBlank()) {
				sender.setUsername(username);
				sender.setPassword(environment.getProperty("MAIL_PASSWORD", ""));
			}
			var properties = new Properties();
			properties.put("mail.smtp.auth", Boolean.toString(!username.isBlank()));
			// a server that hangs must not hold a worker thread forever: the job fails and retries
			properties.put("mail.smtp.connectiontimeout", "10000");
			properties.put("mail.smtp.timeout", "10000");
			properties.put("mail.smtp.writetimeout", "10000");
			if (tls && port == 465) {
				properties.put("mail.smtp.ssl.enable", "true");
			}
			else if (tls) {
				properties.put("mail.smtp.starttls.enable", "true");
				properties.put("mail.smtp.starttls.required", "true");
			}
			sender.setJavaMailProperties(properties);
			transport = new SmtpTransport(sender, server + ":" + port);
		}
		logger.info("Emails go to " + transport.describe());
		return transport;
	}
}
