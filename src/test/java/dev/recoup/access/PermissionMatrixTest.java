package dev.recoup.access;

import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * docs/permissions.md is the truth about who may do what: this test reads its matrix and makes every row's request
 * as the demo user of every role, expecting 403 exactly where the matrix says ✗.
 */
@RecoupIntegrationTest
class PermissionMatrixTest {

    /** The demo user (application.yml) of each role column. */
    private static final Map<String, String[]> LOGIN = Map.of(
            "AGENT", new String[]{"agent", "recoup-agent"}, "TEAM_LEAD", new String[]{"lead", "recoup-lead"},
            "MANAGER", new String[]{"manager", "recoup-manager"}, "COMPLIANCE", new String[]{"compliance", "recoup-compliance"},
            "LEGAL", new String[]{"legal", "recoup-legal"}, "AGENCY", new String[]{"agency", "recoup-agency"},
            "ADMIN", new String[]{"admin", "recoup-admin"}, "DIALER", new String[]{"dialer", "recoup-dialer"});

    record Row(String capability, HttpMethod method, String path, Map<String, Boolean> allowed) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
    }

    @Test
    void everyRoleGetsExactlyWhatThePermissionMatrixSays() throws Exception {
        List<Row> rows = matrix();
        assertThat(rows).as("rows of the matrix in docs/permissions.md").hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (var cell : row.allowed().entrySet()) {
                String[] login = LOGIN.get(cell.getKey());
                MockHttpServletRequestBuilder request = request(row.method(), row.path()).with(httpBasic(login[0], login[1]));
                if (row.method() != HttpMethod.GET) {
                    request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}");
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                boolean refused = status == 403;
                if (status == 401) {
                    wrong.add(row.path() + " as " + cell.getKey() + ": 401 (the demo user could not log in)");
                } else if (refused == cell.getValue()) {
                    wrong.add(row.method() + " " + row.path() + " (" + row.capability() + ") as " + cell.getKey() + ": " + status
                            + ", the matrix says " + (cell.getValue() ? "✓" : "✗"));
                }
            }
        }
        assertThat(wrong).as("requests answered otherwise than docs/permissions.md says").isEmpty();
    }

    @Test
    void theMatrixNamesEveryRoleInEveryRow() throws IOException {
        for (Row row : matrix()) {
            assertThat(row.allowed().keySet()).as(row.capability()).containsExactlyInAnyOrderElementsOf(LOGIN.keySet());
        }
    }

    /** The table under "## The matrix": | capability | `METHOD path` | ✓/✗ per role … |. */
    static List<Row> matrix() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/permissions.md"));
        int start = lines.indexOf("## The matrix");
        assertThat(start).as("docs/permissions.md has a section '## The matrix'").isNotNegative();
        List<String> roles = null;
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
                cells.add(cell.strip());
            }
            if (roles == null) {
                roles = cells.subList(2, cells.size());
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            String request = cells.get(1).replace("`", "");
            String[] parts = request.split(" ", 2);
            Map<String, Boolean> allowed = new java.util.LinkedHashMap<>();
            for (int i = 0; i < roles.size(); i++) {
                String mark = cells.get(i + 2);
                assertThat(mark).as(cells.get(0) + " / " + roles.get(i)).isIn("✓", "✗");
                allowed.put(roles.get(i), mark.equals("✓"));
            }
            rows.add(new Row(cells.get(0), HttpMethod.valueOf(parts[0]), parts[1], allowed));
        }
        return rows;
    }
}
