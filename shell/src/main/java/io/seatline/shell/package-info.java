/**
 * The shell: a second host of the functions. Commands are thin: each builds a JSON body, calls a function through
 * {@link io.seatline.functions.FunctionInvoker} (via {@link io.seatline.shell.Functions}) and renders the result.
 * {@link io.seatline.shell.Refusals} is the one place where failures become one-line messages and exit codes;
 * {@link io.seatline.shell.CommandRunner} runs the interactive session, one command from the arguments, or a
 * script ({@code @file}). {@link io.seatline.shell.Completions} says what Tab completes for each command, read
 * through the functions too; {@link io.seatline.shell.CommandLineCompleter} asks for it on every word of a line.
 */
package io.seatline.shell;
