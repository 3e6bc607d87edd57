package org.onewindow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Module listeners run after the commit, on their own threads, from the event publication
 * registry; time-limit alerts run on a schedule.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class OneWindowApplication {
    public static void main(String[] args) {
        SpringApplication.run(OneWindowApplication.class, args);
    }
}
