package io.seatline.functions;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;

import io.seatline.engine.AllOrNothing;
import io.seatline.engine.SeatlineEngineAutoConfiguration;
import io.seatline.engine.account.AccountAdministration;
import io.seatline.engine.account.Registrations;
import io.seatline.engine.account.Sessions;
import io.seatline.engine.audit.AuditTrail;
import io.seatline.engine.booking.BookingLedger;
import io.seatline.engine.booking.EventCancellations;
import io.seatline.engine.booking.SeatHolds;
import io.seatline.engine.booking.SeatReservations;
import io.seatline.engine.boxoffice.SeatBlocks;
import io.seatline.engine.boxoffice.SeatHolders;
import io.seatline.engine.catalog.EventCatalog;
import io.seatline.engine.catalog.EventListings;
import io.seatline.engine.dashboard.SalesDashboard;
import io.seatline.engine.export.BookingExport;
import io.seatline.engine.idempotency.IdempotentRequests;
import io.seatline.engine.notification.EmailOutbox;
import io.seatline.engine.payment.Checkout;
import io.seatline.engine.review.ReviewBoard;

/**
 * Registers every function of the contract as a bean named after it, so that any Spring Boot application that adds
 * this jar finds them in its {@link FunctionCatalog}; also the {@link FunctionInvoker} that hosts call them through.
 */
@AutoConfiguration(after = SeatlineEngineAutoConfiguration.class)
public class SeatlineFunctionsAutoConfiguration {

	@Bean
	RegisterFunction register(Registrations registrations) {
		return new RegisterFunction(registrations);
	}

	@Bean
	LoginFunction login(Sessions sessions) {
		return new LoginFunction(sessions);
	}

	@Bean
	LogoutFunction logout(Sessions sessions) {
		return new LogoutFunction(sessions);
	}

	@Bean
	ChangePasswordFunction changePassword(Sessions sessions) {
		return new ChangePasswordFunction(sessions);
	}

	@Bean
	ResetPasswordFunction resetPassword(Sessions sessions) {
		return new ResetPasswordFunction(sessions);
	}

	@Bean
	CurrentUserFunction currentUser(Sessions sessions) {
		return new CurrentUserFunction(sessions);
	}

	@Bean
	BrowseEventsFunction browseEvents(EventListings listings) {
		return new BrowseEventsFunction(listings);
	}

	@Bean
	EventSeatsFunction eventSeats(EventCatalog catalog) {
		return new EventSeatsFunction(catalog);
	}

	@Bean
	EventReviewsFunction eventReviews(ReviewBoard reviews) {
		return new EventReviewsFunction(reviews);
	}

	@Bean
	ReserveSeatsFunction reserveSeats(SeatReservations reservations, Sessions sessions, IdempotentRequests requests) {
		return new ReserveSeatsFunction(reservations, sessions, requests);
	}

	@Bean
	HoldSeatsFunction holdSeats(SeatHolds holds, Sessions sessions, IdempotentRequests requests) {
		return new HoldSeatsFunction(holds, sessions, requests);
	}

	@Bean
	ConfirmHoldFunction confirmHold(SeatHolds holds, Checkout checkout, Sessions sessions,
			IdempotentRequests requests) {
		return new ConfirmHoldFunction(holds, checkout, sessions, requests);
	}

	@Bean
	ReleaseHoldFunction releaseHold(SeatHolds holds, Sessions sessions, IdempotentRequests requests) {
		return new ReleaseHoldFunction(holds, sessions, requests);
	}

	@Bean
	PayHoldFunction payHold(Checkout checkout, Sessions sessions, IdempotentRequests requests) {
		return new PayHoldFunction(checkout, sessions, requests);
	}

	@Bean
	HoldStatusFunction holdStatus(Checkout checkout, Sessions sessions) {
		return new HoldStatusFunction(checkout, sessions);
	}

	@Bean
	StripeWebhookFunction stripeWebhook(Checkout checkout) {
		return new StripeWebhookFunction(checkout);
	}

	@Bean
	MyHoldsFunction myHolds(SeatHolds holds, Sessions sessions) {
		return new MyHoldsFunction(holds, sessions);
	}

	@Bean
	MyBookingsFunction myBookings(SeatReservations reservations, Sessions sessions) {
		return new MyBookingsFunction(reservations, sessions);
	}

	@Bean
	CancelBookingFunction cancelBooking(SeatReservations reservations, Sessions sessions, IdempotentRequests requests) {
		return new CancelBookingFunction(reservations, sessions, requests);
	}

