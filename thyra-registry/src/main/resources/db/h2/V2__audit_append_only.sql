-- The audit trail cannot be changed: H2 calls a Java trigger that refuses every update and delete.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
  CALL 'org.thyra.registry.audit.AppendOnlyTrigger';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
  CALL 'org.thyra.registry.audit.AppendOnlyTrigger';
