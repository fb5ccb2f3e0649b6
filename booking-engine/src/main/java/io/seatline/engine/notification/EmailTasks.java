package io.seatline.engine.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.stereotype.Component;

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

	EmailTasks(EmailDelivery delivery) {
		for (var kind : EmailKind.values()) {
			this.tasks.put(kind, Tasks.oneTime(kind.taskName())
				.onFailure(new Retries(kind, delivery))
				.execute((instance, context) -> {
					try {
						delivery.deliver(kind, instance.getId());
					}
					catch (RuntimeException ex) {
						throw ex;
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex.getMessage(), ex);
					}
				}));
		}
	}

	@Override
	public List<Task<?>> tasks() {
		return List.copyOf(this.tasks.values());
	}

	TaskInstance<Void> instance(EmailKind kind, String instanceId) {
		return this.tasks.get(kind).instance(instanceId);
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
