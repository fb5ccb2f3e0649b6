package io.seatline.engine.notification;

import java.util.List;

/** The emails an admin watches: those waiting or being retried, and those given up on. */
public record EmailQueue(List<EmailJobView> pending, List<EmailJobView> failed) {
}
