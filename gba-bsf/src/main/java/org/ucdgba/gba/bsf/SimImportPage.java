package org.ucdgba.gba.bsf;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiPageProviderFactory;
import org.ucdgba.gba.core.provisioning.CardKeyFile;
import org.ucdgba.gba.core.provisioning.ColumnKeys;

/**
 * The admin console page {@value #ID} ("SIM card imports", Keycloak's {@code declarative-ui} feature): each entry is
 * one import of a card-key file, chosen in the browser, as {@code POST .../gba-subscribers/import} does it
 * ({@link SubscriberImport}, the same per-row outcomes). Saving an entry checks the file's header, the transport
 * keys and the settings (a file that cannot be used at all is refused, and nothing is stored), stores the entry
 * without the file and keys, and once that is committed imports the file and writes what the import did on the
 * entry: when, the counts, and the first refused rows with their reasons. So no subscriber is written for an entry
 * that was not stored, and an import the browser stopped waiting for still ends with its outcome on the entry.
 * Saving an entry again with a file imports that file (a rerun changes nothing that is already as the file says).
 * Files too large for a form (about 10 MB, some 40,000 rows) go through the REST call, in gzip. The file field is
 * secret, so that Keycloak's admin events never carry the file.
 */
public final class SimImportPage implements UiPageProviderFactory<ComponentModel> {

    /** The page's id; its title is the message of that key (themes module). */
    public static final String ID = "gba-sim-import";
    static final String NAME = "name";
    static final String FILE = "file";
    static final String COLUMN_KEYS = "columnKeys";
    static final String MNC_DIGITS = "mncDigits";
    static final String RESULT = "result";
    static final String REFUSED_ROWS = "refusedRows";
    /** Refused rows kept on the entry; the REST call reports every one. */
    static final int ROWS_KEPT = 20;
    /** Session attribute: the file checked by {@link #validateConfiguration}, imported once the entry is stored. */
    private static final String CHECKED = SimImportPage.class.getName() + ".checked";
    /** Session attribute: the import is writing its outcome on the entry. */
    private static final String WRITING = SimImportPage.class.getName() + ".writing";
    private static final Logger LOG = Logger.getLogger(SimImportPage.class);

    /** A file to import, checked. */
    private record Upload(String file, ColumnKeys keys, int mncDigits) {
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        String file = model.get(FILE);
        String keys = model.get(COLUMN_KEYS);
        String mnc = model.get(MNC_DIGITS);
        // Never stored, whatever happens below.
        model.getConfig().remove(FILE);
        model.getConfig().remove(COLUMN_KEYS);
        ComponentModel stored = model.getId() == null ? null : realm.getComponent(model.getId());
        if (session.getAttribute(WRITING) != null || (model.getId() != null && stored == null)) {
            // The import's own outcome, or an entry of a realm being imported: kept as it is.
            return;
        }
        if (model.get(NAME) == null || model.get(NAME).isBlank()) {
            throw new ComponentValidationException("Name must be given");
        }
        // What an import did is written by the import only.
        model.getConfig().remove(RESULT);
        model.getConfig().remove(REFUSED_ROWS);
        if (file == null || file.isBlank()) {
            if (stored == null) {
                throw new ComponentValidationException("Card-key file: choose the file to import");
            }
            for (String field : List.of(RESULT, REFUSED_ROWS)) {
                if (stored.get(field) != null) {
                    model.put(field, stored.get(field));
                }
            }
            return;
        }
        int mncDigits;
        try {
            mncDigits = mnc == null || mnc.isBlank() ? 0 : Integer.parseInt(mnc.strip());
        } catch (NumberFormatException e) {
            mncDigits = -1;
        }
        if (mncDigits != 0 && mncDigits != 2 && mncDigits != 3) {
            throw new ComponentValidationException("MNC digits must be 2 or 3");
        }
        ColumnKeys columnKeys;
        try {
            columnKeys = ColumnKeys.parse(keys);
            // The header, the columns and the keys, before anything is stored.
            CardKeyFile.open(new StringReader(file), columnKeys, mncDigits).close();
        } catch (IllegalArgumentException e) {
            throw new ComponentValidationException("Card-key file: " + e.getMessage());
        } catch (IOException e) {
            throw new ComponentValidationException("Card-key file: cannot be read");
        }
        model.put(RESULT, Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": importing");
        session.setAttribute(CHECKED, new Upload(file, columnKeys, mncDigits));
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        importAfterCommit(session, realm, model.getId());
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        importAfterCommit(session, realm, newModel.getId());
    }

