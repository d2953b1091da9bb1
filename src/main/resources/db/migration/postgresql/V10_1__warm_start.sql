-- search mode (issue #10): the program whose stored construction a search child's harness started from
alter table programs add column warmStartSeq bigint;
