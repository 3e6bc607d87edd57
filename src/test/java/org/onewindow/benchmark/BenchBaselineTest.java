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
            var answer = new PlatformClient(port).post("/bench/baseline", "");
            assertThat(answer.status()).isIn(401, 403);
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
            var answer = new PlatformClient(port).post("/bench/baseline", "");
            assertThat(answer.status()).isEqualTo(201);
            assertThat(jdbc.sql("select count(*) from bench_baseline").query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("""
                    select count(*) from act_hi_procinst h join act_re_procdef d on d.id_ = h.proc_def_id_
                    where d.key_ = 'bench-baseline' and h.end_time_ is not null""")
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }
}
