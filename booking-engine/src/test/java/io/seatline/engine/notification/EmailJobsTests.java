package io.seatline.engine.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.seatline.engine.account.User;
import io.seatline.engine.booking.ReserveSeats;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.catalog.CreateEvent;
import io.seatline.engine.catalog.CreateVenue;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.EventDetails;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.jobs.JobCompletions;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.engine.persistence.WritePath;
import io.seatline.testapp.EngineTestApplication;
import io.seatline.testapp.Awaits;
import io.seatline.testapp.Fixtures;
import io.seatline.testapp.MutableClock;
import io.seatline.testapp.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Emails through a real SMTP server (GreenMail) on a real database (each subclass names one), with the worker
 * running: on SQLite it polls with fetch, on PostgreSQL with lock-and-fetch ({@code SELECT ... FOR UPDATE SKIP
 * LOCKED}). The test clock stands still unless a test moves it, so retries happen exactly when a test says.
 */
abstract class EmailJobsTests {

	private static final int SMTP_PORT = freePort();

	private static final Duration FIRST_RETRY = Duration.ofSeconds(10);

	private static GreenMail smtp = startSmtp();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("MAIL_SERVER", () -> "127.0.0.1");
		registry.add("MAIL_PORT", () -> SMTP_PORT);
		registry.add("MAIL_FROM", () -> "Seatline <tickets@seatline.test>");
		registry.add("seatline.jobs.polling-interval", () -> "200ms");
		registry.add("seatline.jobs.max-attempts", () -> 3);
		registry.add("seatline.jobs.first-retry-delay", () -> FIRST_RETRY.toString());
	}

	@Autowired
	SeatReservations reservations;

	@Autowired
	EventCatalog catalog;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseUrl database;

	@Autowired
	WritePath writes;

	@Autowired
	JobCompletions completions;

	@BeforeEach
	void smtpIsUpAndEmpty() throws Exception {
		if (smtp == null) {
			smtp = startSmtp();
		}
		smtp.purgeEmailFromAllMailboxes();
	}

	@AfterAll
	static void stopSmtp() {
		if (smtp != null) {
			smtp.stop();
			smtp = null;
		}
	}

	@Test
	void aBookingIsConfirmedByEmailWithItsSeatsAndAStableMessageId() throws Exception {
		var event = newEvent("Nutcracker & <Friends>");
		var user = this.fixtures.newUser();
		var bookingId = book(user, event, "A2", "A1");
		// committed with the booking: our record of both emails, and the review prompt waiting in db-scheduler
		assertThat(this.outbox.emailsOf(bookingId)).extracting(EmailJobView::kind)
			.containsExactlyInAnyOrder(EmailKind.BOOKING_CONFIRMED, EmailKind.REVIEW_PROMPT);
		assertThat(scheduledTasks(EmailKind.REVIEW_PROMPT, bookingId)).isOne();

		var message = awaitEmail(EmailKind.BOOKING_CONFIRMED, bookingId);
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo(user.username() + "@example.org");
		assertThat(message.getFrom()[0].toString()).contains("tickets@seatline.test");
		assertThat(message.getSubject()).contains("Nutcracker & <Friends>");
		assertThat(message.getMessageID()).isEqualTo("<booking-confirmed." + bookingId + "@localhost>");
		var parts = (Multipart) message.getContent();
		assertThat(parts.getContentType()).startsWith("multipart/alternative");
		var text = (String) parts.getBodyPart(0).getContent();
		var html = (String) parts.getBodyPart(1).getContent();
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat(text).contains("A1, A2", bookingId, "Nutcracker & <Friends>", event.venueName(), "UTC");
		assertThat(html).contains("A1, A2", bookingId, "Nutcracker &amp; &lt;Friends&gt;").doesNotContain("<Friends>");
		awaitJob(EmailKind.BOOKING_CONFIRMED.jobId(bookingId), (job) -> job.status() == EmailStatus.SENT);
		assertThat(scheduledTasks(EmailKind.BOOKING_CONFIRMED, bookingId)).isZero();
	}

	/**
	 * Marking an email sent is the job's bookkeeping, as db-scheduler's is: it takes no turn of the booking writer
	 * and waits for no fsync (a power loss may lose it; the job then sends the same Message-ID once more).
	 */
	@Test
	void markingAnEmailSentTakesNoTurnOfTheBookingWriter() throws Exception {
		var event = newEvent("Quiet night");
		var user = this.fixtures.newUser();
		var before = this.writes.commitCounts().requests();
		var bookingId = book(user, event, "A1");
		awaitJob(EmailKind.BOOKING_CONFIRMED.jobId(bookingId), (job) -> job.status() == EmailStatus.SENT);
		assertThat(this.writes.commitCounts().requests()).as("writes through the writer: the booking only")
			.isEqualTo(before + 1);
	}

	/** The mark and the removal of the job's execution commit as one completion, shared with the emails sent with it. */
	@Test
	void aSentEmailsMarkAndTheRemovalOfItsJobCommitAsOneCompletion() throws Exception {
		var event = newEvent("Late show");
		var before = this.completions.counts().completions();
		var bookingId = book(this.fixtures.newUser(), event, "A1");
		awaitJob(EmailKind.BOOKING_CONFIRMED.jobId(bookingId), (job) -> job.status() == EmailStatus.SENT);
		assertThat(scheduledTasks(EmailKind.BOOKING_CONFIRMED, bookingId)).isZero();
		Awaits.until(() -> this.completions.counts().completions() > before, Duration.ofSeconds(5));
	}

	@Test
	void theDashboardCountsReviewPromptsWeeksAheadAsScheduledLaterNotAsAQueueThatIsStuck() throws Exception {
		var event = newEvent("Giselle");
		var before = this.outbox.counts();
		var bookingId = book(this.fixtures.newUser(), event, "B2");
		awaitJob(EmailKind.BOOKING_CONFIRMED.jobId(bookingId), (job) -> job.status() == EmailStatus.SENT);
		var after = this.outbox.counts();
		// the confirmation went out; its review prompt waits for the event to start
		assertThat(after.scheduledLater()).isEqualTo(before.scheduledLater() + 1);
		assertThat(after.dueNow()).isEqualTo(before.dueNow());
		assertThat(after.pending()).isEqualTo(after.dueNow() + after.scheduledLater());
	}

	@Test
	void theEmailsShowTheEventsTimeInItsVenuesZoneWithTheZone() throws Exception {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin, CreateVenue.withRows("Tokyo Hall " + Instant.now().toEpochMilli()
				+ Math.random(), 2, 6).inTimeZone("Asia/Tokyo"));
		var event = this.catalog.createEvent(admin,
				new CreateEvent(venue.venueId(), "Kabuki", this.clock.instant().plus(Duration.ofDays(2)), null));
		var user = this.fixtures.newUser();
		var bookingId = book(user, event, "A1");
		// Tokyo is nine hours ahead of UTC all year
		var local = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH)
			.format(event.startsAt().atZone(ZoneId.of("Asia/Tokyo"))) + " (Asia/Tokyo)";
		assertThat(GreenMailUtil.getBody(awaitEmail(EmailKind.BOOKING_CONFIRMED, bookingId))).contains(local);
		this.reservations.cancel(user, bookingId);
		assertThat(GreenMailUtil.getBody(awaitEmail(EmailKind.BOOKING_CANCELLED, bookingId))).contains(local);
	}

	@Test
	void aCancelledBookingGetsANoticeAndNoReviewPrompt() throws Exception {
		var event = newEvent("Swan Lake");
		var user = this.fixtures.newUser();
		var bookingId = book(user, event, "B1");
		awaitEmail(EmailKind.BOOKING_CONFIRMED, bookingId);
		this.reservations.cancel(user, bookingId);

		var notice = awaitEmail(EmailKind.BOOKING_CANCELLED, bookingId);
		assertThat(notice.getSubject()).contains("cancelled");
		assertThat(notice.getMessageID()).isEqualTo("<booking-cancelled." + bookingId + "@localhost>");
		assertThat(GreenMailUtil.getBody(notice)).contains("B1");
		assertThat(status(EmailKind.REVIEW_PROMPT, bookingId)).isEqualTo("CANCELLED");
		assertThat(scheduledTasks(EmailKind.REVIEW_PROMPT, bookingId)).isZero();
	}

	@Test
	void aBookingCancelledInTheWriteThatMadeItGetsNoReviewPrompt() throws Exception {
		// a booking's jobs are written at its write's commit: a cancellation earlier in the same write finds them
		var event = newEvent("Coppelia");
		var user = this.fixtures.newUser();
		var bookingId = this.writes.write(() -> {
			var booked = book(user, event, "A4");
			this.reservations.cancel(user, booked);
			return booked;
		});

		awaitEmail(EmailKind.BOOKING_CANCELLED, bookingId);
		assertThat(status(EmailKind.REVIEW_PROMPT, bookingId)).isEqualTo("CANCELLED");
		assertThat(scheduledTasks(EmailKind.REVIEW_PROMPT, bookingId)).isZero();
	}

	@Test
	void theReviewPromptComesOnceTheClockPassesTheEventAndItsDelay() throws Exception {
		var event = newEvent("Giselle");
		var user = this.fixtures.newUser();
		var bookingId = book(user, event, "A3");
		awaitEmail(EmailKind.BOOKING_CONFIRMED, bookingId);
		this.clock.set(event.startsAt().plus(Duration.ofHours(2)));
		Thread.sleep(1000);
		assertThat(received("<" + EmailKind.REVIEW_PROMPT.jobId(bookingId) + "@localhost>")).isEmpty();

		this.clock.set(event.startsAt().plus(Duration.ofHours(3)).plusSeconds(1));
		var prompt = awaitEmail(EmailKind.REVIEW_PROMPT, bookingId);
		assertThat(prompt.getSubject()).contains("How was Giselle?");
		assertThat(prompt.getMessageID()).isEqualTo("<review-prompt." + bookingId + "@localhost>");
		assertThat(GreenMailUtil.getBody(prompt)).contains("http://localhost:8080/event.html?id=" + event.eventId());
	}

	@Test
	void aRolledBackBookingSchedulesNothing() {
		var event = newEvent("Rollback");
		this.fixtures.book(this.fixtures.newUser(), event, "A1");
		var jobsBefore = count("email_jobs");
		var tasksBefore = count("scheduled_tasks");
		assertThatExceptionOfType(SeatsUnavailable.class)
			.isThrownBy(() -> book(this.fixtures.newUser(), event, "A2", "A1"));
		assertThat(count("email_jobs")).isEqualTo(jobsBefore);
		// the worker may meanwhile finish earlier jobs, never add one
		assertThat(count("scheduled_tasks")).isLessThanOrEqualTo(tasksBefore);
		// the refused booking's id never became a booking; no scheduled email may name an id that is not one
		assertThat(this.jdbc.queryForObject("select count(*) from scheduled_tasks t "
				+ "where not exists (select 1 from bookings b where b.id = t.task_instance)", Integer.class)).isZero();
	}

	@Test
	void whileSmtpIsDownTheEmailIsRetriedWithBackoffAndDeliveredOnceItIsBack() throws Exception {
		smtp.stop();
		smtp = null;
		var event = newEvent("Down");
		var bookingId = book(this.fixtures.newUser(), event, "A5");
		var jobId = EmailKind.BOOKING_CONFIRMED.jobId(bookingId);
		var failedAt = this.clock.instant();

		var first = awaitJob(jobId, (job) -> job.attempts() == 1);
		assertThat(first.status()).isEqualTo(EmailStatus.PENDING);
		assertThat(first.lastError()).isNotBlank();
		assertThat(first.nextAttemptAt()).isEqualTo(failedAt.plus(FIRST_RETRY));
		// due only when the worker's clock reaches the retry time
		Thread.sleep(600);
		assertThat(job(jobId).attempts()).isOne();

		this.clock.advance(FIRST_RETRY);
		var second = awaitJob(jobId, (job) -> job.attempts() == 2);
		assertThat(second.nextAttemptAt()).isEqualTo(this.clock.instant().plus(FIRST_RETRY.multipliedBy(2)));

		smtp = startSmtp();
		this.clock.advance(FIRST_RETRY.multipliedBy(2));
		var sent = awaitJob(jobId, (job) -> job.status() == EmailStatus.SENT);
		assertThat(sent.attempts()).isEqualTo(3);
		awaitEmail(EmailKind.BOOKING_CONFIRMED, bookingId);
		Thread.sleep(600);
		assertThat(received("<" + jobId + "@localhost>")).hasSize(1);
	}

	@Test
	void afterTheLastAttemptTheEmailIsKeptAsFailedAndAnAdminCanRetryIt() throws Exception {
		smtp.stop();
		smtp = null;
		var event = newEvent("Gave up");
		var bookingId = book(this.fixtures.newUser(), event, "A6");
		var jobId = EmailKind.BOOKING_CONFIRMED.jobId(bookingId);
		awaitJob(jobId, (job) -> job.attempts() == 1);
		awaitRetryScheduled(EmailKind.BOOKING_CONFIRMED, bookingId);
		this.clock.advance(FIRST_RETRY);
		awaitJob(jobId, (job) -> job.attempts() == 2);
		awaitRetryScheduled(EmailKind.BOOKING_CONFIRMED, bookingId);
		this.clock.advance(FIRST_RETRY.multipliedBy(2));
		var failed = awaitJob(jobId, (job) -> job.status() == EmailStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.nextAttemptAt()).isNull();
		assertThat(scheduledTasks(EmailKind.BOOKING_CONFIRMED, bookingId)).isZero();
		var admin = this.fixtures.admin();
		assertThat(this.outbox.queue(admin).failed()).extracting(EmailJobView::jobId).contains(jobId);
		assertThat(this.outbox.counts().failed()).isGreaterThanOrEqualTo(1);

		smtp = startSmtp();
		assertThat(this.outbox.retry(admin, jobId)).isOne();
		var sent = awaitJob(jobId, (job) -> job.status() == EmailStatus.SENT);
		assertThat(sent.attempts()).isOne();
		awaitEmail(EmailKind.BOOKING_CONFIRMED, bookingId);
		assertThat(this.outbox.queue(admin).failed()).extracting(EmailJobView::jobId).doesNotContain(jobId);
	}

	@Test
	void twoWorkersOnOneDatabaseSendEachEmailOnce() throws Exception {
		var event = newEvent("Crowded");
		var bookings = new ArrayList<String>();
		for (var seat : List.of("A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4", "B5", "B6")) {
			bookings.add(book(this.fixtures.newUser(), event, seat));
		}
		for (var bookingId : bookings) {
			awaitEmail(EmailKind.BOOKING_CONFIRMED, bookingId);
		}
		// a second process on the same database, with its own worker and a clock that reads the same
		try (var other = new SpringApplicationBuilder(EngineTestApplication.class, TestClockConfiguration.class)
			.web(WebApplicationType.NONE)
			.properties("DATABASE_URL=" + this.database.url(), "ADMIN_PASSWORD=unused-password-1",
					"MAIL_SERVER=127.0.0.1", "MAIL_PORT=" + SMTP_PORT, "seatline.jobs.polling-interval=200ms",
					"seatline.jobs.threads=4")
			.run()) {
			// every review prompt falls due for both workers at once
			var promptTime = event.startsAt().plus(Duration.ofHours(3)).plusSeconds(1);
			other.getBean(MutableClock.class).set(promptTime);
			this.clock.set(promptTime);
			for (var bookingId : bookings) {
				awaitEmail(EmailKind.REVIEW_PROMPT, bookingId);
			}
			Thread.sleep(1000);
			for (var bookingId : bookings) {
				assertThat(received("<" + EmailKind.REVIEW_PROMPT.jobId(bookingId) + "@localhost>"))
					.as("copies of the review prompt of %s", bookingId).hasSize(1);
				assertThat(job(EmailKind.REVIEW_PROMPT.jobId(bookingId)).status()).isEqualTo(EmailStatus.SENT);
			}
		}
		finally {
			this.clock.set(event.startsAt().minus(Duration.ofDays(2)));
		}
	}

	// --- helpers

	private EventDetails newEvent(String name) {
		var admin = this.fixtures.admin();
		var venue = this.catalog.createVenue(admin, CreateVenue.withRows(name + " Hall " + Instant.now().toEpochMilli()
				+ Math.random(), 2, 6));
		return this.catalog.createEvent(admin,
				new CreateEvent(venue.venueId(), name, this.clock.instant().plus(Duration.ofDays(2)), null));
	}

	private String book(User user, EventDetails event, String... seats) {
		return this.reservations.reserve(user, new ReserveSeats(event.eventId(), List.of(seats))).bookingId();
	}

	/** Waits for the email of this job; other tests' emails (prompts made due by a moved clock) are ignored. */
	private MimeMessage awaitEmail(EmailKind kind, String bookingId) throws InterruptedException {
		var messageId = "<" + kind.jobId(bookingId) + "@localhost>";
		await(() -> !received(messageId).isEmpty());
		var matching = received(messageId);
		assertThat(matching).as("copies of %s", messageId).hasSize(1);
		return matching.get(0);
	}

	private static List<MimeMessage> received(String messageId) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
			try {
				return messageId.equals(message.getMessageID());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private EmailJobView awaitJob(String jobId, Predicate<EmailJobView> condition) throws InterruptedException {
		await(() -> condition.test(job(jobId)));
		return job(jobId);
	}

	private EmailJobView job(String jobId) {
		var bookingId = jobId.substring(jobId.indexOf('.') + 1);
		return this.outbox.emailsOf(bookingId).stream().filter((job) -> job.jobId().equals(jobId)).findFirst()
			.orElseThrow();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Awaits.until(condition, Duration.ofSeconds(15));
	}

	private String status(EmailKind kind, String bookingId) {
		return this.jdbc.queryForObject("select status from email_jobs where id = ?", String.class,
				kind.jobId(bookingId));
	}

	/**
	 * Waits for the worker to hand a failed attempt's execution back to the scheduler, due at its retry time. The
	 * attempt is counted (in the writer's commit) before that hand-back; moving the clock in between raced it: once, on
	 * PostgreSQL under a full build's load, the second attempt never came within 15 s.
	 */
	private void awaitRetryScheduled(EmailKind kind, String bookingId) throws InterruptedException {
		await(() -> this.jdbc.queryForObject(
				"select count(*) from scheduled_tasks where task_name = ? and task_instance = ? and picked = ?",
				Integer.class, kind.taskName(), bookingId, false) == 1);
	}

	private int scheduledTasks(EmailKind kind, String bookingId) {
		return this.jdbc.queryForObject(
				"select count(*) from scheduled_tasks where task_name = ? and task_instance = ?", Integer.class,
				kind.taskName(), bookingId);
	}

	private int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	private static GreenMail startSmtp() {
		var server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
