package io.seatline.engine.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.seatline.engine.account.User;
import io.seatline.engine.error.Conflict;
import io.seatline.engine.error.Forbidden;
import io.seatline.engine.error.InvalidRequest;
import io.seatline.engine.error.NotFound;
import io.seatline.engine.error.SeatlineException;
import io.seatline.engine.error.SeatsUnavailable;
import io.seatline.engine.persistence.DatabaseFailures;
import io.seatline.engine.persistence.WritePath;

/**
 * Does a write at most once per caller, function and {@link IdempotencyKey}: the first request with a key runs, and
 * its answer (the result as JSON, or the refusal) is stored in the same transaction as the write; a repeat with the
 * same request gets that answer back and changes nothing, a repeat with another request is {@code CONFLICT}. A write
 * that fails for want of the database ({@code BUSY}) or for an unexpected reason stores nothing, so its retry runs
 * again. Keys expire {@link #LIFETIME} after their write; expired keys are purged by the writes themselves.
 */
@Service
public class IdempotentRequests {

	/** How long a key's answer is kept: a repeat after that runs as a new request. */
	public static final Duration LIFETIME = Duration.ofHours(24);

	// expired keys are deleted at most this often, by whichever keyed write comes first
	private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

	private static final String OK = "OK";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WritePath writes;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final AtomicLong nextPurge = new AtomicLong(Long.MIN_VALUE);

	IdempotentRequests(WritePath writes, JdbcTemplate jdbc, Clock clock) {
		this.writes = writes;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Runs the write, whose result is of the given type, once for the caller, function and key, and answers as its
	 * first run did. Without a key (null) the write simply runs. The request is what the caller sent (compared as
	 * JSON); the result must be writable as JSON and readable back as the type.
	 * @throws SeatlineException the write's refusal, first or replayed; {@code CONFLICT} for a reused key
	 */
	public <T> T once(User caller, String function, IdempotencyKey key, Object request, Class<T> type,
			Supplier<T> write) {
		if (key == null) {
			return write.get();
		}
		var call = new Call(caller.id(), function, key.value(), fingerprint(request));
		Answer answer = this.writes.write(() -> answer(call, write));
		if (answer.refusal() != null) {
			throw answer.refusal();
		}
		return (answer.result() != null) ? type.cast(answer.result()) : JSON.readValue(answer.json(), type);
	}

	/** Inside the write: claims the key and runs the write, or finds the answer of the write that claimed it. */
	private Answer answer(Call call, Supplier<?> write) {
		var now = this.clock.instant();
		purgeExpired(now);
		this.jdbc.update("delete from idempotent_requests where account_id = ? and function_name = ? "
				+ "and idempotency_key = ? and expires_at <= ?", call.accountId(), call.function(), call.key(),
				now.toEpochMilli());
		// on PostgreSQL a claim of the same key by another process waits here until that one commits or rolls back
		var claimed = this.jdbc.update("insert into idempotent_requests (account_id, function_name, idempotency_key, "
				+ "request_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
				call.accountId(), call.function(), call.key(), call.requestHash(), now.toEpochMilli(),
				now.plus(LIFETIME).toEpochMilli());
		if (claimed == 0) {
			return stored(call);
		}
		Object result;
		try {
			result = this.writes.attempt(write);
		}
		catch (SeatlineException refusal) {
			var code = refusal.code();
			if (!isReplayable(code)) {
				// busy, or a refusal of the caller rather than of the request: nothing is kept, a retry runs again
				throw refusal;
			}
			var body = new LinkedHashMap<String, Object>();
			body.put("message", refusal.getMessage());
			body.put("details", refusal.details());
			record(call, code, JSON.writeValueAsString(body));
			return new Answer(null, null, refusal);
		}
		var json = JSON.writeValueAsString(result);
		record(call, OK, json);
		return new Answer(result, json, null);
	}

	private void record(Call call, String outcome, String answer) {
		this.jdbc.update("update idempotent_requests set outcome = ?, answer = ? where account_id = ? "
				+ "and function_name = ? and idempotency_key = ?", outcome, answer, call.accountId(), call.function(),
				call.key());
	}

	private Answer stored(Call call) {
		var found = this.jdbc.query("select request_hash, outcome, answer from idempotent_requests "
				+ "where account_id = ? and function_name = ? and idempotency_key = ?",
				(row, index) -> new String[] { row.getString(1), row.getString(2), row.getString(3) },
				call.accountId(), call.function(), call.key());
		if (found.isEmpty() || found.get(0)[1] == null) {
			// purged meanwhile by another process, or its write not yet answered: a moment later tells
			throw DatabaseFailures.busy();
		}
		var row = found.get(0);
		if (!row[0].equals(call.requestHash())) {
			throw new Conflict("This idempotency key was already used for another " + call.function()
					+ " request; send a new request with a new key", Map.of("field", "idempotencyKey"));
		}
		if (OK.equals(row[1])) {
			return new Answer(null, row[2], null);
		}
		return new Answer(null, null, refusal(row[1], JSON.readValue(row[2], new TypeReference<Map<String, Object>>() {
		})));
	}

	/** Deletes every expired key, at most once a {@link #PURGE_INTERVAL} per process. */
	private void purgeExpired(Instant now) {
		var next = this.nextPurge.get();
		if (now.toEpochMilli() < next
				|| !this.nextPurge.compareAndSet(next, now.plus(PURGE_INTERVAL).toEpochMilli())) {
			return;
		}
		this.jdbc.update("delete from idempotent_requests where expires_at <= ?", now.toEpochMilli());
	}

	/** Refusals of the request itself, which a repeat of it would meet again (or meet in another state). */
	private static boolean isReplayable(String code) {
		return switch (code) {
			case "INVALID_REQUEST", "NOT_FOUND", "FORBIDDEN", "CONFLICT", "SEATS_UNAVAILABLE" -> true;
			default -> false;
		};
	}

	@SuppressWarnings("unchecked")
	private static SeatlineException refusal(String code, Map<String, Object> body) {
		var message = (String) body.get("message");
		var details = (body.get("details") instanceof Map<?, ?> map) ? (Map<String, Object>) map
				: Map.<String, Object>of();
		return switch (code) {
			case "INVALID_REQUEST" -> new InvalidRequest((String) details.get("field"), message,
					(details.get("seats") instanceof List<?> seats) ? (List<String>) seats : List.of());
			case "NOT_FOUND" -> new NotFound(message);
			case "FORBIDDEN" -> new Forbidden(message);
			case "SEATS_UNAVAILABLE" -> new SeatsUnavailable((List<String>) details.get("seats"));
			default -> new Conflict(message, details);
		};
	}

	private static String fingerprint(Object request) {
		try {
			var digest = MessageDigest.getInstance("SHA-256")
				.digest(JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private record Call(String accountId, String function, String key, String requestHash) {
	}

	/** The result (when this request ran the write) or its JSON (when replayed), or the refusal. */
	private record Answer(Object result, String json, SeatlineException refusal) {
	}
}
