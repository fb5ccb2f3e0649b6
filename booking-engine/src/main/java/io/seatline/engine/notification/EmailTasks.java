package io.seatline.engine.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.stereotype.Component;

import io.seatline.engine.jobs.JobCompletions;
import io.seatline.engine.jobs.ScheduledWork;

/**
 * The db-scheduler one-time tasks, one per {@link EmailKind}; an instance's id is the booking's id (with the event's
 * edit for {@link EmailKind#EVENT_MOVED}). A failed
 * attempt is recorded and retried with exponential backoff; after the last one the job is kept as failed (db-scheduler
 * then forgets its execution, our {@code email_jobs} row remembers).
 */
@Component
class EmailTasks implements ScheduledWork {

	private final Map<EmailKind, OneTimeTask<Void>> tasks = new EnumMap<>(EmailKind.class);

	EmailTasks(EmailDelivery delivery, JobCompletions completions) {
		for (var kind : EmailKind.values()) {
			this.tasks.put(kind, new EmailTask(kind, delivery, completions));
		}
	}

	@Override
	public List<Task<?>> tasks() {
		return List.copyOf(this.tasks.values());
	}

	TaskInstance<Void> instance(EmailKind kind, String instanceId) {
		return this.tasks.get(kind).instance(instanceId);
	}

	/**
	 * Sends one email; its completion commits the {@code SENT} mark with the removal of the execution, in one
	 * bookkeeping transaction shared with the emails sent at the same time.
	 */
	private static final class EmailTask extends OneTimeTask<Void> {

		private final EmailKind kind;

		private final EmailDelivery delivery;

		private final JobCompletions completions;

		EmailTask(EmailKind kind, EmailDelivery delivery, JobCompletions completions) {
			super(kind.taskName(), Void.class, new Retries(kind, delivery));
			this.kind = kind;
			this.delivery = delivery;
			this.completions = completions;
		}

		@Override
		public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
			try {
				var sentMark = this.delivery.deliver(this.kind, instance.getId());
				return sentMark.map(this.completions::<Void>removeWith).orElseGet(this.completions::removeWith);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
		}

		@Override
		public void executeOnce(TaskInstance<Void> instance, ExecutionContext context) {
			throw new UnsupportedOperationException("An email task completes through execute");
		}
	}

	/** Records each failure; reschedules with backoff, or stops the execution once the job is kept as failed. */
	private record Retries(EmailKind kind, EmailDelivery delivery) implements FailureHandler<Void> {

		@Override
		public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
			var instanceId = complete.getExecution().taskInstance.getId();
			var retryAt = this.delivery.failed(this.kind, instanceId, complete.getCause().orElse(null));
			if (retryAt == null) {
				operations.stop();
			}
			else {
				operations.reschedule(complete, retryAt);
			}
		}
	}
}
