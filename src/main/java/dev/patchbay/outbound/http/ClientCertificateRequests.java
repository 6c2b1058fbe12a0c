package dev.patchbay.outbound.http;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Remembers whether the server asked for a client certificate during the handshake. With TLS 1.3
 * the client finishes its handshake before the server has judged the certificate, so a server that
 * refuses it (or its absence) usually just resets the connection and the alert saying why is lost.
 * Knowing the server asked lets such a reset be reported as what it almost surely is.
 */
final class ClientCertificateRequests {

    /** The context attribute (and session value) set when the server sent a CertificateRequest. */
    static final String REQUESTED = "patchbay.client-certificate-requested";

    /** A connection dropped right after a handshake in which the server asked for a client certificate. */
    static final class Refused extends SSLException {

        Refused(IOException cause) {
            super("The server closed the connection after asking for a client certificate", cause);
        }
    }

    private ClientCertificateRequests() {}

    /** An SSL context whose key manager presents {@code keys} (or nothing) and records the server's request. */
    static SSLContext sslContext(KeyStore keys, char[] password, KeyStore trustStore) throws GeneralSecurityException {
        X509KeyManager delegate = null;
        if (keys != null) {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509KeyManager x509) {
                    delegate = x509;
                }
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore); // null: the JDK's CAs
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new Recording(delegate)}, trust.getTrustManagers(), null);
        return context;
    }

    /** The client's TLS upgrade, copying the session's mark into the call's context. */
    static TlsSocketStrategy tlsStrategy(SSLContext context) {
        TlsSocketStrategy tls = ClientTlsStrategyBuilder.create().setSslContext(context).buildClassic();
        return (socket, target, port, attachment, httpContext) -> {
            SSLSocket upgraded = tls.upgrade(socket, target, port, attachment, httpContext);
            if (Boolean.TRUE.equals(upgraded.getSession().getValue(REQUESTED))) {
                httpContext.setAttribute(REQUESTED, Boolean.TRUE);
            }
            return upgraded;
        };
    }

    static boolean requested(HttpContext context) {
        return Boolean.TRUE.equals(context.getAttribute(REQUESTED));
    }

    private static final class Recording extends X509ExtendedKeyManager {

        private final X509KeyManager delegate;

        Recording(X509KeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                SSLSession handshake = ssl.getHandshakeSession();
                if (handshake != null) {
                    handshake.putValue(REQUESTED, Boolean.TRUE);
                }
            }
            return delegate == null ? null : delegate.chooseClientAlias(keyTypes, issuers, socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return delegate instanceof X509ExtendedKeyManager extended ? extended.chooseEngineClientAlias(keyTypes, issuers, engine) : null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate == null ? null : delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate == null ? null : delegate.getPrivateKey(alias);
        }

        // A client never serves.
        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
