package org.ucdgba.gba.bsf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.provisioning.CardKeyFile;
import org.ucdgba.io.RefusedInput;

/**
 * Provisions a realm's subscribers from a card-key file: a row whose IMPI no user holds creates a user (user name
 * the IMSI) with the IMPI, the IMPU, the ICCID and an AKA credential; a row whose IMPI one user holds updates what
 * differs (a new K or OPc is a new card: its SQN starts again; a new AMF keeps the SQN) or changes nothing. So a
 * rerun of the same file changes nothing. Rows are written {@value #CHUNK} to a transaction; a chunk that fails to
 * commit is written again one row per transaction, so that one bad row costs only itself and no row is half
 * written. A file listing an IMPI twice keeps the first row and refuses the others.
 */
final class SubscriberImport {

    /** Rows written per transaction. */
    static final int CHUNK = 100;
    /** User attribute holding the card's ICCID. */
    static final String ICCID_ATTRIBUTE = "gba.iccid";
    private static final Logger LOG = Logger.getLogger(SubscriberImport.class);

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final Map<String, Integer> linesByImpi = new HashMap<>();

    SubscriberImport(KeycloakSessionFactory factory, String realmId) {
        this.factory = factory;
        this.realmId = realmId;
    }

    /**
     * Reads the whole file into the report. A file that turns unusable part way (too many lines, a line too long)
     * is read no further: the rows before are written, and the report says why the rest was not read.
     */
    void run(CardKeyFile file, ImportReport report) {
        List<CardKeyFile.Row> chunk = new ArrayList<>(CHUNK);
        try {
            for (Optional<CardKeyFile.Row> row = file.next(); row.isPresent(); row = file.next()) {
                chunk.add(row.get());
                if (chunk.size() == CHUNK) {
                    write(chunk, report);
                    chunk.clear();
                }
            }
        } catch (RefusedInput e) {
            report.unread(e.getMessage() + "; the rows before were imported");
        }
        write(chunk, report);
        file.unread().ifPresent(report::unread);
    }

    private void write(List<CardKeyFile.Row> chunk, ImportReport report) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            report.addAll(inTransaction(chunk));
        } catch (RuntimeException e) {
            LOG.debugf("a chunk of %d rows failed (%s); writing its rows one by one", chunk.size(), e);
            for (CardKeyFile.Row row : chunk) {
                try {
                    report.addAll(inTransaction(List.of(row)));
                } catch (RuntimeException rowFailure) {
                    LOG.warnf("card-key row %d not stored: %s", row.line(), rowFailure.getClass().getSimpleName());
                    report.add(refused(row, "could not be stored; the realm's other rows are unaffected"));
                }
            }
        }
    }

    private List<ImportReport.Row> inTransaction(List<CardKeyFile.Row> rows) {
        List<ImportReport.Row> outcomes = new ArrayList<>(rows.size());
        Map<String, Integer> claimed = new HashMap<>();
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            // Every look-up before any write: a query after writes would flush the whole chunk's entities again.
            List<Holders> holders = rows.stream().map(row -> Holders.of(session, realm, row)).toList();
            for (int i = 0; i < rows.size(); i++) {
                outcomes.add(apply(session, realm, rows.get(i), holders.get(i), claimed));
            }
        });
        linesByImpi.putAll(claimed);
        return outcomes;
    }

    /** The users holding a row's IMPI (at most two looked up), and whether its user name is taken. */
    private record Holders(List<UserModel> users, boolean usernameTaken) {

        static Holders of(KeycloakSession session, RealmModel realm, CardKeyFile.Row row) {
            if (row.card() == null) {
                return new Holders(List.of(), false);
            }
            List<UserModel> users = session.users().searchForUserByUserAttributeStream(realm,
                    BsfConfig.IMPI_ATTRIBUTE, row.card().identity().impi()).limit(2).toList();
            return new Holders(users, users.isEmpty() && session.users().getUserByUsername(realm, row.imsi()) != null);
        }
    }

    private ImportReport.Row apply(KeycloakSession session, RealmModel realm, CardKeyFile.Row row, Holders holders,
                                   Map<String, Integer> claimed) {
        if (row.refusal() != null) {
            return refused(row, row.refusal());
        }
        CardKeyFile.Card card = row.card();
        String impi = card.identity().impi();
        Integer earlier = linesByImpi.getOrDefault(impi, claimed.get(impi));
        if (earlier != null) {
            return refused(row, "the IMPI of line " + earlier + " again");
        }
        claimed.put(impi, row.line());
        if (holders.users().size() > 1) {
            return refused(row, "two users of the realm hold its IMPI");
        }
        if (holders.users().isEmpty()) {
            if (holders.usernameTaken()) {
                return refused(row, "the user name " + row.imsi() + " belongs to a user without this IMPI");
            }
            UserModel user = session.users().addUser(realm, row.imsi());
            user.setEnabled(true);
            user.setSingleAttribute(BsfConfig.IMPI_ATTRIBUTE, impi);
            user.setSingleAttribute(BsfConfig.IMPU_ATTRIBUTE, card.identity().impu());
            setIccid(user, row.iccid());
            // A new user holds no credential: no look-up, which would flush the chunk's writes again.
            AkaCredentialProvider.addCard(user, card.k(), card.opc(), card.amf(), new Sqn(0), false);
            return outcome(row, ImportReport.Outcome.created);
        }
        return update(holders.users().get(0), row) ? outcome(row, ImportReport.Outcome.updated)
                : outcome(row, ImportReport.Outcome.unchanged);
    }

    /** Brings an existing subscriber to the row; whether anything changed. */
    private static boolean update(UserModel user, CardKeyFile.Row row) {
        CardKeyFile.Card card = row.card();
        boolean changed = false;
        if (!row.iccid().isEmpty() && !row.iccid().equals(user.getFirstAttribute(ICCID_ATTRIBUTE))) {
            setIccid(user, row.iccid());
            changed = true;
        }
        return AkaCredentialProvider.giveCard(user, card.k(), card.opc(), card.amf()) | changed;
    }

    private static void setIccid(UserModel user, String iccid) {
        if (!iccid.isEmpty()) {
            user.setSingleAttribute(ICCID_ATTRIBUTE, iccid);
        }
    }

    private static ImportReport.Row outcome(CardKeyFile.Row row, ImportReport.Outcome outcome) {
        return new ImportReport.Row(row.line(), row.iccid(), row.imsi(), outcome, null);
    }

    private static ImportReport.Row refused(CardKeyFile.Row row, String reason) {
        return new ImportReport.Row(row.line(), row.iccid(), row.imsi(), ImportReport.Outcome.refused, reason);
    }
}
