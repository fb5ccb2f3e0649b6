package io.seatline.otherprocess;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.seatline.engine.error.SeatlineException;
import io.seatline.functions.FunctionInvoker;

/**
 * A second process on the runner's database, as the shell is: the engine and the functions without any web host.
 * Reads lines {@code <function> <token or -> <json>} on stdin and answers {@code OK <json>} or {@code ERROR <code>}.
 * Started by the browser tests to prove that changes made elsewhere reach open seat maps.
 */
@SpringBootApplication
public class OtherProcessBookings {

	public static void main(String[] args) throws Exception {
		var context = new SpringApplicationBuilder(OtherProcessBookings.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args);
		var functions = context.getBean(FunctionInvoker.class);
		var out = System.out;
		out.println("READY");
		out.flush();
		var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (var line = in.readLine(); line != null; line = in.readLine()) {
			var parts = line.split(" ", 3);
			try {
				var token = "-".equals(parts[1]) ? null : parts[1];
				var result = functions.invoke(parts[0], parts[2].getBytes(StandardCharsets.UTF_8), token);
				out.println("OK " + functions.toJson(result.payload()));
			}
			catch (SeatlineException ex) {
				out.println("ERROR " + ex.code());
			}
			out.flush();
		}
		context.close();
	}
}
