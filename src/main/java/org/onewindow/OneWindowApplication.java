package org.onewindow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OneWindowApplication {
    public static void main(String[] args) {
        SpringApplication.run(OneWindowApplication.class, args);
    }
}
