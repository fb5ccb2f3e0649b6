package io.seatline.functions;

import java.util.function.Function;

import org.springframework.messaging.Message;

import io.seatline.engine.account.Sessions;
import io.seatline.engine.dashboard.SalesDashboard;

/** {@code dashboard} (admin): seats and bookings, over all events or one. */
class DashboardFunction implements Function<Message<Requests.OfEvent>, Views.Dashboard> {

	private final SalesDashboard dashboard;

	private final Sessions sessions;

	DashboardFunction(SalesDashboard dashboard, Sessions sessions) {
		this.dashboard = dashboard;
		this.sessions = sessions;
	}

	@Override
	public Views.Dashboard apply(Message<Requests.OfEvent> message) {
		var user = Callers.require(this.sessions, message.getHeaders()).requireAdmin();
		return Views.Dashboard.of(this.dashboard.figures(user, Fields.optional(message.getPayload().eventId())));
	}
}
