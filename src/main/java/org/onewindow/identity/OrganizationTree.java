package org.onewindow.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The government hierarchy: five levels of regions, each with its departments. */
@Service
public class OrganizationTree {

    private final JdbcClient jdbc;
    /**
     * Regions found so far. A region's code, parent and level never change once it exists, and
     * nearly every request asks for one or two; an unknown code is not remembered, so a region
     * added later is found.
     */
    private final Map<String, Region> known = new ConcurrentHashMap<>();

    OrganizationTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> region(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Region region = known.get(code);
        if (region != null) {
            return Optional.of(region);
        }
        Optional<Region> found = jdbc.sql("select code, parent_code, level, name_zh, name_en from region where code = :code")
                .param("code", code).query(OrganizationTree::region).optional();
        found.ifPresent(r -> known.put(code, r));
        return found;
    }

    /**
     * The node whose departments handle an item of the given level for a region: the region
     * itself, or its ancestor at that level (a provincial item applied for in a county is handled
     * by the province).
     */
    public String responsibleRegion(String regionCode, AdministrativeLevel level) {
        Region region = region(regionCode).orElseThrow(() -> new IllegalArgumentException("no region " + regionCode));
        while (region.level().ordinal() > level.ordinal() && region.parentCode() != null) {
            Optional<Region> parent = region(region.parentCode());
            if (parent.isEmpty()) {
                break;
            }
            region = parent.get();
        }
        return region.code();
    }

    public List<Region> children(String code) {
        return jdbc.sql("select code, parent_code, level, name_zh, name_en from region where parent_code = :code order by code")
                .param("code", code).query(OrganizationTree::region).list();
    }

    public List<Region> regions(AdministrativeLevel level) {
        return jdbc.sql("select code, parent_code, level, name_zh, name_en from region where level = :level order by code")
                .param("level", level.name()).query(OrganizationTree::region).list();
    }

    /** The node and everything below it. */
    public List<Region> subtree(String code) {
        return region(code).map(root -> jdbc.sql("""
                        select code, parent_code, level, name_zh, name_en from region
                        where prefix like :prefix || '%' order by code""")
                .param("prefix", root.prefix()).query(OrganizationTree::region).list()).orElse(List.of());
    }

    public int departmentCount(String regionCode) {
        return jdbc.sql("select count(*) from department where region_code = :code").param("code", regionCode)
                .query(Integer.class).single();
    }

    private static Region region(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Region(rs.getString("code"), rs.getString("parent_code"), AdministrativeLevel.valueOf(rs.getString("level")),
                rs.getString("name_zh"), rs.getString("name_en"));
    }
}
