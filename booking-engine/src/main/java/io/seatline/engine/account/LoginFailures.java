package io.seatline.engine.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface LoginFailures extends JpaRepository<LoginFailure, String> {
}
