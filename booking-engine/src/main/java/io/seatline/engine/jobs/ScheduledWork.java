package io.seatline.engine.jobs;

import java.util.List;

import com.github.kagkarlsson.scheduler.task.Task;

/**
 * What a feature contributes to the engine's one scheduler: its db-scheduler tasks. Every bean of this type is
 * collected by {@link Jobs}, which runs them all on one worker and schedules them with one client.
 */
public interface ScheduledWork {

	/** The feature's tasks; their names must be unique across the engine. */
	List<Task<?>> tasks();
}
