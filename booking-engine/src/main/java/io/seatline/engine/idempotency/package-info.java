/**
 * Requests safe to retry: a write sent with an idempotency key is done once per caller, function and key, and every
 * repeat within 24 hours gets the first answer back (its result or its refusal) and changes nothing. The answer is
 * stored in the transaction of the write it answers; repeats sent at once wait for it on the one write path.
 */
package io.seatline.engine.idempotency;
