-- PostgreSQL only (db/postgresql): two released H2 migrations (V2, V5) declare columns as clob,
-- a type PostgreSQL does not have. Here clob is text, PostgreSQL's unlimited character type.
create domain clob as text;
