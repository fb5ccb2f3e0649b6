/**
 * The contract's functions as Spring Cloud Function beans: one small class per function that reads the caller from
 * the message's {@code Authorization} header, turns the request record into an engine command and the engine's
 * result into the contract's JSON shape. {@link io.seatline.functions.FunctionInvoker} calls any function or
 * composition from JSON text, for hosts that speak JSON (HTTP, the shell's {@code invoke}).
 */
package io.seatline.functions;
