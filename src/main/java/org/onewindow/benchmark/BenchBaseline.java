package org.onewindow.benchmark;

import java.io.IOException;
import java.io.InputStream;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of bench/casework.sh: per request, one transaction that starts a one-step process
 * on the same Flowable engine and inserts one row, on the same pool and durable commits as the
 * application path. The process and the table are set up at start-up and are not part of the
 * product (the table is created here, not by a migration).
 */
@RestController
@Profile("bench")
class BenchBaseline {

    static final String PROCESS_KEY = "bench-baseline";
    /** The same one step with the task-level history of the platform's own processes (decision 0003). */
    static final String TASK_HISTORY_PROCESS_KEY = "bench-baseline-task-history";

    private final RuntimeService runtime;
    private final JdbcClient jdbc;

    // Flowable's engine is built after Flyway (FlowableWaitsForFlyway), so the schema is migrated by now
    BenchBaseline(RepositoryService repository, RuntimeService runtime, JdbcClient jdbc) throws IOException {
        this.runtime = runtime;
        this.jdbc = jdbc;
        for (String key : new String[] {PROCESS_KEY, TASK_HISTORY_PROCESS_KEY}) {
            try (InputStream in = new ClassPathResource("bench/" + key + ".bpmn20.xml").getInputStream()) {
                repository.createDeployment().name("bench:" + key).addBytes(key + ".bpmn20.xml", in.readAllBytes())
                        .enableDuplicateFiltering().deploy();
            }
        }
        jdbc.sql("""
                create table if not exists bench_baseline (
                    id                  bigint generated always as identity primary key,
                    process_instance_id text        not null,
                    created_at          timestamptz not null default now()
                )""").update();
    }

    @PostMapping("/bench/baseline")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    void baseline() {
        startAndRecord(PROCESS_KEY);
    }

    @PostMapping("/bench/baseline/task-history")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    void baselineWithTaskHistory() {
        startAndRecord(TASK_HISTORY_PROCESS_KEY);
    }

    private void startAndRecord(String processKey) {
        String instance = runtime.startProcessInstanceByKey(processKey).getId();
        jdbc.sql("insert into bench_baseline (process_instance_id) values (:instance)").param("instance", instance).update();
    }
}
