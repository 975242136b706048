/**
 * Speaking older API layers: which generated package a declared layer maps to, and the conversion of objects between
 * them by constructor and field names.
 */
package dev.mtqr.testkit.layer;
