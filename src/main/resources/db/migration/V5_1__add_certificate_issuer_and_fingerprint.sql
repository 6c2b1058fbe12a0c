-- Parsed from the uploaded certificate, shown beside subject and expiry so users can tell certificates apart.
ALTER TABLE certificates
    ADD COLUMN issuer             VARCHAR(1024),
    ADD COLUMN fingerprint_sha256 CHAR(64);
