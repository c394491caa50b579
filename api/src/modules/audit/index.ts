export { registerAuditModel, type AuditEntryDoc } from './audit.model';
export {
  createAuditPrune,
  PROVIDER_ACTOR_NAME,
  pruneAuditEntries,
  recordAudit,
  type AuditInput,
} from './audit.service';
