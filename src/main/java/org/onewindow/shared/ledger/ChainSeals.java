package org.onewindow.shared.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the head of every chain that moved since its last seal, at intervals
 * (onewindow.ledger.seal-every). Someone who can write the database but does not hold the key
 * can rewrite a chain consistently, but not the signed heads: the rewrite shows as a signed head
 * whose row no longer has the signed hash. Two nodes sealing at once write one seal (the
 * position is unique per chain).
 */
@Component
public class ChainSeals {

    private final JdbcClient jdbc;
    private final SealingKey key;
    private final Clock clock;

    ChainSeals(JdbcClient jdbc, SealingKey key, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A signed head: the chain had {@code seq} rows and its last one this hash, at that time. */
    record Seal(long id, String chain, long seq, byte[] headHash, Instant sealedAt, String keyId, byte[] signature) {
    }

    @Scheduled(fixedDelayString = "${onewindow.ledger.seal-every:PT5M}", initialDelayString = "${onewindow.ledger.seal-every:PT5M}")
    @Transactional
    public void sealHeads() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("""
                select c.chain, c.head_seq, c.head_hash from ledger_chain c
                where c.head_seq > coalesce((select max(s.seq) from ledger_seal s where s.chain = c.chain), 0)""")
                .query((rs, n) -> new Seal(0, rs.getString(1), rs.getLong(2), rs.getBytes(3), now, key.id(), null))
                .list()
                .forEach(head -> jdbc.sql("""
                                insert into ledger_seal (chain, seq, head_hash, sealed_at, key_id, signature)
                                values (:chain, :seq, :hash, :at, :key, :signature) on conflict do nothing""")
                        .param("chain", head.chain()).param("seq", head.seq()).param("hash", head.headHash())
                        .param("at", Timestamp.from(now)).param("key", key.id())
                        .param("signature", key.sign(statement(head.chain(), head.seq(), head.headHash(), now)))
                        .update());
    }

    List<Seal> sealsOf(String chain) {
        return jdbc.sql("select id, chain, seq, head_hash, sealed_at, key_id, signature from ledger_seal where chain = :chain order by seq")
                .param("chain", chain)
                .query((rs, n) -> new Seal(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4), rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getBytes(7)))
                .list();
    }

    boolean isAuthentic(Seal seal) {
        return key.id().equals(seal.keyId())
                && key.verifies(statement(seal.chain(), seal.seq(), seal.headHash(), seal.sealedAt()), seal.signature());
    }

    /** What is signed: the chain, its length, its head's hash and the time, in one line an auditor can rebuild. */
    static String statement(String chain, long seq, byte[] headHash, Instant at) {
        return "onewindow-ledger-seal/1 " + chain + " " + seq + " " + HexFormat.of().formatHex(headHash) + " " + at;
    }
}
