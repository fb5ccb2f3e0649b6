package io.seatline.engine.booking;

import java.util.List;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.stereotype.Component;

import io.seatline.engine.jobs.ScheduledWork;

/**
 * The durable one-time task that expires a hold when its time runs out; its instance id is the hold's id, scheduled in
 * the hold's own transaction. Run at least once by db-scheduler (again after a worker died mid-run), it frees the
 * seats once: the expiry is a conditional statement that only an {@code ACTIVE} hold passes.
 */
@Component
class HoldExpiry implements ScheduledWork {

	private final Task<Void> task;

	HoldExpiry(SeatHolds holds) {
		this.task = Tasks.oneTime(SeatHolds.EXPIRY).execute((instance, context) -> holds.expire(instance.getId()));
	}

	@Override
	public List<Task<?>> tasks() {
		return List.of(this.task);
	}
}
