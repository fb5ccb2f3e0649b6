/**
 * The shell: a second host of the functions. Commands are thin: each builds a JSON body, calls a function through
 * {@link io.seatline.functions.FunctionInvoker} (via {@link io.seatline.shell.Functions}) and renders the result.
 * {@link io.seatline.shell.Refusals} is the one place where failures become one-line messages and exit codes;
 * {@link io.seatline.shell.CommandRunner} runs the interactive session, one command from the arguments, or a
 * script ({@code @file}).
 */
package io.seatline.shell;
