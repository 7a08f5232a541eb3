package org.ucdgba.gba.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.bootstrap.BTid;

/**
 * What a device keeps between runs: the ISIM's highest accepted SQN and the current bootstrap (B-TID, RAND, Ks,
 * lifetime). A properties file readable by its owner only, because Ks is a secret. Without a path nothing is kept.
 */
public final class DeviceState {

    private final Path path;
    private Sqn sqn = new Sqn(0);
    private Bootstrap bootstrap;

    private DeviceState(Path path) {
        this.path = path;
    }

    /** The state kept in {@code path}, or an empty in-memory state when {@code path} is null. */
    public static DeviceState load(Path path) throws IOException {
        DeviceState state = new DeviceState(path);
        if (path == null || !Files.exists(path)) {
            return state;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            p.load(in);
        }
        if (p.getProperty("sqn") != null) {
            state.sqn = Sqn.fromOctets(Hex.decode(p.getProperty("sqn")));
        }
        if (p.getProperty("btid") != null) {
            state.bootstrap = new Bootstrap(new BTid(p.getProperty("btid")), Instant.parse(p.getProperty("lifetime")),
                    p.getProperty("impi"), Base64.getDecoder().decode(p.getProperty("rand")),
                    Base64.getDecoder().decode(p.getProperty("ks")));
        }
        return state;
    }

    /** The ISIM's highest accepted SQN. */
    public Sqn sqn() {
        return sqn;
    }

    /** The current bootstrap for this IMPI, if one is stored and has not expired. */
    public Optional<Bootstrap> bootstrap(String impi) {
        return Optional.ofNullable(bootstrap).filter(b -> b.impi().equals(impi) && b.isValid(Instant.now()));
    }

    /** Records the SQN state and, when not null, a new bootstrap, and writes the file. */
    public void update(Sqn newSqn, Bootstrap newBootstrap) throws IOException {
        sqn = newSqn;
        if (newBootstrap != null) {
            bootstrap = newBootstrap;
        }
        if (path == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("sqn", Hex.encode(sqn.toOctets()));
        if (bootstrap != null) {
            p.setProperty("btid", bootstrap.btid().value());
            p.setProperty("lifetime", bootstrap.lifetime().toString());
            p.setProperty("impi", bootstrap.impi());
            p.setProperty("rand", Base64.getEncoder().encodeToString(bootstrap.rand()));
            p.setProperty("ks", Base64.getEncoder().encodeToString(bootstrap.ks()));
        }
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Written to an owner-only temporary file and moved into place: a crash never leaves a truncated SQN.
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".device", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, ".device", ".tmp");
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "ucdgba device state: ISIM SQN and GBA bootstrap (secret)");
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
