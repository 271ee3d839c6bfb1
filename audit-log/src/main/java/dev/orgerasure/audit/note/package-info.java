/**
 * The log's checkpoints and receipts in the C2SP formats of transparency logs, so that witnesses,
 * monitors and verifiers that know nothing of this log's JWS can check them: signed notes
 * (c2sp.org/signed-note) with Ed25519 keys, checkpoint notes (c2sp.org/tlog-checkpoint) and tlog
 * proofs (c2sp.org/tlog-proof). What is written, and how a third party checks it, is in {@code
 * docs/audit.md}, "Standard checkpoint format (C2SP)".
 */
package dev.orgerasure.audit.note;
