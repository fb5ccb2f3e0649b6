package io.seatline.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare Spring Boot application: the engine arrives by auto-configuration, as in any embedding app. */
@SpringBootApplication
public class EngineTestApplication {
}
