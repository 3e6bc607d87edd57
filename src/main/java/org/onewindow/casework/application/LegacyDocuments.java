package org.onewindow.casework.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Encrypts the documents that earlier releases kept in clear, a few at a time on a background
 * thread once the platform is ready, so that a large backlog delays neither start-up nor
 * requests. Until a row is encrypted it is read as it is ({@link MaterialStore#open}); several
 * nodes may run this at once, each row is encrypted once.
 */
@Component
class LegacyDocuments {

    private static final Logger log = LoggerFactory.getLogger(LegacyDocuments.class);
    /** Documents are up to 10 MB each: a batch holds at most this many in memory at once. */
    private static final int BATCH = 5;

    private final MaterialStore materials;

    LegacyDocuments(MaterialStore materials) {
        this.materials = materials;
    }

    @EventListener(ApplicationReadyEvent.class)
    void encryptInBackground() {
        Thread.ofVirtual().name("legacy-documents").start(() -> {
            try {
                int encrypted = encryptAll();
                if (encrypted > 0) {
                    log.info("Encrypted {} documents that were kept in clear", encrypted);
                }
            } catch (RuntimeException e) {
                log.warn("Encrypting documents kept in clear stopped; the next start goes on", e);
            }
        });
    }

    /** Encrypts every document still in clear; how many. */
    int encryptAll() {
        int total = 0;
        for (int done = materials.encryptSomeInClear(BATCH); done > 0; done = materials.encryptSomeInClear(BATCH)) {
            total += done;
        }
        return total;
    }
}
