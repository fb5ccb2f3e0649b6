package io.seatline.engine.persistence;

import java.time.Instant;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores instants as epoch milliseconds: one portable, sortable integer column on SQLite and PostgreSQL alike,
 * free of time zone and text-format surprises.
 */
@Converter(autoApply = true)
public class InstantMillisConverter implements AttributeConverter<Instant, Long> {

	@Override
	public Long convertToDatabaseColumn(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	@Override
	public Instant convertToEntityAttribute(Long millis) {
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}
}
