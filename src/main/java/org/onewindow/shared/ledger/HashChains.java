package org.onewindow.shared.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.onewindow.shared.ledger.ChainReport.Finding;
import org.onewindow.shared.ledger.ChainReport.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only, hash-chained logs of the platform. A table joins a chain in a migration with
 * {@code select ledger_protect('table', 'chain', array['column', ...])}; from then on an ordinary
 * insert appends to the chain (the database chains the row in the inserting transaction) and
 * updates and deletes are refused. This class verifies: it recomputes every row's hash here, not
 * in the database, checks each link, the head and every signed head, and names what it finds.
 */
@Component
public class HashChains {

    /** Enough to name what happened; a chain broken everywhere does not need a million findings. */
    static final int MAX_FINDINGS = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ChainSeals seals;

    HashChains(DataSource dataSource, PlatformTransactionManager transactions, ChainSeals seals) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.seals = seals;
    }

    public List<String> chains() {
        return jdbc.queryForList("select chain from ledger_chain order by chain", String.class);
    }

    public List<ChainReport> verifyAll() {
        return chains().stream().map(this::verify).toList();
    }

    public ChainReport verify(String chain) {
        return readOnly.execute(status -> {
            // the columns are read as the chaining trigger rendered them: in UTC
            jdbc.execute("set local timezone to 'UTC'");
            return walk(ChainMeta.load(jdbc, chain));
        });
    }

    private ChainReport walk(ChainMeta meta) {
        Map<Long, ChainSeals.Seal> sealed = seals.sealsOf(meta.chain()).stream()
                .collect(Collectors.toMap(ChainSeals.Seal::seq, s -> s));
        List<Finding> findings = new ArrayList<>();
        sealed.values().stream().filter(s -> !seals.isAuthentic(s)).forEach(s -> findings.add(new Finding(Kind.SEAL_FORGED, null, s.seq(),
                "the signed head of position " + s.seq() + " (seal " + s.id() + ") does not verify with the verification key")));
        long sealedUpTo = sealed.values().stream().filter(seals::isAuthentic).mapToLong(ChainSeals.Seal::seq).max().orElse(0);
        Walk walk = new Walk(meta, new HashMap<>(sealed), findings);
        jdbc.query(meta.rowsQuery(), rs -> {
            List<String> values = new ArrayList<>(meta.columns().size());
            for (int i = 0; i < meta.columns().size(); i++) {
                values.add(rs.getString(5 + i));
            }
            walk.row(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4), values);
        });
        walk.end();
        return new ChainReport(meta.chain(), meta.table(), walk.rows, meta.headSeq(), sealedUpTo,
                findings.subList(0, Math.min(findings.size(), MAX_FINDINGS)));
    }

    /** One pass over a chain in the order of its positions. */
    private final class Walk {
        private final ChainMeta meta;
        private final Map<Long, ChainSeals.Seal> sealed;
        private final List<Finding> findings;
        private long rows;
        private long expected = 1;
        private byte[] previousHash = ChainMeta.GENESIS;
        private Long previousId;

        Walk(ChainMeta meta, Map<Long, ChainSeals.Seal> sealed, List<Finding> findings) {
            this.meta = meta;
            this.sealed = sealed;
            this.findings = findings;
        }

        void row(long id, long position, byte[] prevHash, byte[] rowHash, List<String> values) {
            rows++;
            if (findings.size() > MAX_FINDINGS) {
                return;
            }
            if (!Arrays.equals(Netstrings.rowHash(prevHash, values), rowHash)) {
                findings.add(new Finding(Kind.CHANGED, id, position, meta.table() + " row " + id + " at position " + position
                        + " was changed after it was written: its content does not give its hash"));
            }
            if (position > expected) {
                findings.add(new Finding(Kind.MISSING, previousId, expected, "positions " + expected + " to " + (position - 1)
                        + " are missing: " + (position - expected) + " row(s) deleted " + between(previousId, id)));
                expected = position;
            }
            if (position == expected && !Arrays.equals(prevHash, previousHash)) {
                findings.add(link(id, position, prevHash));
            }
            for (var seal : sealedAt(position)) {
                if (!Arrays.equals(seal.headHash(), rowHash)) {
                    findings.add(new Finding(Kind.SEAL_MISMATCH, id, position, "the head signed at position " + position + " on "
                            + seal.sealedAt() + " is not the hash of " + meta.table() + " row " + id + " that stands there now"));
                }
            }
            previousHash = rowHash;
            previousId = id;
            expected = position + 1;
        }

        private List<ChainSeals.Seal> sealedAt(long position) {
            ChainSeals.Seal seal = sealed.remove(position);
            return seal == null ? List.of() : List.of(seal);
        }

        private Finding link(long id, long position, byte[] prevHash) {
            List<Map<String, Object>> chainedAfter = jdbc.queryForList(meta.rowByHashQuery(), prevHash);
            if (chainedAfter.isEmpty()) {
                return new Finding(Kind.BROKEN_LINK, id, position, meta.table() + " row " + id + " at position " + position
                        + " names a predecessor no row of the chain has; the row before it (" + previousId + ") was rewritten");
            }
            Object other = chainedAfter.getFirst().get("id");
            return new Finding(Kind.REORDERED, id, position, meta.table() + " row " + id + " at position " + position
                    + " was chained after row " + other + " (position " + chainedAfter.getFirst().get("chain_seq")
                    + "), not after row " + previousId + " that it follows now");
        }

        void end() {
            if (meta.headSeq() > expected - 1) {
                findings.add(new Finding(Kind.MISSING, previousId, expected, "positions " + expected + " to " + meta.headSeq()
                        + " are missing: the last " + (meta.headSeq() - expected + 1) + " row(s) deleted after row " + previousId));
            } else if (meta.headSeq() == expected - 1 && !Arrays.equals(meta.headHash(), previousHash)) {
                findings.add(new Finding(Kind.HEAD_MISMATCH, previousId, meta.headSeq(), "the chain's head is not the hash of its last row "
                        + previousId));
            } else if (meta.headSeq() < expected - 1) {
                findings.add(new Finding(Kind.HEAD_MISMATCH, previousId, expected - 1, "rows stand beyond the chain's head (position "
                        + meta.headSeq() + "): they were not appended through the chain"));
            }
            sealed.values().forEach(seal -> findings.add(new Finding(Kind.SEAL_MISMATCH, null, seal.seq(), "the head signed at position "
                    + seal.seq() + " on " + seal.sealedAt() + " names a row that is no longer in " + meta.table())));
        }

        private static String between(Long before, long after) {
            return before == null ? "before row " + after : "between row " + before + " and row " + after;
        }
    }

    /** A chain as registered by ledger_protect: its table, the columns its hashes cover, and its head. */
    record ChainMeta(String chain, String table, List<String> columns, long headSeq, byte[] headHash) {

        static final byte[] GENESIS = new byte[32];

        static ChainMeta load(JdbcTemplate jdbc, String chain) {
            List<ChainMeta> found = jdbc.query("select chain, table_name, columns, head_seq, head_hash from ledger_chain where chain = ?",
                    (rs, n) -> new ChainMeta(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
                            rs.getLong(4), rs.getBytes(5)), chain);
            if (found.isEmpty()) {
                throw new org.onewindow.shared.NotFoundException("chain", chain);
            }
            return found.getFirst();
        }

        String rowsQuery() {
            String values = IntStream.range(0, columns.size())
                    .mapToObj(i -> "to_jsonb(t) ->> '" + columns.get(i).replace("'", "''") + "'")
                    .collect(Collectors.joining(", "));
            return "select id, chain_seq, prev_hash, row_hash, " + values + " from " + quoted(table) + " t order by chain_seq";
        }

        String rowByHashQuery() {
            return "select id, chain_seq from " + quoted(table) + " where row_hash = ? limit 1";
        }

        private static String quoted(String identifier) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }

        @Override
        public String toString() {
            return chain + " (" + table + ", head " + headSeq + " " + HexFormat.of().formatHex(headHash) + ")";
        }
    }
}
