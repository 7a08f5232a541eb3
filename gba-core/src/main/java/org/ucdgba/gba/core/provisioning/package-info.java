/**
 * Provisioning subscribers from the card-key files SIM vendors deliver: the CSV layout pySim reads
 * ({@link CardKeyFile}), its column-level transport encryption ({@link ColumnKeys}, GSMA FS.28) and the IMS
 * identities a card's IMSI implies ({@link ImsIdentity}, TS 23.003 clause 13).
 */
package org.ucdgba.gba.core.provisioning;
