package dev.patchbay.auth;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CompanyRepository {

    record CompanyRow(long id, String name, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    private final JdbcClient jdbc;

    CompanyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CompanyRow insert(String name) {
        return jdbc.sql("INSERT INTO companies (name) VALUES (:name) RETURNING id, name, created_at, updated_at")
                .param("name", name)
                .query(CompanyRow.class)
                .single();
    }
}
