package io.seatline.engine.payment;

import java.util.List;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.stereotype.Component;

import io.seatline.engine.jobs.ScheduledWork;

/**
 * The durable job that gives a payment back, scheduled in the transaction that made the refund due. Run at least
 * once (again after a worker died, or later when the provider did not answer), it refunds once: the provider's
 * refund carries an idempotency key of the payment, and a refunded payment is no longer due.
 */
@Component
class PaymentRefunds implements ScheduledWork {

	private final Task<Void> task;

	PaymentRefunds(PaymentLedger ledger, PaymentProviders providers) {
		this.task = Tasks.oneTime(PaymentLedger.REFUND).execute((instance, context) -> {
			var due = ledger.refundDue(instance.getId());
			if (due.isPresent()) {
				providers.get(due.get().method()).refund(due.get().asPaid());
				ledger.refunded(instance.getId());
			}
		});
	}

	@Override
	public List<Task<?>> tasks() {
		return List.of(this.task);
	}
}
