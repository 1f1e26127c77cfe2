package io.guestlist.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Guestlist service: the command side, the query side and their shared event store in one process. */
@SpringBootApplication(scanBasePackages = "io.guestlist")
public class GuestlistApplication {

    public static void main(String[] args) {
        SpringApplication.run(GuestlistApplication.class, args);
    }
}
