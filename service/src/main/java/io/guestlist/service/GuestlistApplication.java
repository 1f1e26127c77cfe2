package io.guestlist.service;

import io.guestlist.service.config.DatabaseBootstrap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Guestlist service: the command side, the query side and their shared event store in one process. */
@SpringBootApplication(scanBasePackages = "io.guestlist")
public class GuestlistApplication {

    public static void main(String[] args) {
        DatabaseBootstrap.createIfMissing(System.getenv());
        SpringApplication.run(GuestlistApplication.class, args);
    }
}
