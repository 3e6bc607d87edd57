package org.onewindow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.IntegrationTest;
import org.onewindow.PlatformClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The benchmark baseline exists only under the "bench" profile; without it no /bench path answers. */
class BenchBaselineTest {

    @Nested
    @IntegrationTest
    class WithoutTheBenchProfile {
        @LocalServerPort
        int port;
        @Autowired
        JdbcClient jdbc;

        @Test
        void thereIsNoBaselineEndpointNorTable() {
            // an address nothing answers is a plain 404 for everyone, signed in or not
            var answer = new PlatformClient(port).post("/bench/baseline", "");
            assertThat(answer.status()).isEqualTo(404);
            assertThat(jdbc.sql("select to_regclass('bench_baseline') is not null").query(Boolean.class).single()).isFalse();
        }
    }

    @Nested
    @IntegrationTest
    @ActiveProfiles("bench")
    class WithTheBenchProfile {
        @LocalServerPort
        int port;
        @Autowired
        JdbcClient jdbc;

        @Test
        void eachRequestStartsTheOneStepProcessAndInsertsOneRow() {
            int rowsBefore = rows();
            int endedBefore = historyOf("bench-baseline").get(0);
            var answer = new PlatformClient(port).post("/bench/baseline", "");
            assertThat(answer.status()).isEqualTo(201);
            assertThat(rows()).isEqualTo(rowsBefore + 1);
            assertThat(historyOf("bench-baseline").get(0)).isEqualTo(endedBefore + 1);
        }

        @Test
        void theTaskHistoryVariantRecordsTheInstanceButNotItsActivities() {
            assertThat(new PlatformClient(port).post("/bench/baseline", "").status()).isEqualTo(201);
            int endedBefore = historyOf("bench-baseline-task-history").get(0);
            assertThat(new PlatformClient(port).post("/bench/baseline/task-history", "").status()).isEqualTo(201);
            assertThat(historyOf("bench-baseline-task-history")).containsExactly(endedBefore + 1, 0);
            assertThat(historyOf("bench-baseline").get(1)).isPositive();
        }

        private int rows() {
            return jdbc.sql("select count(*) from bench_baseline").query(Integer.class).single();
        }

        /** Ended process instances, then activity rows, in the engine's history for a process key. */
        private java.util.List<Integer> historyOf(String key) {
            return jdbc.sql("""
                    select (select count(*) from act_hi_procinst h join act_re_procdef d on d.id_ = h.proc_def_id_
                            where d.key_ = :key and h.end_time_ is not null)::int,
                           (select count(*) from act_hi_actinst a join act_re_procdef d on d.id_ = a.proc_def_id_ where d.key_ = :key)::int""")
                    .param("key", key)
                    .query((rs, n) -> java.util.List.of(rs.getInt(1), rs.getInt(2))).single();
        }
    }
}