    /** Imports the checked file once the entry is committed (not at all when it is not), then writes the outcome. */
    private static void importAfterCommit(KeycloakSession session, RealmModel realm, String entryId) {
        Upload upload = (Upload) session.getAttribute(CHECKED);
        if (upload == null) {
            return;
        }
        session.removeAttribute(CHECKED);
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        String realmName = realm.getName();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                ImportReport report = run(factory, realmId, upload);
                LOG.infof("card-key import into realm %s from the admin console: %s", realmName, report);
                KeycloakModelUtils.runJobInTransaction(factory, s -> writeOutcome(s, realmId, entryId, report));
            }

            @Override
            protected void rollbackImpl() {
                // The entry was not stored: nothing is imported.
            }
        });
    }

    private static ImportReport run(KeycloakSessionFactory factory, String realmId, Upload upload) {
        ImportReport report = new ImportReport(false);
        try (CardKeyFile cards = CardKeyFile.open(new StringReader(upload.file()), upload.keys(),
                upload.mncDigits())) {
            new SubscriberImport(factory, realmId).run(cards, report);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            report.unread("the file could not be read to its end; the rows before were imported");
        }
        return report;
    }

    private static void writeOutcome(KeycloakSession s, String realmId, String entryId, ImportReport report) {
        RealmModel realm = s.realms().getRealm(realmId);
        ComponentModel entry = realm == null ? null : realm.getComponent(entryId);
        if (entry == null) {
            return;
        }
        entry.put(RESULT, Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": " + report
                + (report.getUnread() == null ? "" : "; " + report.getUnread()));
        entry.put(REFUSED_ROWS, report.getRows().stream().limit(ROWS_KEPT)
                .map(r -> "line " + r.line() + " (" + r.imsi() + "): " + r.reason())
                .collect(Collectors.joining("\n"))
                + (report.getRows().size() > ROWS_KEPT ? "\n... " + (report.getRows().size() - ROWS_KEPT)
                + " more" : ""));
        s.setAttribute(WRITING, Boolean.TRUE);
        realm.updateComponent(entry);
    }

    @Override
    public String getHelpText() {
        return "Imports of card-key files (pySim's CSV: ICCID, IMSI, KI, OPC or OP, and optional AMF, MNC, IMPI "
                + "columns). Each saved entry imports its file and shows what the import did; a rerun changes "
                + "nothing that is already as the file says.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = ProviderConfigurationBuilder.create()
                .property().name(NAME).label("Name").type(ProviderConfigProperty.STRING_TYPE).required(true)
                .helpText("What this import is, for example the vendor's batch").add()
                .property().name(FILE).label("Card-key file").type(ProviderConfigProperty.FILE_TYPE).secret(true)
                .helpText("The CSV file as the SIM vendor gave it; imported on save, never stored").add()
                .property().name(COLUMN_KEYS).label("Transport keys").type(ProviderConfigProperty.PASSWORD)
                .secret(true).helpText("When KI or OPC are encrypted: KI:hexkey,OPC:hexkey (pySim's syntax); "
                        + "never stored").add()
                .property().name(MNC_DIGITS).label("MNC digits").type(ProviderConfigProperty.LIST_TYPE)
                .options("", "2", "3").helpText("The MNC's length when the file has no MNC column").add()
                .build();
        List<ProviderConfigProperty> all = new ArrayList<>(properties);
        all.add(shown(RESULT, "Result", ProviderConfigProperty.STRING_TYPE, "When the file was imported, and the "
                + "subscribers created, updated, unchanged and the rows refused"));
        all.add(shown(REFUSED_ROWS, "Refused rows", ProviderConfigProperty.TEXT_TYPE, "The first " + ROWS_KEPT
                + " refused rows and why"));
        return all;
    }

    /**
     * A property the import writes: edits of it are not kept (Keycloak 26.7 does not hand a property's read-only
     * flag to the admin console, so the field stays editable there).
     */
    private static ProviderConfigProperty shown(String name, String label, String type, String help) {
        return new ProviderConfigProperty(name, label, help + "; written by the import", type, null);
    }

    /** The list shows each import's name and result. */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(NAME, RESULT));
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
