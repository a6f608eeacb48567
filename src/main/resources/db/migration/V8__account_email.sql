-- Where an editor wants the inbox's notices e-mailed; null means no e-mail.
alter table account add column email varchar(254);
