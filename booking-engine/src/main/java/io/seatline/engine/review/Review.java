package io.seatline.engine.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.seatline.engine.persistence.Ids;

/** One user's rating of one event, with an optional text. */
@Entity
@Table(name = "reviews")
class Review {

	@Id
	private String id;

	@Version
	private Long version;

	private String eventId;

	private String accountId;

	private int rating;

	@Column(name = "body")
	private String text;

	private Instant createdAt;

	protected Review() {
	}

	Review(String eventId, String accountId, SubmitReview command, Instant now) {
		this.id = Ids.next();
		this.eventId = eventId;
		this.accountId = accountId;
		revise(command, now);
	}

	/** Replaces the rating and text: a user has one review per event. */
	void revise(SubmitReview command, Instant now) {
		this.rating = command.rating();
		this.text = command.text();
		this.createdAt = now;
	}

	String id() {
		return this.id;
	}

	String eventId() {
		return this.eventId;
	}

	String accountId() {
		return this.accountId;
	}

	int rating() {
		return this.rating;
	}

	String text() {
		return this.text;
	}

	Instant createdAt() {
		return this.createdAt;
	}
}
