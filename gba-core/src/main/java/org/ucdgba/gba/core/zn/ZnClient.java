package org.ucdgba.gba.core.zn;

/**
 * The NAF's side of the Zn reference point (TS 29.109): fetches the key material for a B-TID from the BSF. This is
 * the transport interface; {@link ZnSoapClient} implements the Web Services binding (clause 5.3), and a Diameter
 * binding (clause 5.2) adds another implementation. Implementations are thread-safe.
 */
public interface ZnClient {

    /** Requests the bootstrapping information for one B-TID and NAF_Id. */
    ZnAnswer requestBootstrappingInfo(ZnRequest request) throws ZnException;
}
