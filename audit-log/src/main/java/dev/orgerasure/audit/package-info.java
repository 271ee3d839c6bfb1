/**
 * The tamper-evident audit log of erasures. The format, and why it is built as it is, is written
 * down once, in {@code docs/audit.md}; the classes of the sub-packages implement it.
 */
package dev.orgerasure.audit;
