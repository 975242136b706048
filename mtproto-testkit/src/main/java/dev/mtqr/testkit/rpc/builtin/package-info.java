/** The methods every cluster serves from the start: config, nearest DC, users.getUsers and updates.getState. */
package dev.mtqr.testkit.rpc.builtin;
