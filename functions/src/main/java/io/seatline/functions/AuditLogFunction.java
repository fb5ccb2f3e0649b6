package io.seatline.functions;

import java.util.List;
import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.audit.AuditTrail;

/** {@code auditLog} (admin): the audit log of an event, a booking or a user, newest first. */
class AuditLogFunction implements Function<Message<Requests.AuditLog>, List<Views.AuditEntry>> {

	private final AuditTrail trail;

	private final Sessions sessions;

	AuditLogFunction(AuditTrail trail, Sessions sessions) {
		this.trail = trail;
		this.sessions = sessions;
	}

	@Override
	public List<Views.AuditEntry> apply(Message<Requests.AuditLog> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		return this.trail.entries(user, message.getPayload().toQuery()).stream().map(Views.AuditEntry::of).toList();
	}
}
