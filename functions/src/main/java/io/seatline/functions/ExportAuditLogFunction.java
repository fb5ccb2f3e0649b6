package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.audit.AuditTrail;

/**
 * {@code exportAuditLog} (admin): the entries {@code auditLog} would answer, as CSV (every match unless a limit is
 * given), a message whose content type is {@code text/csv}.
 */
class ExportAuditLogFunction implements Function<Message<Requests.AuditLog>, Message<String>> {

	private final AuditTrail trail;

	private final Sessions sessions;

	ExportAuditLogFunction(AuditTrail trail, Sessions sessions) {
		this.trail = trail;
		this.sessions = sessions;
	}

	@Override
	public Message<String> apply(Message<Requests.AuditLog> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		var csv = this.trail.export(user, message.getPayload().toQuery());
		return MessageBuilder.withPayload(csv)
			.setHeader(MessageHeaders.CONTENT_TYPE, ExportBookingsFunction.TEXT_CSV)
			.build();
	}
}
