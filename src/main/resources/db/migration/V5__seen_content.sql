-- What a reviewer saw when they requested changes, so the re-submitted draft can be compared.
alter table audit_event add column seen_content clob;
