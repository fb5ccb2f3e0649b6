/**
 * Live seats: a Server-Sent Events stream per event ({@code GET /live/events/{eventId}/seats}) that open seat maps
 * listen to. It sends a full snapshot on connect, then only the seats whose status changed, whether the change came
 * from this process (pushed as soon as the booking commits) or from another process on the same database (found by
 * polling the events somebody watches). {@code GET /live/changes} tells pages that show all events (the dashboard)
 * which events' seats changed, coalesced, so that they ask their function again.
 */
package io.seatline.runner.live;