	@Bean
	SubmitReviewFunction submitReview(ReviewBoard reviews, Sessions sessions) {
		return new SubmitReviewFunction(reviews, sessions);
	}

	@Bean
	CreateVenueFunction createVenue(EventCatalog catalog, Sessions sessions, IdempotentRequests requests) {
		return new CreateVenueFunction(catalog, sessions, requests);
	}

	@Bean
	SetVenueCategoriesFunction setVenueCategories(EventCatalog catalog, Sessions sessions) {
		return new SetVenueCategoriesFunction(catalog, sessions);
	}

	@Bean
	ListVenuesFunction listVenues(EventCatalog catalog) {
		return new ListVenuesFunction(catalog);
	}

	@Bean
	CreateEventFunction createEvent(EventCatalog catalog, Sessions sessions, IdempotentRequests requests) {
		return new CreateEventFunction(catalog, sessions, requests);
	}

	@Bean
	UpdateEventFunction updateEvent(EventCatalog catalog, Sessions sessions, IdempotentRequests requests) {
		return new UpdateEventFunction(catalog, sessions, requests);
	}

	@Bean
	CancelEventFunction cancelEvent(EventCancellations cancellations, Sessions sessions, IdempotentRequests requests) {
		return new CancelEventFunction(cancellations, sessions, requests);
	}

	@Bean
	ListAccountsFunction listAccounts(AccountAdministration administration, Sessions sessions) {
		return new ListAccountsFunction(administration, sessions);
	}

	@Bean
	DisableAccountFunction disableAccount(AccountAdministration administration, Sessions sessions,
			IdempotentRequests requests) {
		return new DisableAccountFunction(administration, sessions, requests);
	}

	@Bean
	EnableAccountFunction enableAccount(AccountAdministration administration, Sessions sessions,
			IdempotentRequests requests) {
		return new EnableAccountFunction(administration, sessions, requests);
	}

	@Bean
	DashboardFunction dashboard(SalesDashboard dashboard, Sessions sessions) {
		return new DashboardFunction(dashboard, sessions);
	}

	@Bean
	ExportBookingsFunction exportBookings(BookingExport export, Sessions sessions) {
		return new ExportBookingsFunction(export, sessions);
	}

	@Bean
	BookingsCsv seatlineBookingsCsv(BookingExport export, Sessions sessions, AllOrNothing allOrNothing) {
		return new BookingsCsv(export, sessions, allOrNothing);
	}

	@Bean
	EmailQueueFunction emailQueue(EmailOutbox outbox, Sessions sessions) {
		return new EmailQueueFunction(outbox, sessions);
	}

	@Bean
	RetryEmailsFunction retryEmails(EmailOutbox outbox, Sessions sessions, IdempotentRequests requests) {
		return new RetryEmailsFunction(outbox, sessions, requests);
	}

	@Bean
	BlockSeatsFunction blockSeats(SeatBlocks blocks, Sessions sessions, IdempotentRequests requests) {
		return new BlockSeatsFunction(blocks, sessions, requests);
	}

	@Bean
	UnblockSeatsFunction unblockSeats(SeatBlocks blocks, Sessions sessions, IdempotentRequests requests) {
		return new UnblockSeatsFunction(blocks, sessions, requests);
	}

	@Bean
	AdminSeatMapFunction adminSeatMap(SeatHolders holders, Sessions sessions) {
		return new AdminSeatMapFunction(holders, sessions);
	}

	@Bean
	FindBookingsFunction findBookings(BookingLedger ledger, Sessions sessions) {
		return new FindBookingsFunction(ledger, sessions);
	}

	@Bean
	CancelBookingForFunction cancelBookingFor(SeatReservations reservations, Sessions sessions,
			IdempotentRequests requests) {
		return new CancelBookingForFunction(reservations, sessions, requests);
	}

	@Bean
	AuditLogFunction auditLog(AuditTrail trail, Sessions sessions) {
		return new AuditLogFunction(trail, sessions);
	}

	@Bean
	ExportAuditLogFunction exportAuditLog(AuditTrail trail, Sessions sessions) {
		return new ExportAuditLogFunction(trail, sessions);
	}

	@Bean
	PingFunction ping(Clock clock) {
		return new PingFunction(clock);
	}

	@Bean
	FunctionInvoker seatlineFunctionInvoker(FunctionCatalog catalog, AllOrNothing allOrNothing) {
		return new FunctionInvoker(catalog, allOrNothing);
	}
}
