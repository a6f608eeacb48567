-- The two long texts (a fetched page's words, what a reviewer saw) become character varying
-- without a length: unlimited in PostgreSQL, up to 1,000,000,000 characters in H2, and read the
-- same way by both. They were clob, which only H2 has (db/postgresql/V1_1 stands in for it).
alter table snapshot alter column page_text set data type character varying;
alter table audit_event alter column seen_content set data type character varying;
