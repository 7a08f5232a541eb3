package org.ucdgba.gba.client;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.ucdgba.gba.core.Hex;
import org.ucdgba.gba.core.Milenage;
import org.ucdgba.gba.core.aka.AkaNetwork;
import org.ucdgba.gba.core.aka.AuthenticationVector;
import org.ucdgba.gba.core.aka.Auts;
import org.ucdgba.gba.core.aka.Sqn;
import org.ucdgba.gba.core.kdf.UaSecurityProtocolId;

/** The {@code gba-client} command line: {@code aka}, {@code bootstrap} and {@code login}. See {@link #USAGE}. */
public final class GbaCli {

    static final String USAGE = """
            gba-client: a simulated GBA device (software ISIM) for labs and provisioning checks.

            Usage:
              gba-client aka --k K (--opc OPC | --op OP) --rand RAND --sqn SQN --amf AMF [--sqn-ms SQN]
                  MILENAGE and AKA values (TS 35.206, TS 33.102): OPc, f1..f5*, AK, AUTN, RES, CK, IK, and
                  AUTS = SQN_MS xor AK* || MAC-S for resynchronisation (SQN_MS defaults to --sqn).
              gba-client bootstrap --bsf URL --impi IMPI --k K (--opc OPC | --op OP) [--state FILE]
                  Ub (TS 24.109): HTTP Digest AKA with the BSF; prints the B-TID and the key lifetime.
              gba-client login URL --bsf URL --impi IMPI --k K (--opc OPC | --op OP) [--state FILE]
                      [--stop-at PREFIX] [--ua-protocol HEX]
                  Acts as the device's browser: follows redirects from a relying party's authorization URL,
                  answers the NAF's GBA challenge (Ua, TS 24.109 clause 5), checks the NAF's rspauth, and prints
                  the final redirect (e.g. the OIDC callback with its code). Bootstraps when needed.
              gba-client demo-site --issuer REALM_URL --client-id ID --client-secret S --redirect-uri URI
                      --bsf URL --impi IMPI --k K (--opc OPC | --op OP) [--state FILE]
                  Plays a third-party site and the device together: builds an OIDC authorization request
                  (code + PKCE S256), logs in as the device (as 'login'), redeems the code and prints the ID
                  token's claims. For demonstrations: it does not verify the ID token's signature.

            Options (hex values without separators):
              --k K            subscriber key K (16 octets)            env GBA_K
              --opc OPC        operator variant OPc (16 octets)       env GBA_OPC
              --op OP          operator variant OP; OPc is derived    env GBA_OP
              --impi IMPI      IMS private identity                   env GBA_IMPI
              --bsf URL        BSF Ub URL, e.g. http://host:8080/realms/operator/gba-bsf   env GBA_BSF
              --state FILE     keeps the ISIM's SQN and the bootstrap (Ks!) between runs, mode 600
              --stop-at P      stop at the first redirect starting with P (default: leaving the URL's origin)
              --ua-protocol H  Ua security protocol id, 5 octets (default 0100000002, HTTP Digest)
              --timeout MS     HTTP timeout in milliseconds (default 10000)
              --rand, --sqn (6 octets), --amf (2 octets), --sqn-ms: inputs of 'aka'
              --issuer, --client-id, --client-secret (env GBA_CLIENT_SECRET), --redirect-uri: 'demo-site'
            A value written @FILE is read from FILE (e.g. --k @/run/secrets/k). Secrets are never printed
            except by 'aka', whose purpose is to print them.

            Exit status: 0 success, 1 refused or failed (reason on stderr), 2 usage error.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    GbaCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(new GbaCli(System.out, System.err, System.getenv()).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0]) || "help".equals(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Options o = Options.parse(args, 1);
            return switch (args[0]) {
                case "aka" -> aka(o);
                case "bootstrap" -> bootstrap(o);
                case "login" -> login(o);
                case "demo-site" -> demoSite(o);
                default -> throw new UsageException("unknown command: " + args[0]);
            };
        } catch (UsageException e) {
            err.println("gba-client: " + e.getMessage());
            err.println("Try 'gba-client --help'.");
            return 2;
        } catch (GbaClientException e) {
            err.println("gba-client: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            // Malformed input (a URL, a state file, a header from a server) ends with its reason, not a trace.
            err.println("gba-client: " + e);
            return 1;
        }
    }

    private int aka(Options o) {
        byte[] k = hex(o, "k", 16);
        Milenage m = milenage(o, k);
        byte[] rand = hex(o, "rand", 16);
        Sqn sqn = Sqn.fromOctets(hex(o, "sqn", 6));
        byte[] amf = hex(o, "amf", 2);
        Milenage.MacPair macs = m.f1(rand, sqn.toOctets(), amf);
        Milenage.KeyOutputs keys = m.f2345(rand);
        AuthenticationVector av = new AkaNetwork(m).vector(rand, sqn, amf);
        Sqn sqnMs = o.has("sqn-ms") ? Sqn.fromOctets(hex(o, "sqn-ms", 6)) : sqn;
        out.println("OPc      " + Hex.encode(m.opc()));
        out.println("RAND     " + Hex.encode(rand));
        out.println("SQN      " + Hex.encode(sqn.toOctets()));
        out.println("AMF      " + Hex.encode(amf));
        out.println("f1       " + Hex.encode(macs.macA()) + "  (MAC-A)");
        out.println("f1*      " + Hex.encode(macs.macS()) + "  (MAC-S)");
        out.println("f2       " + Hex.encode(keys.res()) + "  (RES)");
        out.println("f3       " + Hex.encode(keys.ck()) + "  (CK)");
        out.println("f4       " + Hex.encode(keys.ik()) + "  (IK)");
        out.println("f5       " + Hex.encode(keys.ak()) + "  (AK)");
        out.println("f5*      " + Hex.encode(keys.akStar()) + "  (AK*)");
        out.println("AUTN     " + Hex.encode(av.autn()));
        out.println("AUTS     " + Hex.encode(Auts.of(m, rand, sqnMs)) + "  (SQN_MS " + Hex.encode(sqnMs.toOctets())
                + ", AMF* 0000)");
        return 0;
    }

    private int bootstrap(Options o) throws IOException, GbaClientException {
        Bootstrap b = device(o).bootstrap();
        out.println("B-TID    " + b.btid());
        out.println("lifetime " + b.lifetime());
        return 0;
    }

    private int login(Options o) throws IOException, GbaClientException {
        URI start = URI.create(o.positional());
        Predicate<URI> stop = o.has("stop-at")
                ? u -> u.toString().startsWith(o.get("stop-at"))
                : u -> !origin(u).equals(origin(start));
        UaClient.Result result = device(o).login(start, stop);
        out.println("redirect " + result.finalRedirect());
        out.println("naf-authenticated " + result.nafAuthenticated());
        return 0;
    }

    private int demoSite(Options o) throws IOException, GbaClientException {
        String redirectUri = o.get("redirect-uri");
        DemoRelyingParty site = new DemoRelyingParty(URI.create(o.get("issuer")), o.get("client-id"),
                o.secret("client-secret", env), redirectUri);
        UaClient.Result result = device(o).login(site.authorizationUrl(), u -> u.toString().startsWith(redirectUri));
        out.println("redirect " + result.finalRedirect());
        out.println("naf-authenticated " + result.nafAuthenticated());
        out.println("id-token-claims " + site.redeem(result.finalRedirect(), timeout(o)));
        return 0;
    }

    private Device device(Options o) throws IOException {
        String impi = o.secret("impi", env);
        byte[] k = hex(o, "k", 16);
        Path statePath = o.has("state") ? Path.of(o.get("state")) : null;
        DeviceState state = DeviceState.load(statePath);
        SoftwareIsim isim = new SoftwareIsim(impi, k, milenage(o, k).opc(), state.sqn());
        UaSecurityProtocolId ua = UaSecurityProtocolId.of(o.getOr("ua-protocol",
                UaSecurityProtocolId.HTTP_DIGEST.toString()));
        return new Device(isim, state, URI.create(o.secret("bsf", env)), ua, timeout(o));
    }

    private static Duration timeout(Options o) {
        try {
            return Duration.ofMillis(Long.parseLong(o.getOr("timeout", "10000")));
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout is not a number of milliseconds");
        }
    }

    private Milenage milenage(Options o, byte[] k) {
        if (o.has("opc") || env.containsKey("GBA_OPC")) {
            return Milenage.withOpc(k, hex(o, "opc", 16));
        }
        return Milenage.withOp(k, hex(o, "op", 16));
    }

    private byte[] hex(Options o, String name, int octets) {
        String v = o.secret(name, env);
        byte[] b;
        try {
            b = Hex.decode(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + " is not hex");
        }
        if (b.length != octets) {
            throw new UsageException("--" + name + " must be " + octets + " octets, got " + b.length);
        }
        return b;
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }

    /** A usage mistake: exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --name value} pairs and at most one positional argument. */
    record Options(Map<String, String> values, String positionalArg) {

        static Options parse(String[] args, int from) {
            Map<String, String> values = new HashMap<>();
            String positional = null;
            for (int i = from; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(args[i] + " needs a value");
                    }
                    values.put(args[i].substring(2), args[++i]);
                } else if (positional == null) {
                    positional = args[i];
                } else {
                    throw new UsageException("unexpected argument: " + args[i]);
                }
            }
            return new Options(values, positional);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String get(String name) {
            String v = values.get(name);
            if (v == null) {
                throw new UsageException("--" + name + " is required");
            }
            return v;
        }

        String getOr(String name, String defaultValue) {
            return values.getOrDefault(name, defaultValue);
        }

        String positional() {
            if (positionalArg == null) {
                throw new UsageException("a URL is required");
            }
            return positionalArg;
        }

        /** A flag, else its environment variable GBA_NAME; {@code @FILE} reads the value from a file. */
        String secret(String name, Map<String, String> env) {
            String v = values.get(name);
            if (v == null) {
                v = env.get("GBA_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            if (v == null) {
                throw new UsageException("--" + name + " is required (or GBA_"
                        + name.toUpperCase(Locale.ROOT).replace('-', '_') + ")");
            }
            if (v.startsWith("@")) {
                try {
                    return Files.readString(Path.of(v.substring(1)), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return v;
        }
    }
}
