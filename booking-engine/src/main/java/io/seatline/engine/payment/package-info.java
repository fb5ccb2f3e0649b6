/**
 * Payment: the port through which a hold's seats are paid for ({@link io.seatline.engine.payment.PaymentProvider}),
 * and its adapters: Stripe's hosted checkout, verified by its signed webhooks, and payment at the box office. What a
 * payment does to seats (a hold confirmed, a late payment refunded) is decided by the holds, not here.
 */
package io.seatline.engine.payment;
